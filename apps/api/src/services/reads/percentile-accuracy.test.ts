import { ingestSamples, type IngestSample } from '@opsdeck/db'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches, loginAs, setupApp, type TestApp } from '../../../test/helpers.ts'
import { ServiceDetail } from './schemas.ts'

// p50/p95/p99 from the rollups' merged histograms against percentile_cont over the raw samples:
// 6,000 checks over 40 hours (a whole London day, 3 November, among them) with a skewed latency
// (log-normal, median 120 ms, and 2% very slow ones), written through the real ingest path.
const NOW = new Date('2026-11-04T12:00:00Z')
const COUNT = 6000
const START = NOW.getTime() - 40 * 3_600_000
const STEP_MS = 24_000

// A fixed-seed generator (mulberry32): the same samples on every run.
function random(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

let ctx: TestApp
let viewer: Record<string, string>
let serviceId: number
beforeAll(async () => {
  ctx = await setupApp(NOW)
  viewer = (await loginAs(ctx, 'viewer')).headers
  serviceId = (
    await ctx.db
      .insertInto('services')
      .values({ slug: 'skewed', name: 'Skewed', tier: 1, sloTarget: 0.999 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
  const rnd = random(42)
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd())
  const samples: IngestSample[] = Array.from({ length: COUNT }, (_, i) => {
    const slow = rnd() < 0.02
    const latencyMs = Math.round(slow ? 2000 + rnd() * 6000 : 120 * Math.exp(0.6 * normal()))
    return {
      serviceId,
      at: new Date(START + i * STEP_MS),
      status: latencyMs > 2000 ? 'degraded' : 'up',
      latencyMs,
      statusCode: 200,
      error: null,
    }
  })
  await ingestSamples(ctx.db, samples)
})
afterAll(() => ctx.drop())

async function exact(from: Date) {
  const { rows } = await sql<{ p: number[]; n: number }>`
    SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY latency_ms) AS p,
      count(*)::int AS n
    FROM check_samples WHERE service_id = ${serviceId} AND checked_at >= ${from}
  `.execute(ctx.db)
  const [p50, p95, p99] = rows[0]!.p
  return { p50: p50!, p95: p95!, p99: p99!, n: rows[0]!.n }
}

describe('latency percentiles from merged histograms', () => {
  it('are within ±5% of percentile_cont over the raw samples, from hourly and daily rollups', async () => {
    const res = await ctx.app.request('/api/v1/services/skewed', { headers: viewer })
    expect(res.status).toBe(200)
    const { latency } = expectMatches(ServiceDetail, await res.json())
    // 24 h: the hourly rollups from 3 November 12:00. 30 days: the daily rollup of 3 November
    // (a whole London day) and the hourly ones either side.
    for (const [window, from] of [
      [latency.h24, new Date('2026-11-03T12:00:00Z')],
      [latency.d30, new Date(START)],
    ] as const) {
      const truth = await exact(from)
      expect(window.count).toBe(truth.n)
      // The tail really is long: p99 is many times the median.
      expect(truth.p99 / truth.p50).toBeGreaterThan(10)
      for (const q of ['p50', 'p95', 'p99'] as const) {
        const estimate = window[q]
        expect(estimate, q).not.toBeNull()
        const error = Math.abs(estimate! / truth[q] - 1)
        expect(error, `${q}: ${estimate} vs ${truth[q]}`).toBeLessThan(0.05)
      }
    }
  })
})
