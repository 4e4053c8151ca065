import { ingestSamples } from '@opsdeck/db'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  expectMatches,
  loginAs,
  postJson,
  SAME_ORIGIN,
  useClockedApp,
} from '../../../test/helpers.ts'
import { CreatedMaintenance, MaintenanceList } from './schemas.ts'

// Weekly maintenance windows. The clock stands at 09:00 UTC on Thursday 1 October 2026; London
// leaves BST at 01:00 UTC on Sunday 25 October.
const START = new Date('2026-10-01T09:00:00Z')
const ctx = useClockedApp(START)

let manager: Record<string, string>
let n = 0
beforeEach(async () => {
  manager = (await loginAs(ctx, 'manager')).headers
})

async function newService() {
  const slug = `weekly-${++n}`
  const row = await ctx.db
    .insertInto('services')
    .values({ slug, name: slug, tier: 1, sloTarget: 0.999 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { slug, id: row.id }
}

const sundays = { isoWeekday: 7, localStart: '02:00', durationMinutes: 120, startsOn: '2026-10-01' }
const plan = (slug: string, weekly: Record<string, unknown>) =>
  postJson(ctx, `/api/v1/services/${slug}/maintenance`, { weekly, reason: 'Patching' }, manager)
const planned = async (slug: string, weekly: Record<string, unknown>) => {
  const res = await plan(slug, weekly)
  expect(res.status).toBe(201)
  return expectMatches(CreatedMaintenance, await res.json())
}
const list = async (slug: string) =>
  expectMatches(
    MaintenanceList,
    await (
      await ctx.app.request(`/api/v1/services/${slug}/maintenance`, { headers: manager })
    ).json(),
  )
const remove = (path: string) =>
  ctx.app.request(`/api/v1/services/${path}`, {
    method: 'DELETE',
    headers: { ...SAME_ORIGIN, ...manager },
  })
const times = (windows: { startsAt: string; endsAt: string }[]) =>
  windows.map((w) => `${w.startsAt.slice(0, 16)}/${w.endsAt.slice(11, 16)}`)

describe('a weekly maintenance window', () => {
  it('is saved with eight weeks of occurrences at 02:00 London time, BST or not', async () => {
    const { slug } = await newService()
    const body = await planned(slug, { ...sundays, timezone: 'Europe/London' })
    expect(body.schedule).toEqual({
      id: expect.any(Number),
      isoWeekday: 7,
      localStart: '02:00',
      durationMinutes: 120,
      timezone: 'Europe/London',
      startsOn: '2026-10-01',
      endsOn: null,
      reason: 'Patching',
      expandedUntil: '2026-11-26T09:00:00.000Z',
      createdAt: START.toISOString(),
    })
    expect(times(body.windows)).toEqual([
      '2026-10-04T01:00/03:00',
      '2026-10-11T01:00/03:00',
      '2026-10-18T01:00/03:00',
      '2026-10-25T02:00/04:00', // GMT from that morning
      '2026-11-01T02:00/04:00',
      '2026-11-08T02:00/04:00',
      '2026-11-15T02:00/04:00',
      '2026-11-22T02:00/04:00',
    ])
    expect(body.windows.every((w) => w.scheduleId === body.schedule!.id)).toBe(true)
    expect(await list(slug)).toEqual({ windows: body.windows, schedules: [body.schedule] })
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'changes'])
      .where('entity', '=', 'maintenance_schedule')
      .where('entityId', '=', String(body.schedule!.id))
      .execute()
    expect(audit).toEqual([
      {
        action: 'create',
        changes: expect.objectContaining({
          service: { from: null, to: slug },
          timezone: { from: null, to: 'Europe/London' },
          localStart: { from: null, to: '02:00' },
        }),
      },
    ])

    // Samples recorded later find the occurrences: inside is maintenance, outside is not.
    const { id } = await ctx.db
      .selectFrom('services')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow()
    const at = ['2026-10-18T01:30:00Z', '2026-10-25T01:30:00Z', '2026-10-25T02:30:00Z']
    await ingestSamples(
      ctx.db,
      at.map((a) => ({
        serviceId: id,
        at: new Date(a),
        status: 'down',
        latencyMs: null,
        statusCode: null,
        error: 'timeout',
      })),
    )
    const raw = await ctx.db
      .selectFrom('checkSamples')
      .select('inMaintenance')
      .where('serviceId', '=', id)
      .orderBy('checkedAt')
      .execute()
    expect(raw.map((r) => r.inMaintenance)).toEqual([true, false, true])
  })

  it('takes the organisation’s time zone when none is given', async () => {
    const { slug } = await newService()
    await ctx.db.updateTable('organisationSettings').set({ timezone: 'America/New_York' }).execute()
    try {
      const body = await planned(slug, { ...sundays, endsOn: '2026-11-01' })
      expect(body.schedule?.timezone).toBe('America/New_York')
      // 02:00 EDT is 06:00 UTC; New York leaves EDT on 1 November, at 02:00 EDT: 02:00 EST.
      expect(times(body.windows)).toEqual([
        '2026-10-04T06:00/08:00',
        '2026-10-11T06:00/08:00',
        '2026-10-18T06:00/08:00',
        '2026-10-25T06:00/08:00',
        '2026-11-01T07:00/09:00',
      ])
    } finally {
      await ctx.db.updateTable('organisationSettings').set({ timezone: 'Europe/London' }).execute()
    }
  })

  it('spells a zone as the tz database does', async () => {
    const { slug } = await newService()
    const body = await planned(slug, { ...sundays, timezone: 'europe/london' })
    expect(body.schedule?.timezone).toBe('Europe/London')
  })

  it.each([
    [
      'starting on a day already gone',
      { startsOn: '2026-09-30' },
      'maintenance_in_past',
      'json.weekly.startsOn',
      /^must be today \(2026-10-01 in Europe\/London\) or later/,
    ],
    [
      'in an unknown zone',
      { timezone: 'Mars/Olympus_Mons' },
      'invalid_maintenance',
      'json.weekly.timezone',
      /^Mars\/Olympus_Mons is not an IANA time zone/,
    ],
    [
      'in an offset rather than a zone',
      { timezone: '+01:00' },
      'invalid_maintenance',
      'json.weekly.timezone',
      /is not an IANA time zone/,
    ],
    [
      'ending before it starts',
      { startsOn: '2026-10-10', endsOn: '2026-10-09' },
      'invalid_maintenance',
      'json.weekly.endsOn',
      /^must be on or after startsOn$/,
    ],
    [
      'with no Sunday between its days',
      { startsOn: '2026-10-05', endsOn: '2026-10-10' },
      'invalid_maintenance',
      'json.weekly.endsOn',
      /^has no occurrence: no Sunday at 02:00 from now to 2026-10-10$/,
    ],
    // Today, Thursday, at 08:00 BST: an hour before now.
    [
      'whose only occurrence has begun',
      { isoWeekday: 4, localStart: '08:00', endsOn: '2026-10-01' },
      'invalid_maintenance',
      'json.weekly.endsOn',
      /^has no occurrence/,
    ],
  ])('is refused (422) %s, and nothing is written', async (_, change, code, path, message) => {
    const { slug } = await newService()
    const res = await plan(slug, { ...sundays, timezone: 'Europe/London', ...change })
    expect(res.status).toBe(422)
    expect(await res.json()).toMatchObject({
      error: { code, details: [{ path, message: expect.stringMatching(message) }] },
    })
    expect(await list(slug)).toEqual({ windows: [], schedules: [] })
  })

  it('is deleted with its occurrences yet to start; one under way stays, as history', async () => {
    const { slug } = await newService()
    const body = await planned(slug, { ...sundays, timezone: 'Europe/London' })
    const [first] = body.windows
    // An occurrence cannot be cancelled on its own: the schedule would be left saying otherwise.
    const single = await remove(`${slug}/maintenance/${first!.id}`)
    expect(single.status).toBe(409)
    expect(await single.json()).toMatchObject({ error: { code: 'maintenance_scheduled' } })

    ctx.clock.now = new Date('2026-10-04T01:30:00Z') // 02:30 BST, inside the first occurrence
    manager = (await loginAs(ctx, 'manager')).headers
    expect((await remove(`${slug}/maintenance-schedules/${body.schedule!.id}`)).status).toBe(204)
    expect(await list(slug)).toEqual({
      windows: [{ ...first, scheduleId: null, state: 'in-progress' }],
      schedules: [],
    })
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'changes'])
      .where('entity', '=', 'maintenance_schedule')
      .where('entityId', '=', String(body.schedule!.id))
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete'])
    expect(audit[1]!.changes).toMatchObject({ upcomingWindows: { from: 7, to: 0 } })
    const again = await remove(`${slug}/maintenance-schedules/${body.schedule!.id}`)
    expect(again.status).toBe(404)
    expect(await again.json()).toMatchObject({ error: { code: 'maintenance_schedule_not_found' } })
  })
})
