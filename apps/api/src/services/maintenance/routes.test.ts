import { beforeEach, describe, expect, it } from 'vitest'
import {
  expectMatches,
  loginAs,
  postJson,
  SAME_ORIGIN,
  useClockedApp,
} from '../../../test/helpers.ts'
import { CreatedMaintenance, MaintenanceList } from './schemas.ts'

// One-off windows. The clock stands at 09:00 UTC on Thursday 1 October 2026.
const START = new Date('2026-10-01T09:00:00Z')
const MINUTE = 60_000
const ctx = useClockedApp(START)

let manager: Record<string, string>
let n = 0
beforeEach(async () => {
  manager = (await loginAs(ctx, 'manager')).headers
})

// A session lasts hours, not days: a test that moves the clock far signs in again.
async function at(instant: string) {
  ctx.clock.now = new Date(instant)
  manager = (await loginAs(ctx, 'manager')).headers
}

async function newService(archived = false) {
  const slug = `maint-${++n}`
  await ctx.db
    .insertInto('services')
    .values({ slug, name: slug, tier: 2, sloTarget: 0.999, archivedAt: archived ? START : null })
    .execute()
  return slug
}

const plan = (slug: string, body: unknown) =>
  postJson(ctx, `/api/v1/services/${slug}/maintenance`, body, manager)
const list = async (slug: string, query = '') => {
  const res = await ctx.app.request(`/api/v1/services/${slug}/maintenance${query}`, {
    headers: manager,
  })
  return { status: res.status, body: await res.json() }
}
const cancel = (path: string) =>
  ctx.app.request(`/api/v1/services/${path}`, {
    method: 'DELETE',
    headers: { ...SAME_ORIGIN, ...manager },
  })
const auditOf = (entity: string, entityId: number) =>
  ctx.db
    .selectFrom('auditLog')
    .select(['action', 'changes', 'actorUserId'])
    .where('entity', '=', entity)
    .where('entityId', '=', String(entityId))
    .orderBy('id')
    .execute()

const tonight = { startsAt: '2026-10-01T22:00:00Z', endsAt: '2026-10-02T01:30:00Z' }

