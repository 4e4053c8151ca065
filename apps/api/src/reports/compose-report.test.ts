import { DEFAULT_RAG_THRESHOLDS } from '@opsdeck/kpi'
import { describe, expect, it } from 'vitest'
import { type AreaReport, figure } from '../lib/report-section.ts'
import type { Organisation } from '../lib/organisation.ts'
import { composeReport } from './compose-report.ts'
import { periodOf, trailingPeriods } from './period.ts'
import { Report } from './schemas.ts'

const ORG: Organisation = {
  name: 'Acme',
  timezone: 'Europe/London',
  dailyRollupTimezone: 'Europe/London',
  currency: 'GBP',
  bankHolidayRegion: 'GB-SCT',
  workingDaysPerWeek: 5,
  ragThresholds: DEFAULT_RAG_THRESHOLDS,
  rawSampleRetentionDays: 90,
  updatedAt: new Date('2026-01-01T00:00:00Z'),
}
const NOVEMBER = periodOf('month', '2026-11-15', ORG.timezone)
const PERIODS = trailingPeriods(NOVEMBER, 6, ORG.timezone) // June … November

// Tier-1 uptime month by month, June to November; MTTR the same, and null in August (no incidents).
const UPTIME = [0.999, 0.9991, 0.9992, 0.9994, 0.9995, 0.9993]
const MTTR = [80, 70, null, 65, 60, 42]

const areas = (i: number): AreaReport[] => [
  {
    area: 'services',
    title: 'Service health',
    figures: [
      figure({
        key: 'availability.tier1',
        label: 'Tier 1 availability',
        value: UPTIME[i] ?? null,
        unit: 'share',
        better: 'higher',
        target: 0.999,
        targetKind: 'min',
        definition: 'uptime',
      }),
    ],
    tables: [],
  },
  {
    area: 'incidents',
    title: 'Incidents',
    figures: [
      figure({
        key: 'mttr',
        label: 'MTTR',
        value: MTTR[i] ?? null,
        unit: 'minutes',
        better: 'lower',
        target: 45,
        targetKind: 'max',
        definition: 'mttr',
      }),
    ],
    tables: [],
  },
]

const compose = (now = new Date('2026-12-02T09:00:00Z')) =>
  composeReport({ periods: PERIODS, byPeriod: PERIODS.map((_, i) => areas(i)), now, org: ORG })

describe('composeReport', () => {
  it('sets each figure against the previous period, with its trend and target', () => {
    const report = compose()
    const [services, incidents] = report.sections
    // 99.93% against October's 99.95%: −0.02 points, worse, and at least the 99.9% target.
    expect(services?.figures[0]).toMatchObject({
      value: 0.9993,
      previous: 0.9995,
      relative: null,
      verdict: 'worse',
      onTarget: true,
      trend: UPTIME,
    })
    expect(services?.figures[0]?.delta).toBeCloseTo(-0.02, 9)
    // MTTR 60 → 42 min: −18, −30%, better; within the 45 min target.
    expect(incidents?.figures[0]).toMatchObject({
      value: 42,
      previous: 60,
      delta: -18,
      relative: -0.3,
      verdict: 'better',
      onTarget: true,
      trend: MTTR,
    })
  })

  it('names the periods it compares and trends, and the cut-off', () => {
    const report = Report.parse(compose())
    expect(report.title).toBe('IT report — November 2026')
    expect(report.period).toMatchObject({
      firstDay: '2026-11-01',
      lastDay: '2026-11-30',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    })
    expect(report.previous.label).toBe('October 2026')
    expect(report.trend.map((p) => p.label)).toEqual([
      'June 2026',
      'July 2026',
      'August 2026',
      'September 2026',
      'October 2026',
      'November 2026',
    ])
    expect(report.dataCutoff).toBe('2026-12-02T09:00:00.000Z')
    expect(report.partial).toBe(false)
    expect(compose(new Date('2026-11-20T12:00:00Z')).partial).toBe(true)
  })

  it('has n/a, not a change, where the previous period has no figure', () => {
    const report = composeReport({
      periods: PERIODS.slice(0, 3), // June, July, August
      byPeriod: [0, 1, 2].map(areas),
      now: new Date('2026-12-02T09:00:00Z'),
      org: ORG,
    })
    const mttr = report.sections[1]?.figures[0]
    expect(mttr).toMatchObject({ value: null, previous: 70, delta: null, verdict: null })
    expect(mttr?.onTarget).toBeNull()
  })

  it('appends the definitions of the figures shown, and the rules they were computed under', () => {
    const report = compose()
    expect(report.definitions.map((d) => d.id)).toEqual(['uptime', 'mttr', 'periodChange'])
    expect(report.definitions[0]?.formula).toContain('check samples')
    expect(report.rules).toContainEqual({ name: 'Bank holidays', value: 'Scotland' })
    expect(report.rules).toContainEqual({
      name: 'RAG: red',
      value: 'CPI < 0.85, SPI < 0.85 or EAC > 110% of BAC',
    })
  })
})
