import { describe, expect, test } from 'vitest'
import { formatInstant } from '../../lib/format.ts'
import { emptyMetricsFixture, metricsFixture } from '../../testing/incident-metrics-fixture.ts'
import {
  breachNote,
  countsSummary,
  downtimeCount,
  downtimeRows,
  durationFigures,
  durationTicks,
  monthLabel,
  monthlyCounts,
  monthRows,
  repeatRows,
  responseTrend,
  serviceRows,
  severitiesIn,
  severityNote,
  trendSummary,
} from './analytics-transform.ts'

// The worked example is the fixture's: 1 Sep – 30 Nov 2026, nothing in September, two incidents
// in October, three in November (its header has every figure).

describe('monthly series', () => {
  test('months come out oldest first, however the answer lists them', () => {
    const metrics = metricsFixture()
    const shuffled = metricsFixture({ byMonth: [...metrics.byMonth].reverse() })
    expect(monthlyCounts(shuffled).map((p) => p.month)).toEqual(['2026-09', '2026-10', '2026-11'])
    expect(responseTrend(shuffled, 'mtta').map((p) => p.label)).toEqual([
      'Sept 2026',
      'Oct 2026',
      'Nov 2026',
    ])
  })

  test('incident counts per month and severity; an empty month is a count of 0', () => {
    expect(monthlyCounts(metricsFixture())).toEqual([
      { month: '2026-09', label: 'Sept 2026', total: 0, SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 },
      { month: '2026-10', label: 'Oct 2026', total: 2, SEV1: 0, SEV2: 1, SEV3: 1, SEV4: 0 },
      { month: '2026-11', label: 'Nov 2026', total: 3, SEV1: 1, SEV2: 1, SEV3: 1, SEV4: 0 },
    ])
  })

  test('MTTA per month: a month with nothing acknowledged is a gap (null), not 0', () => {
    const [sep, oct, nov] = responseTrend(metricsFixture(), 'mtta')
    expect(sep).toEqual({
      month: '2026-09',
      label: 'Sept 2026',
      all: null,
      SEV1: null,
      SEV2: null,
      SEV3: null,
      SEV4: null,
    })
    // October: (6 + 14) / 2 = 10; November: (4 + 40 + 20) / 3.
    expect(oct).toMatchObject({ all: 10, SEV1: null, SEV2: 6, SEV3: 14, SEV4: null })
    expect(nov?.all).toBeCloseTo(21.333, 3)
    expect(nov).toMatchObject({ SEV1: 4, SEV2: 40, SEV3: 20 })
  })

  test('MTTR per month leaves the open SEV1 out; a real 0 stays 0', () => {
    const nov = responseTrend(metricsFixture(), 'mttr')[2]
    expect(nov).toMatchObject({ all: 320, SEV1: null, SEV2: 240, SEV3: 400 })
    const zero = { mean: 0, median: 0, p90: 0, count: 1 }
    const metrics = metricsFixture()
    const instant = metricsFixture({
      byMonth: metrics.byMonth.map((m) => ({ ...m, mtta: m.incidents > 0 ? zero : m.mtta })),
    })
    expect(responseTrend(instant, 'mtta').map((p) => p.all)).toEqual([null, 0, 0])
  })

  test('the charts in words', () => {
    const metrics = metricsFixture()
    expect(countsSummary(monthlyCounts(metrics))).toBe(
      'Incidents started per month, Sept 2026 to Nov 2026: Sept 2026 none; ' +
        'Oct 2026 2 (SEV2 1, SEV3 1); Nov 2026 3 (SEV1 1, SEV2 1, SEV3 1).',
    )
    expect(trendSummary(responseTrend(metrics, 'mttr'), 'mttr', severitiesIn(metrics))).toBe(
      'Mean time to resolve per month, Sept 2026 to Nov 2026: ' +
        'Sept 2026 no data, Oct 2026 2h 30m, Nov 2026 5h 20m. ' +
        'SEV1: no data. SEV2: Oct 2026 2h, Nov 2026 4h. SEV3: Oct 2026 3h, Nov 2026 6h 40m.',
    )
  })

  test('the month table reads the same figures', () => {
    expect(monthRows(metricsFixture())).toEqual([
      {
        month: '2026-09',
        label: 'Sept 2026',
        incidents: '0',
        mtta: 'n/a',
        mttr: 'n/a',
        breachRate: 'n/a',
      },
      {
        month: '2026-10',
        label: 'Oct 2026',
        incidents: '2',
        mtta: '10m',
        mttr: '2h 30m',
        breachRate: '0.0%',
      },
      {
        month: '2026-11',
        label: 'Nov 2026',
        incidents: '3',
        mtta: '21m',
        mttr: '5h 20m',
        breachRate: '50.0%',
      },
    ])
  })

  test('the duration axis steps by round durations, at most five of them', () => {
    const metrics = metricsFixture()
    // MTTA peaks at 40 min (SEV2, November): 10-minute steps; MTTR at 400 min (SEV3): 2 h.
    expect(durationTicks(responseTrend(metrics, 'mtta'))).toEqual([0, 10, 20, 30, 40])
    expect(durationTicks(responseTrend(metrics, 'mttr'))).toEqual([0, 120, 240, 360, 480])
    expect(durationTicks(responseTrend(emptyMetricsFixture(), 'mttr'))).toEqual([0])
    const point = (all: number) => ({ ...responseTrend(metrics, 'mttr')[0]!, all })
    expect(durationTicks([point(0.5)])).toEqual([0, 1])
    // 100 days: 30-day steps; past 150 days, whole multiples of 30 days.
    expect(durationTicks([point(144_000)])).toEqual([0, 43_200, 86_400, 129_600, 172_800])
    expect(durationTicks([point(300_000)])).toEqual([0, 86_400, 172_800, 259_200, 345_600])
  })

  test('a month label is the calendar month, whatever the zone', () => {
    expect(monthLabel('2026-01')).toBe('Jan 2026')
    expect(monthLabel('2026-12')).toBe('Dec 2026')
  })
})

