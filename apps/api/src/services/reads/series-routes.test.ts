import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches } from '../../../test/helpers.ts'
import { NOW, readExampleApp } from './read-example.ts'
import { ServiceDetail, ServiceSeries } from './schemas.ts'

// GET /services/:slug/series over read-example.ts ('pay'; raw samples kept 30 days).

let ex: Awaited<ReturnType<typeof readExampleApp>>
beforeAll(async () => {
  ex = await readExampleApp()
})
afterAll(() => ex.drop())

const DAY_MS = 86_400_000
const series = async (query: string) => {
  const res = await ex.get(`/api/v1/services/pay/series?${query}`)
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200)
  return expectMatches(ServiceSeries, res.body)
}
const ago = (days: number) => new Date(NOW.getTime() - days * DAY_MS).toISOString()
const total = (s: ServiceSeries) =>
  s.points.reduce(
    (t, p) => ({
      up: t.up + p.counts.up,
      degraded: t.degraded + p.counts.degraded,
      down: t.down + p.counts.down,
      maintenance: t.maintenance + p.counts.maintenance,
    }),
    { up: 0, degraded: 0, down: 0, maintenance: 0 },
  )

describe('GET /api/v1/services/:slug/series: buckets', () => {
  it.each([
    // range, bucket, source: the finest that keeps to 1,000 points
    [0.5, 60, 'raw'],
    [3, 300, 'raw'],
    [7, 900, 'raw'],
    [20, 1800, 'raw'],
    [35, 3600, 'hourly'], // past raw retention
    [90, 3 * 3600, 'hourly'],
    [200, 86_400, 'daily'],
    [400, 86_400, 'daily'],
  ] as const)('%s days: %s s buckets from %s', async (days, bucketSeconds, source) => {
    const body = await series(`from=${ago(days)}&to=${NOW.toISOString()}`)
    expect(body).toMatchObject({ bucketSeconds, source })
    expect(body.points.length).toBeLessThanOrEqual(1000)
    expect(body.points.length).toBeGreaterThanOrEqual(Math.floor((days * 86_400) / bucketSeconds))
    // Consecutive buckets of the chosen size, from the bucket holding the range's start.
    const at = body.points.map((p) => Date.parse(p.at))
    expect(at[0]).toBeLessThanOrEqual(Date.parse(body.from))
    if (source !== 'daily') {
      for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBe(bucketSeconds * 1000)
    }
  })

  it('sums to the same counts as the detail for the same range', async () => {
    for (const [from, to] of [
      ['2026-10-22T10:15:00Z', '2026-10-22T10:45:00Z'],
      [ago(7), NOW.toISOString()],
      ['2026-10-01', '2026-10-28'],
    ] as const) {
      const body = await series(`from=${from}&to=${to}`)
      const detail = expectMatches(
        ServiceDetail,
        (await ex.get(`/api/v1/services/pay?from=${from}&to=${to}`)).body,
      )
      expect(total(body), `${from}..${to}`).toEqual(
        detail.windows.find((w) => w.window === 'range')?.counts,
      )
    }
  })

  it('gives each bucket its uptime and latency', async () => {
    const body = await series('from=2026-10-28T11:00:00Z&to=2026-10-28T12:30:00Z')
    const point = (iso: string) => body.points.find((p) => p.at === iso)
    expect(point('2026-10-28T12:00:00.000Z')).toMatchObject({ uptime: 0, coverage: 1, p50: null })
    expect(point('2026-10-28T11:40:00.000Z')).toMatchObject({ uptime: 1, p50: expect.any(Number) })
    expect(point('2026-10-28T11:39:00.000Z')).toMatchObject({ uptime: null, coverage: 0 })
  })
})

describe('GET /api/v1/services/:slug/series: markers and burn-down', () => {
  it('marks the maintenance windows and incidents in the range', async () => {
    const body = await series('from=2026-10-19&to=2026-10-23')
    expect(body.markers.maintenance.map((m) => m.reason)).toEqual(['Patching'])
    expect(body.markers.incidents.map((i) => i.ref)).toEqual(['INC-1'])
    const later = await series('from=2026-10-23&to=2026-10-28')
    expect(later.markers).toEqual({ maintenance: [], incidents: [] })
  })

  it('burns the 30-day budget down hour by hour to what the detail says is left', async () => {
    const { budget } = await series('from=2026-10-27&to=2026-10-28')
    expect(budget).toMatchObject({
      from: '2026-09-28T12:00:00.000Z',
      to: NOW.toISOString(),
      bucketSeconds: 3600,
      exhaustsAt: NOW.toISOString(),
    })
    expect(budget.allowedMinutes).toBeCloseTo(43.2, 9)
    expect(budget.points[0]?.remainingMinutes).toBeCloseTo(43.2, 9)
    expect(budget.points.at(-1)).toMatchObject({ at: NOW.toISOString() })
    expect(budget.points.at(-1)?.remainingMinutes).toBeCloseTo(43.2 - 67, 9)
    // S8: 20 down on 5 October 09:00–09:19.
    const at = (iso: string) => budget.points.find((p) => p.at === iso)?.remainingMinutes
    expect(at('2026-10-05T09:00:00.000Z')! - at('2026-10-05T10:00:00.000Z')!).toBeCloseTo(20, 9)
    expect(budget.points.length).toBeLessThanOrEqual(1000)
    const remaining = budget.points.map((p) => p.remainingMinutes)
    expect(remaining).toEqual([...remaining].sort((a, b) => b - a))
  })
})
