import { BURN_WINDOW_MINUTES, BURN_WINDOWS, type BurnWindow } from '@opsdeck/kpi'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { burnRateCounts, burnRateSpans, type WindowCounts } from './burn-rates.ts'
import { type IngestSample, ingestSamples } from './ingest.ts'
import type { SampleStatus } from './schema/services.ts'
import { createTestDatabase, type TestDatabase } from './testing.ts'

const MINUTE_MS = 60_000
// Not on an hour: every window ≥ 1 h has partial hours at both edges.
const NOW = new Date('2026-12-02T10:17:30.250Z')
const ON_THE_HOUR = new Date('2026-12-02T10:00:00Z')
// Past the half hour, with samples after it.
const LATE = new Date('2026-12-02T09:47:10Z')
const START = Date.parse('2026-11-29T06:00:00Z') // 3 days and 4 h before NOW

let t: TestDatabase
let mixed: number
let archived: number
let silent: number
afterAll(() => t.drop())
beforeAll(async () => {
  t = await createTestDatabase()
  const ids = await t.db
    .insertInto('services')
    .values(
      ['mixed', 'archived', 'silent'].map((slug) => ({
        slug,
        name: slug,
        tier: 2,
        sloTarget: 0.999,
      })),
    )
    .returning('id')
    .execute()
  ;[mixed, archived, silent] = ids.map((r) => r.id) as [number, number, number]
  await t.db.updateTable('services').set({ archivedAt: NOW }).where('id', '=', archived).execute()
  // Maintenance across an hour boundary near each edge of the 24 h window and inside the last hour.
  await t.db
    .insertInto('maintenanceWindows')
    .values([
      { serviceId: mixed, startsAt: '2026-12-01T09:50Z', endsAt: '2026-12-01T10:40Z' },
      { serviceId: mixed, startsAt: '2026-12-02T09:55Z', endsAt: '2026-12-02T10:05Z' },
    ])
    .execute()
  // A minute check with a status pattern that differs between any two windows, and a few samples
  // after NOW (a clock ahead), which no window may count.
  const samples: IngestSample[] = []
  const end = NOW.getTime() + 5 * MINUTE_MS
  for (let at = START, i = 0; at < end; at += MINUTE_MS, i++) {
    const status: SampleStatus = i % 7 === 0 ? 'down' : i % 11 === 0 ? 'degraded' : 'up'
    for (const serviceId of [mixed, archived]) {
      samples.push({
        serviceId,
        at: new Date(at + 15_000),
        status,
        latencyMs: 80,
        statusCode: 200,
        error: null,
      })
    }
  }
  await ingestSamples(t.db, samples)
})

// The naive answer: every raw sample in [now − w, now).
async function fromRaw(serviceId: number, now: Date) {
  const out = {} as Record<BurnWindow, WindowCounts>
  for (const win of BURN_WINDOWS) {
    const from = new Date(now.getTime() - BURN_WINDOW_MINUTES[win] * MINUTE_MS)
    const { rows } = await sql<WindowCounts>`
      SELECT count(*) FILTER (WHERE NOT in_maintenance AND status = 'up')::int AS up,
        count(*) FILTER (WHERE NOT in_maintenance AND status = 'degraded')::int AS degraded,
        count(*) FILTER (WHERE NOT in_maintenance AND status = 'down')::int AS down,
        count(*) FILTER (WHERE in_maintenance)::int AS maintenance
      FROM check_samples WHERE service_id = ${serviceId}
        AND checked_at >= ${from} AND checked_at < ${now}`.execute(t.db)
    out[win] = rows[0]!
  }
  return out
}

describe('burnRateCounts', () => {
  it('counts exactly the raw samples of each window, whatever the minute', async () => {
    for (const now of [NOW, ON_THE_HOUR, LATE]) {
      const [row] = await burnRateCounts(t.db, { now, serviceIds: [mixed] })
      expect(row?.serviceId).toBe(mixed)
      expect(row?.windows).toEqual(await fromRaw(mixed, now))
    }
  })

  it('gives the figures a minute check should give', async () => {
    const [row] = await burnRateCounts(t.db, { now: NOW, serviceIds: [mixed] })
    const w = row!.windows
    // 72 h = 4,320 samples; one sample a minute in every window, none missing.
    for (const win of BURN_WINDOWS) {
      const { up, degraded, down, maintenance } = w[win]
      expect(up + degraded + down + maintenance).toBe(BURN_WINDOW_MINUTES[win])
    }
    // Every 7th sample is down: about 1/7 of the 3 days, less what maintenance took.
    expect(w['3d'].down).toBeGreaterThan(600)
    // 10 min of maintenance in the last hour (09:55–10:05), 50 more in the 24 h (09:50–10:40 the
    // day before, from 10:17:30 on: 10:18:15 … 10:39:15 is 22 samples).
    expect(w['1h'].maintenance).toBe(10)
    expect(w['24h'].maintenance).toBe(10 + 22)
  })

  it('reads every service not archived, or the ones asked for', async () => {
    const all = await burnRateCounts(t.db, { now: NOW })
    expect(all.map((r) => r.serviceId)).toEqual([mixed, silent])
    const zero = { up: 0, degraded: 0, down: 0, maintenance: 0 }
    expect(all[1]!.windows['3d']).toEqual(zero)
    const asked = await burnRateCounts(t.db, { now: NOW, serviceIds: [archived] })
    expect(asked.map((r) => r.serviceId)).toEqual([archived])
    expect(asked[0]!.windows).toEqual(await fromRaw(archived, NOW))
    expect(await burnRateCounts(t.db, { now: NOW, serviceIds: [] })).toEqual([])
  })
})

describe('burnRateSpans', () => {
  it('reads whole hours from the rollups and at most half an hour raw per window', () => {
    const show = (now: Date, win: string) =>
      burnRateSpans(now)
        .filter((s) => s.win === win)
        .map((s) => [
          s.sign,
          s.src,
          s.lo.toISOString().slice(11, 23),
          s.hi.toISOString().slice(11, 23),
        ])
    // 6 h to 10:17:30.25: the hours 04:00 … 10:00 less 04:00–04:17:30.25 and anything stamped
    // after now.
    expect(show(NOW, '6h')).toEqual([
      [1, 'hourly', '04:00:00.000', '11:00:00.000'],
      [-1, 'raw', '04:00:00.000', '04:17:30.250'],
      [-1, 'raw', '10:17:30.250', '11:00:00.000'],
    ])
    // 6 h to 09:47:10: 03:47:10–04:00 raw, then the hours 04:00 … 09:00.
    expect(show(LATE, '6h')).toEqual([
      [1, 'raw', '03:47:10.000', '04:00:00.000'],
      [1, 'hourly', '04:00:00.000', '10:00:00.000'],
      [-1, 'raw', '09:47:10.000', '10:00:00.000'],
    ])
    expect(show(NOW, '30m')).toEqual([[1, 'raw', '09:47:30.250', '10:17:30.250']])
    // On the hour: whole hours, and no raw sample but any stamped after now.
    expect(show(ON_THE_HOUR, '1h')).toEqual([
      [1, 'hourly', '09:00:00.000', '11:00:00.000'],
      [-1, 'raw', '10:00:00.000', '11:00:00.000'],
    ])
  })
})