describe('figures and tables', () => {
  test('MTTA, MTTR and MTTD: the mean, with median, p90 and how many were measured', () => {
    expect(durationFigures(metricsFixture())).toEqual([
      {
        kpi: 'mtta',
        label: 'MTTA',
        value: '17m',
        note: 'mean · median 14m · p90 32m · over 5 acknowledged',
      },
      {
        kpi: 'mttr',
        label: 'MTTR',
        value: '3h 55m',
        note: 'mean · median 3h 30m · p90 5h 52m · over 4 resolved',
      },
      {
        kpi: 'mttd',
        label: 'MTTD',
        value: '5m',
        note: 'mean · median 4m · p90 7m · over 4 with a detection time',
      },
    ])
    expect(durationFigures(emptyMetricsFixture()).map((f) => [f.value, f.note])).toEqual([
      ['n/a', 'mean; none acknowledged yet'],
      ['n/a', 'mean; none resolved yet'],
      ['n/a', 'mean; none with a detection time yet'],
    ])
  })

  test('breach rate over the incidents whose outcome is known; severities present', () => {
    const metrics = metricsFixture()
    expect(breachNote(metrics.sla)).toBe('1 of 4 incidents with a known outcome')
    expect(breachNote({ breachRate: null, breached: 0, met: 0, pending: 2 })).toBe(
      'no outcome known yet',
    )
    expect(severitiesIn(metrics)).toEqual(['SEV1', 'SEV2', 'SEV3'])
    expect(severityNote(metrics)).toBe('SEV1 1 · SEV2 2 · SEV3 2')
  })

  test('incidents by service: downtime, budget consumed (n/a at a 100% SLO), MTBF', () => {
    expect(serviceRows(metricsFixture())).toEqual([
      {
        slug: 'payroll',
        name: 'Payroll',
        team: 'Applications',
        incidents: '2',
        downtime: '1h 36m',
        // 95.5 / 43.2 = 2.2106: more than the whole budget.
        budget: '221.1%',
        overBudget: true,
        // 41,608 min = 693.47 h, rounded to 693 h = 28 d 21 h.
        mtbf: '28d 21h',
      },
      {
        slug: 'email',
        name: 'Email (Exchange Online)',
        team: 'Infrastructure & Cloud',
        incidents: '1',
        downtime: '30m',
        budget: 'n/a',
        overBudget: false,
        mtbf: '86d 16h',
      },
      {
        slug: 'vpn',
        name: 'VPN',
        team: 'none',
        incidents: '1',
        downtime: '0m',
        budget: '0.0%',
        overBudget: false,
        mtbf: '86d 18h',
      },
    ])
  })

  test('repeat incidents name their services, also those outside the service table', () => {
    expect(repeatRows(metricsFixture())).toEqual([
      {
        ref: 'INC-2026-0042',
        title: 'Payroll unreachable',
        severity: 'SEV1',
        started: formatInstant('2026-11-27T13:00:00.000Z'),
        services: 'Payroll, Finance ERP',
      },
    ])
  })

  test('downtime by incident: only those that caused some, most first, up to the limit', () => {
    const metrics = metricsFixture()
    expect(downtimeCount(metrics)).toBe(3)
    expect(downtimeRows(metrics, 2)).toEqual([
      {
        ref: 'INC-2026-0042',
        title: 'Payroll unreachable',
        severity: 'SEV1',
        downtime: '1h',
        approximate: false,
        services: 'Payroll 1h (138.9% of its budget)',
      },
      {
        ref: 'INC-2026-0038',
        title: 'Payroll slow logins',
        severity: 'SEV2',
        downtime: '36m',
        approximate: true,
        services: 'Payroll 36m (82.2% of its budget)',
      },
    ])
    expect(downtimeRows(metrics, 10)[2]?.services).toBe(
      'Email (Exchange Online) 30m (no error budget)',
    )
  })

  test('an empty range shows no NaN, undefined or Infinity anywhere', () => {
    const metrics = emptyMetricsFixture()
    const text = JSON.stringify([
      monthlyCounts(metrics),
      countsSummary(monthlyCounts(metrics)),
      trendSummary(responseTrend(metrics, 'mtta'), 'mtta', severitiesIn(metrics)),
      monthRows(metrics),
      durationFigures(metrics),
      breachNote(metrics.sla),
      serviceRows(metrics),
      repeatRows(metrics),
      downtimeRows(metrics, 10),
    ])
    expect(text).not.toMatch(/NaN|undefined|Infinity/)
    expect(trendSummary(responseTrend(metrics, 'mtta'), 'mtta', [])).toBe(
      'Mean time to acknowledge per month, Nov 2026: Nov 2026 no data.',
    )
  })
})
