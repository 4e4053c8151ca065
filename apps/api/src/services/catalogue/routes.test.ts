import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches, loginAs, postJson, setupApp, type TestApp } from '../../../test/helpers.ts'
import { ServiceDetail } from '../reads/schemas.ts'
import { ServiceConfigBody } from './schemas.ts'

const NOW = new Date('2026-12-01T12:00:00Z')
let ctx: TestApp
let manager: Record<string, string>
let n = 0

beforeAll(async () => {
  ctx = await setupApp(NOW)
  manager = (await loginAs(ctx, 'manager')).headers
  await ctx.db.insertInto('teams').values({ slug: 'platform', name: 'Platform' }).execute()
})
afterAll(() => ctx.drop())

const send = (path: string, body: unknown, method = 'POST', headers = manager) =>
  postJson(ctx, `/api/v1/services${path}`, body, headers, method)

const newSlug = () => `svc-${++n}`

/** A valid new service; `over` replaces fields. */
const body = (over: Record<string, unknown> = {}) => ({
  slug: newSlug(),
  name: 'Payroll API',
  tier: 1,
  sloTarget: 0.999,
  ...over,
})

async function create(over: Record<string, unknown> = {}) {
  const res = await send('', body(over))
  expect(res.status, await res.clone().text()).toBe(201)
  return expectMatches(ServiceConfigBody, await res.json()).service
}

const auditOf = (slug: string) =>
  sql<{ action: string; changes: Record<string, { from: unknown; to: unknown }> }>`
    SELECT a.action, a.changes FROM audit_log a JOIN services s ON a.entity_id = s.id::text
    WHERE a.entity = 'service' AND s.slug = ${slug} ORDER BY a.id`
    .execute(ctx.db)
    .then((r) => r.rows)

describe('POST /api/v1/services', () => {
  it('adds a probed HTTP service with every field, audited', async () => {
    const slug = newSlug()
    const service = await create({
      slug,
      description: 'Pays people',
      ownerTeam: 'platform',
      sloWindowDays: 28,
      tags: ['payments', 'team:hr', 'payments'],
      runbookUrl: 'https://wiki.example.org/payroll',
      dashboardUrl: null,
      openIncidentOnPage: true,
      check: {
        mode: 'probe',
        kind: 'http',
        url: 'https://payroll.example.org/health',
        method: 'HEAD',
        expectedStatuses: [204, 200, 204],
        keyword: 'ok',
        intervalSeconds: 30,
        timeoutMs: 5000,
        degradedLatencyMs: 800,
      },
    })
    expect(service).toEqual({
      slug,
      name: 'Payroll API',
      description: 'Pays people',
      tier: 1,
      ownerTeam: { slug: 'platform', name: 'Platform' },
      sloTarget: 0.999,
      sloWindowDays: 28,
      tags: ['payments', 'team:hr'],
      runbookUrl: 'https://wiki.example.org/payroll',
      dashboardUrl: null,
      openIncidentOnPage: true,
      check: {
        mode: 'probe',
        kind: 'http',
        enabled: true,
        url: 'https://payroll.example.org/health',
        method: 'HEAD',
        expectedStatuses: [200, 204],
        keyword: 'ok',
        host: null,
        port: null,
        intervalSeconds: 30,
        timeoutMs: 5000,
        degradedLatencyMs: 800,
      },
      archivedAt: null,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    })
    const [entry, ...more] = await auditOf(slug)
    expect(more).toEqual([])
    expect(entry?.action).toBe('create')
    expect(entry?.changes).toMatchObject({
      slug: { from: null, to: slug },
      ownerTeam: { from: null, to: 'platform' },
      openIncidentOnPage: { from: null, to: true },
      'check.timeoutMs': { from: null, to: 5000 },
      'check.expectedStatuses': { from: null, to: [200, 204] },
    })
  })

  it('fills in a pushed HTTP check with the defaults', async () => {
    const service = await create()
    expect(service).toMatchObject({
      description: '',
      ownerTeam: null,
      sloWindowDays: 30,
      tags: [],
      openIncidentOnPage: false,
    })
    expect(service.check).toEqual({
      mode: 'push',
      kind: 'http',
      enabled: true,
      url: null,
      method: 'GET',
      expectedStatuses: [200],
      keyword: null,
      host: null,
      port: null,
      intervalSeconds: 60,
      timeoutMs: 10000,
      degradedLatencyMs: 2000,
    })
  })

  it('adds a probed TCP service', async () => {
    const check = { mode: 'probe', kind: 'tcp', host: 'DB1.Example.org', port: 5432 }
    const service = await create({ check })
    expect(service.check).toMatchObject({ kind: 'tcp', host: 'db1.example.org', port: 5432 })
  })

  it('refuses a slug already taken, by an archived service too (409 on json.slug)', async () => {
    const { slug } = await create()
    await send(`/${slug}/archive`, {})
    const res = await send('', body({ slug, name: 'Another' }))
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({
      error: { code: 'slug_taken', details: [{ path: 'json.slug' }] },
    })
    expect(await auditOf(slug)).toHaveLength(2)
  })

  it('refuses an owner team that does not exist (422 on json.ownerTeam)', async () => {
    const slug = newSlug()
    const res = await send('', body({ slug, ownerTeam: 'nobody' }))
    expect(res.status).toBe(422)
    expect(await res.json()).toMatchObject({
      error: { code: 'unknown_team', details: [{ path: 'json.ownerTeam' }] },
    })
    const rows = await ctx.db.selectFrom('services').where('slug', '=', slug).execute()
    expect(rows).toEqual([])
  })
})

