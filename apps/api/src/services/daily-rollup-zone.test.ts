import { rebuildAllDailyRollups } from '@opsdeck/db'
import { uptime } from '@opsdeck/kpi'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches, loginAs, postJson, setupApp, type TestApp } from '../../test/helpers.ts'
import { SettingsUpdated } from '../settings/schemas.ts'
import { listServiceHealth } from './queries.ts'
import { ServicesSummary } from './schemas.ts'

// One service checked every minute, its hourly rollups for every hour of 18 October to 1 November
// 2026 (London leaves BST on 25 October; New York leaves EDT on 1 November), each with a different
// number of down checks, and daily rollups built from them as London days.
const NOW = new Date('2026-11-04T12:00:00Z')
const FIRST_HOUR = Date.parse('2026-10-18T00:00Z')
const HOURS = 15 * 24
const HOUR_MS = 3_600_000
// Local days, inclusive: resolved in whichever zone the organisation has at the time.
const RANGE = 'from=2026-10-20&to=2026-10-30'

let ctx: TestApp
let admin: Record<string, string>
let viewer: Record<string, string>
beforeAll(async () => {
  ctx = await setupApp(NOW)
  admin = (await loginAs(ctx, 'admin')).headers
  viewer = (await loginAs(ctx, 'viewer')).headers
  const { id } = await ctx.db
    .insertInto('services')
    .values({ slug: 'payroll', name: 'Payroll', tier: 1, sloTarget: 0.999 })
    .returning('id')
    .executeTakeFirstOrThrow()
  const hours = Array.from({ length: HOURS }, (_, i) => {
    const down = (i * 7) % 11
    const bucketStart = new Date(FIRST_HOUR + i * HOUR_MS)
    return { serviceId: id, bucketStart, samples: 60, up: 60 - down, down }
  })
  await ctx.db.insertInto('checkRollupHourly').values(hours).execute()
  await ctx.db.transaction().execute((trx) => rebuildAllDailyRollups(trx, 'Europe/London'))
})
afterAll(() => ctx.drop())

const summary = async () => {
  const res = await ctx.app.request(`/api/v1/services/summary?${RANGE}`, { headers: viewer })
  expect(res.status).toBe(200)
  return expectMatches(ServicesSummary, await res.json())
}

// The figures straight from the hourly rollups of the range: what any split must add up to.
async function fromHourly(body: ServicesSummary) {
  const { rows } = await sql<{ up: number; down: number }>`
    SELECT sum(up)::int AS up, sum(down)::int AS down FROM check_rollup_hourly
    WHERE bucket_start >= ${body.from}::timestamptz AND bucket_start < ${body.to}::timestamptz
  `.execute(ctx.db)
  const { up, down } = rows[0]!
  const minutes = (Date.parse(body.to) - Date.parse(body.from)) / 60_000
  return uptime({ up, degraded: 0, down, maintenance: 0, expected: minutes })
}

describe('daily rollups in another zone than the organisation’s', () => {
  let afterChange: ServicesSummary

  it('starts with London days and a London range', async () => {
    const body = await summary()
    expect(body.from).toBe('2026-10-19T23:00:00.000Z')
    expect(body.to).toBe('2026-10-31T00:00:00.000Z')
    const truth = await fromHourly(body)
    expect(body.byTier[0]).toMatchObject({ uptime: truth.uptime, coverage: truth.coverage })
  })

  it('gives exact figures for New York days while the daily rollups are still London days', async () => {
    const res = await postJson(
      ctx,
      '/api/v1/settings',
      { timezone: 'America/New_York' },
      admin,
      'PATCH',
    )
    expect(res.status).toBe(200)
    expect(expectMatches(SettingsUpdated, await res.json()).dailyRollups).toEqual({
      timezone: 'Europe/London',
      rebuilding: true,
    })
    afterChange = await summary()
    // The same local days, now New York's.
    expect(afterChange.from).toBe('2026-10-20T04:00:00.000Z')
    expect(afterChange.to).toBe('2026-10-31T04:00:00.000Z')
    const truth = await fromHourly(afterChange)
    expect(afterChange.byTier[0]).toMatchObject({
      uptime: truth.uptime,
      coverage: truth.coverage,
    })
    expect(truth.coverage).toBe(1)
  })

  it('gives the same figures once the worker has re-labelled them as New York days', async () => {
    await ctx.db.transaction().execute((trx) => rebuildAllDailyRollups(trx, 'America/New_York'))
    expect(await summary()).toEqual(afterChange)
  })

  it('reads again in the new zone when the days were re-labelled after the settings were read', async () => {
    const range = { from: new Date(afterChange.from), to: new Date(afterChange.to) }
    const stale = await listServiceHealth(ctx.db, range, 'Europe/London', NOW)
    expect(stale).toEqual(await listServiceHealth(ctx.db, range, 'America/New_York', NOW))
    expect(stale[0]).toMatchObject({ up: expect.any(Number), down: expect.any(Number) })
  })
})
