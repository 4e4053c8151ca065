import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches, loginAs, postJson, setupApp, type TestApp } from '../../../test/helpers.ts'
import { BusinessServiceBody, BusinessServiceList } from './schemas.ts'

const NOW = new Date('2026-12-01T12:00:00Z')
let ctx: TestApp
let manager: Record<string, string>
let viewer: Record<string, string>
let n = 0

beforeAll(async () => {
  ctx = await setupApp(NOW)
  manager = (await loginAs(ctx, 'manager')).headers
  viewer = (await loginAs(ctx, 'viewer')).headers
  for (const slug of ['web', 'db', 'queue', 'old']) {
    const body = { slug, name: slug.toUpperCase(), tier: 2, sloTarget: 0.99 }
    expect((await postJson(ctx, '/api/v1/services', body, manager)).status).toBe(201)
  }
  expect((await postJson(ctx, '/api/v1/services/old/archive', {}, manager)).status).toBe(200)
})
afterAll(() => ctx.drop())

const send = (path: string, body: unknown, method = 'POST', headers = manager) =>
  postJson(ctx, `/api/v1/business-services${path}`, body, headers, method)

const valid = (over: Record<string, unknown> = {}) => ({
  slug: `payroll-${++n}`,
  name: 'Payroll',
  sloTarget: 0.995,
  rule: 'at_least',
  minUp: 2,
  components: ['web', 'db', 'queue'],
  ...over,
})

async function create(over: Record<string, unknown> = {}) {
  const res = await send('', valid(over))
  expect(res.status, await res.clone().text()).toBe(201)
  return expectMatches(BusinessServiceBody, await res.json()).businessService
}

type Envelope = { error: { code: string; details?: { path: string; message: string }[] } }

const auditOf = (slug: string) =>
  sql<{ action: string; changes: Record<string, { from: unknown; to: unknown }> }>`
    SELECT a.action, a.changes FROM audit_log a JOIN service_groups g ON a.entity_id = g.id::text
    WHERE a.entity = 'business_service' AND g.slug = ${slug} ORDER BY a.id`
    .execute(ctx.db)
    .then((r) => r.rows)

describe('POST /api/v1/business-services', () => {
  it('adds one, audited, and answers it with its figures', async () => {
    const b = await create({ description: 'Pay run', components: ['queue', 'web', 'db'] })
    expect(b).toMatchObject({
      name: 'Payroll',
      description: 'Pay run',
      rule: 'at_least',
      minUp: 2,
      sloTarget: 0.995,
      // No samples yet: nothing is known.
      status: 'no-data',
      sloMet: null,
      archivedAt: null,
      createdAt: NOW.toISOString(),
    })
    expect(b.components.map((c) => [c.slug, c.status])).toEqual([
      ['db', 'unknown'],
      ['queue', 'unknown'],
      ['web', 'unknown'],
    ])
    expect(b.uptime.h24).toMatchObject({ uptime: null, coverage: 0 })
    expect(await auditOf(b.slug)).toEqual([
      {
        action: 'create',
        changes: {
          slug: { from: null, to: b.slug },
          name: { from: null, to: 'Payroll' },
          description: { from: null, to: 'Pay run' },
          sloTarget: { from: null, to: 0.995 },
          rule: { from: null, to: 'at_least' },
          minUp: { from: null, to: 2 },
          components: { from: null, to: ['db', 'queue', 'web'] },
        },
      },
    ])
  })

  it('refuses a slug already taken (409 on json.slug)', async () => {
    const { slug } = await create()
    const res = await send('', valid({ slug }))
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({
      error: { code: 'slug_taken', details: [{ path: 'json.slug' }] },
    })
  })

  it('refuses unknown and archived components by index (422), writing nothing', async () => {
    const slug = `refused-${++n}`
    const res = await send('', valid({ slug, components: ['web', 'nope', 'old'] }))
    expect(res.status).toBe(422)
    const body = (await res.json()) as Envelope
    expect(body.error.code).toBe('invalid_components')
    expect(body.error.details).toEqual([
      { path: 'json.components.1', message: "no service has the slug 'nope'" },
      { path: 'json.components.2', message: "'old' is archived" },
    ])
    const rows = await ctx.db.selectFrom('serviceGroups').where('slug', '=', slug).execute()
    expect(rows).toEqual([])
  })

  const RULES: [string, Record<string, unknown>, string, RegExp][] = [
    ['at_least without minUp', { minUp: undefined }, 'json.minUp', /required for the 'at_least'/],
    [
      'minUp above the components',
      { minUp: 4 },
      'json.minUp',
      /at most the number of components \(3\)/,
    ],
    ['minUp 0', { minUp: 0 }, 'json.minUp', /at least 1/],
    ['minUp with another rule', { rule: 'all', minUp: 2 }, 'json.minUp', /'at_least' rule only/],
    ['an unknown rule', { rule: 'majority' }, 'json.rule', /all|any|at_least/],
    [
      'no components',
      { rule: 'any', minUp: undefined, components: [] },
      'json.components',
      /at least one/,
    ],
    [
      'a component twice',
      { components: ['web', 'db', 'web'] },
      'json.components.2',
      /lists 'web' again/,
    ],
    ['a component slug in capitals', { components: ['Web'] }, 'json.components.0', /lowercase/],
    ['an SLO target of 99.5', { sloTarget: 99.5 }, 'json.sloTarget', /fraction between 0 and 1/],
    ['a slug of 61 characters', { slug: 'b'.repeat(61) }, 'json.slug', /at most 60/],
    ['an empty name', { name: '' }, 'json.name', /must not be empty/],
  ]
  it.each(RULES)('refuses %s (400 on the field)', async (_, over, path, message) => {
    const res = await send('', valid(over))
    expect(res.status).toBe(400)
    const body = (await res.json()) as Envelope
    expect(body.error.details).toEqual([{ path, message: expect.stringMatching(message) }])
  })

  it('is for managers: viewers are refused (403), and may read', async () => {
    const res = await send('', valid(), 'POST', viewer)
    expect(res.status).toBe(403)
    const list = await ctx.app.request('/api/v1/business-services', { headers: viewer })
    expect(list.status).toBe(200)
    expectMatches(BusinessServiceList, await list.json())
  })
})