describe('who may change the catalogue', () => {
  it('refuses viewers and read tokens (403), writing nothing', async () => {
    const { slug } = await create()
    const viewer = (await loginAs(ctx, 'viewer')).headers
    const calls: [string, unknown, string][] = [
      ['', body(), 'POST'],
      [`/${slug}`, { name: 'Renamed' }, 'PATCH'],
      [`/${slug}/archive`, {}, 'POST'],
      [`/${slug}/restore`, {}, 'POST'],
    ]
    for (const [path, b, method] of calls) {
      const res = await send(path, b, method, viewer)
      expect(res.status, `${method} ${path}`).toBe(403)
      expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } })
    }
    expect(await auditOf(slug)).toHaveLength(1)
  })

  it('lets an admin in', async () => {
    const admin = (await loginAs(ctx, 'admin')).headers
    expect((await send('', body(), 'POST', admin)).status).toBe(201)
  })
})

describe('PATCH /api/v1/services/:slug', () => {
  it('turns on opening an incident on a page-level burn-rate alert, audited; a string refused', async () => {
    const service = await create()
    const res = await send(`/${service.slug}`, { openIncidentOnPage: true }, 'PATCH')
    expect(res.status).toBe(200)
    expect(expectMatches(ServiceConfigBody, await res.json()).service.openIncidentOnPage).toBe(true)
    expect((await auditOf(service.slug)).at(-1)).toEqual({
      action: 'update',
      changes: { openIncidentOnPage: { from: false, to: true } },
    })
    const stored = await ctx.db
      .selectFrom('services')
      .select('openIncidentOnPage')
      .where('slug', '=', service.slug)
      .executeTakeFirstOrThrow()
    expect(stored.openIncidentOnPage).toBe(true)
    // The service page reads it from the detail.
    const detail = await ctx.app.request(`/api/v1/services/${service.slug}`, { headers: manager })
    expect(detail.status).toBe(200)
    expect(expectMatches(ServiceDetail, await detail.json()).service.openIncidentOnPage).toBe(true)
    const bad = await send(`/${service.slug}`, { openIncidentOnPage: 'yes' }, 'PATCH')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({
      error: { details: [{ path: 'json.openIncidentOnPage' }] },
    })
  })

  it('changes only the fields sent, audits each, and makes a changed check due now', async () => {
    const service = await create({ ownerTeam: 'platform', tags: ['a'] })
    const id = await idOf(service.slug)
    const later = new Date('2026-12-01T13:00:00Z')
    await ctx.db.insertInto('checkSchedule').values({ serviceId: id, nextDueAt: later }).execute()
    ctx.clock.now = new Date('2026-12-01T12:30:00Z')
    try {
      const res = await send(
        `/${service.slug}`,
        { name: 'Payroll', check: { timeoutMs: 3000 } },
        'PATCH',
      )
      expect(res.status).toBe(200)
      const after = expectMatches(ServiceConfigBody, await res.json()).service
      expect(after).toEqual({
        ...service,
        name: 'Payroll',
        check: { ...service.check, timeoutMs: 3000 },
        updatedAt: '2026-12-01T12:30:00.000Z',
      })
      const audit = await auditOf(service.slug)
      expect(audit.at(-1)).toEqual({
        action: 'update',
        changes: {
          name: { from: 'Payroll API', to: 'Payroll' },
          'check.timeoutMs': { from: 10000, to: 3000 },
        },
      })
      expect(await dueAt(id)).toEqual(new Date('2026-12-01T12:30:00Z'))
    } finally {
      ctx.clock.now = NOW
    }
  })

  it('leaves the schedule alone when the check did not change', async () => {
    const service = await create()
    const id = await idOf(service.slug)
    const later = new Date('2026-12-01T13:00:00Z')
    await ctx.db.insertInto('checkSchedule').values({ serviceId: id, nextDueAt: later }).execute()
    const res = await send(`/${service.slug}`, { tier: 2, ownerTeam: 'platform' }, 'PATCH')
    expect(res.status).toBe(200)
    expect(await dueAt(id)).toEqual(later)
    // Back to no team: null clears it.
    const cleared = await send(`/${service.slug}`, { ownerTeam: null }, 'PATCH')
    expect(expectMatches(ServiceConfigBody, await cleared.json()).service.ownerTeam).toBeNull()
  })

  it('writes nothing for a patch that changes nothing', async () => {
    const service = await create()
    ctx.clock.now = new Date('2026-12-01T12:45:00Z')
    try {
      const res = await send(
        `/${service.slug}`,
        { name: service.name, check: { method: 'GET' } },
        'PATCH',
      )
      expect(res.status).toBe(200)
      expect(expectMatches(ServiceConfigBody, await res.json()).service).toEqual(service)
      expect(await auditOf(service.slug)).toHaveLength(1)
    } finally {
      ctx.clock.now = NOW
    }
  })

  it('judges the check with the patch applied, naming the field sent', async () => {
    const check = { intervalSeconds: 60, timeoutMs: 20000, degradedLatencyMs: 2000 }
    const service = await create({ check })
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ timeoutMs: 60000 }, 'json.check.timeoutMs', /less than the interval \(60 s = 60000 ms\)/],
      [{ intervalSeconds: 5 }, 'json.check.intervalSeconds', /10–3600 seconds/],
      [{ intervalSeconds: 15, timeoutMs: 15000 }, 'json.check.timeoutMs', /less than the interval/],
      [
        { intervalSeconds: 20 },
        'json.check.intervalSeconds',
        /longer than the timeout \(20000 ms\)/,
      ],
      [{ degradedLatencyMs: 20000 }, 'json.check.degradedLatencyMs', /less than the timeout/],
      [{ timeoutMs: 1500 }, 'json.check.timeoutMs', /more than the degraded-latency threshold/],
      [{ mode: 'probe' }, 'json.check.url', /required for an HTTP probe/],
      [{ mode: 'probe', kind: 'tcp' }, 'json.check.host', /required for a TCP probe/],
    ]
    for (const [check, path, message] of cases) {
      const res = await send(`/${service.slug}`, { check }, 'PATCH')
      expect(res.status, JSON.stringify(check)).toBe(400)
      const { error } = (await res.json()) as { error: { code: string; details: unknown[] } }
      expect(error.code).toBe('validation_failed')
      expect(error.details[0], JSON.stringify(check)).toEqual({
        path,
        message: expect.stringMatching(message),
      })
    }
    expect(await auditOf(service.slug)).toHaveLength(1)
  })

  it('refuses a new slug, an unknown field, an unknown team and an unknown service', async () => {
    const service = await create()
    for (const patch of [{ slug: 'renamed' }, { sloTargetPercent: 99.9 }]) {
      const res = await send(`/${service.slug}`, patch, 'PATCH')
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ error: { details: [{ path: 'json' }] } })
    }
    const team = await send(`/${service.slug}`, { ownerTeam: 'nobody' }, 'PATCH')
    expect(team.status).toBe(422)
    expect(await team.json()).toMatchObject({ error: { code: 'unknown_team' } })
    const missing = await send('/no-such-service', { name: 'x' }, 'PATCH')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: { code: 'service_not_found' } })
    expect(await auditOf(service.slug)).toHaveLength(1)
  })
})

