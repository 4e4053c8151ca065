import { describe, expect, test } from 'vitest'
import { detailFixture, seriesFixture } from '../../testing/service-detail-fixture.ts'
import { burnDown, burnDownSummary, burnDownYDomain } from './burn-down.ts'
import {
  bucketLabel,
  latencySummary,
  seriesMarkers,
  seriesPoints,
  uptimeSeriesDomain,
  uptimeSummary,
} from './series-transform.ts'

const at = (iso: string) => Date.parse(iso)

describe('uptime and latency series', () => {
  const series = seriesFixture()

  test('points in percent, no data kept as a gap', () => {
    const points = seriesPoints(series)
    expect(points).toHaveLength(24)
    expect(points[0]).toEqual({
      t: at('2026-11-26T14:00:00.000Z'),
      uptime: 100,
      p50: 150,
      p95: 300,
    })
    expect(points[3]).toMatchObject({ uptime: null, p95: null })
    expect(points[23]?.uptime).toBe(25)
  })

  test('markers clipped to the range; an open incident runs to its end', () => {
    const markers = seriesMarkers({
      ...series,
      markers: {
        ...series.markers,
        maintenance: [
          ...series.markers.maintenance,
          // Wholly before the range: left out.
          {
            id: 1,
            startsAt: '2026-11-20T02:00:00Z',
            endsAt: '2026-11-20T04:00:00Z',
            reason: '',
            recurring: true,
          },
        ],
      },
    })
    expect(markers.maintenance).toEqual([
      {
        x1: at('2026-11-27T02:00:00Z'),
        x2: at('2026-11-27T04:00:00Z'),
        label: 'SQL Server cumulative update',
      },
    ])
    expect(markers.incidents).toEqual([
      {
        x1: at('2026-11-27T13:15:00Z'),
        x2: at('2026-11-27T14:00:00Z'),
        label: 'INC-0142 Payroll unreachable',
        severity: 'SEV2',
      },
    ])
  })

  test('the uptime axis starts at 0 only when a bucket fell that far', () => {
    expect(uptimeSeriesDomain(series, 0.999)).toEqual([0, 100])
    const healthy = seriesFixture({ points: series.points.filter((p) => p.uptime !== 0.25) })
    expect(uptimeSeriesDomain(healthy, 0.999)).toEqual([99.5, 100])
  })

  test('bucket labels', () => {
    expect([300, 3600, 86_400, 45].map(bucketLabel)).toEqual([
      '5-minute',
      '1-hour',
      '1-day',
      '45-second',
    ])
  })

  test('summaries say the lowest bucket, how many missed the SLO, and what is marked', () => {
    expect(uptimeSummary(series, 0.999)).toMatch(
      /^Uptime per 1-hour bucket, .*: lowest 25\.00% at 27 Nov 2026, \d\d:00; 1 of 23 buckets below the SLO of 99\.90%\. Marked: 1 maintenance window, 1 incident\.$/,
    )
    expect(latencySummary(series)).toMatch(
      /^p50 and p95 latency per 1-hour bucket: p95 typically 300 ms, highest 9\.8 s at 27 Nov 2026, \d\d:00\./,
    )
    const empty = seriesFixture({ points: [], markers: { maintenance: [], incidents: [] } })
    expect(uptimeSummary(empty, 0.999)).toBe('Uptime per 1-hour bucket: no checks in this range.')
    expect(latencySummary(empty)).toBe(
      'p50 and p95 latency per 1-hour bucket: no latency measured in this range.',
    )
  })
})

describe('error budget burn-down', () => {
  test('projects from now to the exhaustion date when it falls within the chart', () => {
    // 30-day window: the chart looks 7.5 days ahead; 50% left at ×0.5 lasts 30 more days, so
    // the projection stops at the edge, a quarter of the way down: 50% × (1 − 7.5 / 30).
    const chart = burnDown(seriesFixture().budget)
    expect(chart.exhaustsAt).toBeNull()
    expect(chart.domain).toEqual([at('2026-10-28T14:00:00Z'), at('2026-12-05T02:00:00Z')])
    expect(chart.data.at(-2)).toMatchObject({ remaining: 50, projected: 50 })
    expect(chart.data.at(-1)).toMatchObject({ remaining: null, projected: 37.5 })

    const soon = burnDown({ ...seriesFixture().budget, exhaustsAt: '2026-12-01T14:00:00.000Z' })
    expect(soon.exhaustsAt).toBe(at('2026-12-01T14:00:00Z'))
    expect(soon.domain[1]).toBe(at('2026-12-01T14:00:00Z'))
    expect(soon.data.at(-1)).toMatchObject({ projected: 0 })
  })

  test('no projection when nothing burns or the budget is spent', () => {
    const budget = seriesFixture().budget
    expect(burnDown({ ...budget, exhaustsAt: null }).data).toHaveLength(3)
    const spent = burnDown({
      ...budget,
      points: [{ at: budget.to, remainingMinutes: -17.3, remainingShare: -0.4 }],
      exhaustsAt: budget.to,
    })
    expect(spent.exhaustsAt).toBeNull()
    expect(burnDownYDomain(spent.data)).toEqual([-50, 100])
  })

  test('the summary gives the projected exhaustion date', () => {
    const budget = seriesFixture().budget
    expect(burnDownSummary(budget, 30)).toBe(
      'Error budget over the 30-day SLO window: 50% left (22m of 43m). Burn rate ×0.50: at this rate it runs out on 27 Dec 2026.',
    )
    expect(burnDownSummary({ ...budget, exhaustsAt: null }, 30)).toMatch(/Not burning/)
    const spent = {
      ...budget,
      points: [{ at: budget.to, remainingMinutes: -17.3, remainingShare: -0.4 }],
    }
    expect(burnDownSummary({ ...spent, exhaustsAt: budget.to }, 30)).toBe(
      'Error budget over the 30-day SLO window: overspent by 40% (17m over the 43m allowed). Spent.',
    )
    expect(detailFixture().service.slo.windowDays).toBe(30)
  })
})