describe('PATCH /api/v1/business-services/:slug', () => {
  it('changes the fields sent, replaces the components, audits the differences', async () => {
    const b = await create()
    const res = await send(`/${b.slug}`, { name: 'Payroll UK', components: ['web', 'db'] }, 'PATCH')
    expect(res.status).toBe(200)
    const after = expectMatches(BusinessServiceBody, await res.json()).businessService
    expect(after.name).toBe('Payroll UK')
    expect(after.components.map((c) => c.slug)).toEqual(['db', 'web'])
    expect((await auditOf(b.slug)).at(-1)).toEqual({
      action: 'update',
      changes: {
        name: { from: 'Payroll', to: 'Payroll UK' },
        components: { from: ['db', 'queue', 'web'], to: ['db', 'web'] },
      },
    })
  })

  it('drops minUp when the rule changes away from at_least', async () => {
    const b = await create()
    const res = await send(`/${b.slug}`, { rule: 'any' }, 'PATCH')
    const after = expectMatches(BusinessServiceBody, await res.json()).businessService
    expect(after).toMatchObject({ rule: 'any', minUp: null })
    expect((await auditOf(b.slug)).at(-1)?.changes).toEqual({
      rule: { from: 'at_least', to: 'any' },
      minUp: { from: 2, to: null },
    })
  })

  it('judges rule, minimum and components together, naming the field sent', async () => {
    const b = await create()
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ components: ['web'] }, 'json.components', /at least minUp \(2\) services/],
      [{ minUp: 5 }, 'json.minUp', /at most the number of components \(3\)/],
      [{ rule: 'all', minUp: 1 }, 'json.minUp', /'at_least' rule only/],
      [{ slug: 'renamed' }, 'json', /slug/],
    ]
    for (const [patch, path, message] of cases) {
      const res = await send(`/${b.slug}`, patch, 'PATCH')
      expect(res.status, JSON.stringify(patch)).toBe(400)
      const body = (await res.json()) as Envelope
      expect(body.error.details).toEqual([{ path, message: expect.stringMatching(message) }])
    }
    const archived = await send(`/${b.slug}`, { components: ['web', 'old'] }, 'PATCH')
    expect(archived.status).toBe(422)
    expect(await auditOf(b.slug)).toHaveLength(1)
  })

  it('answers 404 for one that does not exist, and writes nothing for no change', async () => {
    expect((await send('/nothing-here', { name: 'x' }, 'PATCH')).status).toBe(404)
    const b = await create()
    expect((await send(`/${b.slug}`, { name: 'Payroll', minUp: 2 }, 'PATCH')).status).toBe(200)
    expect(await auditOf(b.slug)).toHaveLength(1)
    expect((await send(`/${b.slug}`, { name: 'x' }, 'PATCH', viewer)).status).toBe(403)
  })
})

describe('archive and restore', () => {
  it('archives (off the list, still readable) and restores, audited once each', async () => {
    const b = await create()
    const archived = await send(`/${b.slug}/archive`, {})
    expect(archived.status).toBe(200)
    expect(
      expectMatches(BusinessServiceBody, await archived.json()).businessService.archivedAt,
    ).toBe(NOW.toISOString())
    expect((await send(`/${b.slug}/archive`, {})).status).toBe(200)
    const list = await ctx.app.request('/api/v1/business-services', { headers: viewer })
    const { businessServices } = expectMatches(BusinessServiceList, await list.json())
    expect(businessServices.map((x) => x.slug)).not.toContain(b.slug)
    const one = await ctx.app.request(`/api/v1/business-services/${b.slug}`, { headers: viewer })
    expect(one.status).toBe(200)
    expect((await send(`/${b.slug}/restore`, {})).status).toBe(200)
    expect((await auditOf(b.slug)).map((a) => a.action)).toEqual(['create', 'archive', 'restore'])
  })

  it('restores only once its components are back', async () => {
    await postJson(
      ctx,
      '/api/v1/services',
      { slug: 'spare', name: 'Spare', tier: 3, sloTarget: 0.9 },
      manager,
    )
    const b = await create({ rule: 'any', minUp: undefined, components: ['spare'] })
    expect((await postJson(ctx, '/api/v1/services/spare/archive', {}, manager)).status).toBe(409)
    await send(`/${b.slug}/archive`, {})
    expect((await postJson(ctx, '/api/v1/services/spare/archive', {}, manager)).status).toBe(200)
    const refused = await send(`/${b.slug}/restore`, {})
    expect(refused.status).toBe(422)
    expect(await refused.json()).toMatchObject({
      error: {
        code: 'invalid_components',
        details: [{ message: expect.stringContaining("'spare'") }],
      },
    })
    await postJson(ctx, '/api/v1/services/spare/restore', {}, manager)
    expect((await send(`/${b.slug}/restore`, {})).status).toBe(200)
  })

  it('answers 404 for one that does not exist', async () => {
    expect(
      (await ctx.app.request('/api/v1/business-services/nope', { headers: viewer })).status,
    ).toBe(404)
    expect((await send('/nope/archive', {})).status).toBe(404)
    expect((await send('/nope/restore', {})).status).toBe(404)
  })
})