describe('archive and restore', () => {
  it('archives once, restores once, each audited; again is no change', async () => {
    const service = await create()
    const archived = await send(`/${service.slug}/archive`, {})
    expect(archived.status).toBe(200)
    const body1 = expectMatches(ServiceConfigBody, await archived.json()).service
    expect(body1.archivedAt).toBe(NOW.toISOString())
    expect((await send(`/${service.slug}/archive`, {})).status).toBe(200)
    const restored = await send(`/${service.slug}/restore`, {})
    expect(expectMatches(ServiceConfigBody, await restored.json()).service.archivedAt).toBeNull()
    expect((await send(`/${service.slug}/restore`, {})).status).toBe(200)
    const audit = await auditOf(service.slug)
    expect(audit.map((a) => a.action)).toEqual(['create', 'archive', 'restore'])
    expect(audit[1]?.changes).toEqual({ archivedAt: { from: null, to: NOW.toISOString() } })
    expect(audit[2]?.changes).toEqual({ archivedAt: { from: NOW.toISOString(), to: null } })
  })

  it('keeps a component of a business service that is not archived (409)', async () => {
    const service = await create()
    const group = await ctx.db
      .insertInto('serviceGroups')
      .values({ slug: `group-${++n}`, name: 'Payroll', sloTarget: 0.99, rule: 'all' })
      .returning(['id', 'slug'])
      .executeTakeFirstOrThrow()
    const serviceId = await idOf(service.slug)
    await ctx.db
      .insertInto('serviceGroupMembers')
      .values({ groupId: group.id, serviceId })
      .execute()
    const res = await send(`/${service.slug}/archive`, {})
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({
      error: { code: 'service_in_use', message: expect.stringContaining(group.slug) },
    })
    // Once the business service is archived, its components may be too.
    await ctx.db
      .updateTable('serviceGroups')
      .set({ archivedAt: NOW })
      .where('id', '=', group.id)
      .execute()
    expect((await send(`/${service.slug}/archive`, {})).status).toBe(200)
  })

  it('answers 404 for a service that does not exist', async () => {
    for (const verb of ['archive', 'restore']) {
      const res = await send(`/no-such-service/${verb}`, {})
      expect(res.status).toBe(404)
    }
  })
})

const idOf = async (slug: string) =>
  (
    await ctx.db
      .selectFrom('services')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow()
  ).id

const dueAt = async (serviceId: number) =>
  (
    await ctx.db
      .selectFrom('checkSchedule')
      .select('nextDueAt')
      .where('serviceId', '=', serviceId)
      .executeTakeFirstOrThrow()
  ).nextDueAt