describe('a one-off maintenance window', () => {
  it('is planned by a manager, audited, and listed as upcoming', async () => {
    const slug = await newService()
    const res = await plan(slug, { ...tonight, reason: 'Database upgrade' })
    expect(res.status).toBe(201)
    const created = expectMatches(CreatedMaintenance, await res.json())
    expect(created).toEqual({
      schedule: null,
      windows: [
        {
          id: expect.any(Number),
          startsAt: '2026-10-01T22:00:00.000Z',
          endsAt: '2026-10-02T01:30:00.000Z',
          reason: 'Database upgrade',
          scheduleId: null,
          state: 'upcoming',
        },
      ],
    })
    const id = created.windows[0]!.id
    expect(await auditOf('maintenance_window', id)).toEqual([
      {
        action: 'create',
        actorUserId: expect.any(Number),
        changes: {
          service: { from: null, to: slug },
          startsAt: { from: null, to: '2026-10-01T22:00:00.000Z' },
          endsAt: { from: null, to: '2026-10-02T01:30:00.000Z' },
          reason: { from: null, to: 'Database upgrade' },
        },
      },
    ])
    // During the window it is in progress; a day after, ended; past recentDays, gone.
    await at('2026-10-01T23:00:00Z')
    const during = expectMatches(MaintenanceList, (await list(slug)).body)
    expect(during).toEqual({
      windows: [{ ...created.windows[0], state: 'in-progress' }],
      schedules: [],
    })
    await at('2026-10-03T12:00:00Z')
    const after = expectMatches(MaintenanceList, (await list(slug, '?recentDays=2')).body)
    expect(after.windows.map((w) => w.state)).toEqual(['ended'])
    expect(
      expectMatches(MaintenanceList, (await list(slug, '?recentDays=1')).body).windows,
    ).toEqual([])
  })

  it('may start up to a minute ago, as a form sent "now" takes a moment to arrive', async () => {
    const slug = await newService()
    const startsAt = new Date(START.getTime() - 59_000).toISOString()
    const endsAt = new Date(START.getTime() + 30 * MINUTE).toISOString()
    expect((await plan(slug, { startsAt, endsAt, reason: 'Restart' })).status).toBe(201)
  })

  it.each([
    [
      'that starts in the past',
      { startsAt: '2026-10-01T08:58:00Z', endsAt: '2026-10-01T10:00:00Z' },
      'maintenance_in_past',
      [
        {
          path: 'json.startsAt',
          message: expect.stringMatching(
            /^must not be in the past: samples already recorded keep their accounting/,
          ),
        },
      ],
    ],
    [
      'that ends as it starts',
      { startsAt: '2026-10-02T10:00:00Z', endsAt: '2026-10-02T10:00:00Z' },
      'invalid_maintenance',
      [{ path: 'json.endsAt', message: 'must be after startsAt' }],
    ],
    [
      'longer than seven days',
      { startsAt: '2026-10-02T10:00:00Z', endsAt: '2026-10-09T10:01:00+00:00' },
      'invalid_maintenance',
      [{ path: 'json.endsAt', message: 'must be at most 7 days after startsAt' }],
    ],
    [
      'in the past and ending before it starts',
      { startsAt: '2026-09-30T10:00:00Z', endsAt: '2026-09-30T09:00:00Z' },
      'maintenance_in_past',
      [
        { path: 'json.startsAt', message: expect.stringMatching(/^must not be in the past/) },
        { path: 'json.endsAt', message: 'must be after startsAt' },
      ],
    ],
  ])('is refused (422) %s, and nothing is written', async (_, times, code, details) => {
    const slug = await newService()
    const res = await plan(slug, { ...times, reason: 'Work' })
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body).toEqual({
      error: { code, message: expect.stringMatching(/^Cannot plan this window: json\./), details },
    })
    expect(((await list(slug)).body as { windows: unknown[] }).windows).toEqual([])
  })

  it('is refused for an archived service (422) and an unknown one (404)', async () => {
    const archived = await newService(true)
    const res = await plan(archived, { ...tonight, reason: 'Work' })
    expect(res.status).toBe(422)
    expect(await res.json()).toMatchObject({ error: { code: 'service_archived' } })
    const none = await plan('no-such-service', { ...tonight, reason: 'Work' })
    expect(none.status).toBe(404)
    expect(await none.json()).toMatchObject({ error: { code: 'service_not_found' } })
    expect((await list('no-such-service')).status).toBe(404)
  })

  it('names the fields a request is missing or mixes up (400)', async () => {
    const slug = await newService()
    const missing = await plan(slug, { startsAt: tonight.startsAt, reason: 'Work' })
    expect(missing.status).toBe(400)
    expect(await missing.json()).toMatchObject({
      error: {
        code: 'validation_failed',
        details: [
          { path: 'json.endsAt', message: expect.stringMatching(/required for a one-off window/) },
        ],
      },
    })
    const weekly = {
      isoWeekday: 7,
      localStart: '02:00',
      durationMinutes: 60,
      startsOn: '2026-10-04',
    }
    const mixed = await plan(slug, { ...tonight, weekly, reason: 'Work' })
    expect(mixed.status).toBe(400)
    const paths = ((await mixed.json()) as { error: { details: { path: string }[] } }).error.details
    expect(paths.map((d) => d.path)).toEqual(['json.startsAt', 'json.endsAt'])
  })

  it('is cancelled before it starts, audited; once started it stays (409)', async () => {
    const slug = await newService()
    const body = expectMatches(
      CreatedMaintenance,
      await (await plan(slug, { ...tonight, reason: 'Work' })).json(),
    )
    const id = body.windows[0]!.id
    const started = expectMatches(
      CreatedMaintenance,
      await (
        await plan(slug, { startsAt: START.toISOString(), endsAt: tonight.startsAt, reason: 'Now' })
      ).json(),
    ).windows[0]!.id

    ctx.clock.now = new Date(START.getTime() + MINUTE)
    const refused = await cancel(`${slug}/maintenance/${started}`)
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({ error: { code: 'maintenance_started' } })

    expect((await cancel(`${slug}/maintenance/${id}`)).status).toBe(204)
    expect((await auditOf('maintenance_window', id)).map((a) => a.action)).toEqual([
      'create',
      'delete',
    ])
    const again = await cancel(`${slug}/maintenance/${id}`)
    expect(again.status).toBe(404)
    expect(await again.json()).toMatchObject({ error: { code: 'maintenance_window_not_found' } })
    // Another service's window is not found under this one.
    const other = await newService()
    expect((await cancel(`${other}/maintenance/${started}`)).status).toBe(404)
    const left = expectMatches(MaintenanceList, (await list(slug)).body)
    expect(left.windows.map((w) => [w.id, w.state])).toEqual([[started, 'in-progress']])
  })
})
