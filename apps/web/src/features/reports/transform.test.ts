import { describe, expect, test } from 'vitest'
import { reportFixture } from '../../testing/report-fixture.ts'
import type { ReportFigure } from './queries.ts'
import {
  figureChange,
  figureTarget,
  formatCell,
  formatValue,
  hasTrend,
  trendPoints,
  trendSpan,
  trendSummary,
} from './transform.ts'

const base: ReportFigure = {
  key: 'x',
  label: 'X',
  value: 10,
  unit: 'count',
  better: 'higher',
  target: null,
  targetKind: null,
  definition: null,
  note: null,
  previous: 8,
  delta: 2,
  relative: 0.25,
  verdict: 'better',
  onTarget: null,
  trend: [],
}
const fig = (f: Partial<ReportFigure>): ReportFigure => ({ ...base, ...f })

describe('formatValue', () => {
  test('each unit reads as the rest of the app writes it', () => {
    expect(formatValue(0.99961, 'share', 'GBP', 'availability.tier1')).toBe('99.96%')
    expect(formatValue(0.8108, 'share', 'GBP', 'utilization')).toBe('81%')
    expect(formatValue(763030126, 'money', 'GBP')).toBe('£7.6m')
    expect(formatValue(2305.5, 'minutes', 'GBP')).toBe('1d 14h')
    expect(formatValue(4689.3, 'hours', 'GBP')).toBe('4,689.3 h')
    expect(formatValue(0.9015, 'index', 'GBP')).toBe('0.90')
    expect(formatValue(1234, 'count', 'GBP')).toBe('1,234')
    expect(formatValue(null, 'share', 'GBP')).toBe('n/a')
  })

  test('table cells: days as dates, text as given, SLO targets to hundredths', () => {
    expect(formatCell('2026-11-13', 'day', 'GBP', 'started')).toBe('13 Nov 2026')
    expect(formatCell('SEV1', 'text', 'GBP', 'severity')).toBe('SEV1')
    expect(formatCell(0.999, 'share', 'GBP', 'sloTarget')).toBe('99.90%')
    expect(formatCell(2.6157, 'share', 'GBP', 'budgetConsumed')).toBe('262%')
    expect(formatCell(null, 'money', 'GBP', 'eac')).toBe('n/a')
  })
})

describe('figureChange', () => {
  test('a share changes in points, to hundredths for availability, and says its verdict', () => {
    const f = fig({
      key: 'availability.tier1',
      unit: 'share',
      delta: -0.034,
      relative: null,
      verdict: 'worse',
    })
    expect(figureChange(f, 'GBP', 'October 2026')).toEqual({
      arrow: '▼',
      text: '0.03 pts vs October 2026',
      verdict: 'worse',
      verdictText: 'worse',
    })
    const util = fig({ key: 'sloMet', unit: 'share', delta: -4.878, relative: null })
    expect(figureChange(util, 'GBP', 'October 2026').text).toBe('4.9 pts vs October 2026')
  })

  test('a change too small to show is not written as zero', () => {
    const f = fig({ key: 'availability.tier2', unit: 'share', delta: 0.001, relative: null })
    expect(figureChange(f, 'GBP', 'Q3 2026').text).toBe('< 0.01 pts vs Q3 2026')
  })

  test('an amount changes in its unit with the relative change; neutral has no verdict word', () => {
    const mttr = fig({ unit: 'minutes', delta: -1512.6, relative: -0.396, verdict: 'better' })
    expect(figureChange(mttr, 'GBP', 'October 2026')).toMatchObject({
      arrow: '▼',
      text: '1d 1h (−40%) vs October 2026',
      verdictText: 'better',
    })
    const spend = fig({ unit: 'money', delta: -690383, relative: -0.0117, verdict: 'neutral' })
    expect(figureChange(spend, 'GBP', 'October 2026')).toMatchObject({
      text: '£6.9k (−1%) vs October 2026',
      verdict: 'neutral',
      verdictText: '',
    })
  })

  test('no change, and nothing to compare with', () => {
    expect(figureChange(fig({ delta: 0, verdict: 'same' }), 'GBP', 'W47')).toMatchObject({
      arrow: '=',
      text: 'No change vs W47',
    })
    expect(figureChange(fig({ delta: null, previous: null }), 'GBP', 'W47')).toMatchObject({
      arrow: '',
      text: 'No figure for W47',
      verdict: null,
    })
    expect(figureChange(fig({ value: null, delta: null }), 'GBP', 'W47').text).toBe(
      'No figure this period',
    )
  })
})

describe('figureTarget', () => {
  test('at least or at most, in the unit, met or missed', () => {
    const uptime = fig({
      key: 'availability.tier1',
      unit: 'share',
      target: 0.999,
      targetKind: 'min',
      onTarget: true,
    })
    expect(figureTarget(uptime, 'GBP')).toEqual({ text: 'Target: at least 99.90%', met: true })
    const mttr = fig({ unit: 'minutes', target: 240, targetKind: 'max', onTarget: false })
    expect(figureTarget(mttr, 'GBP')).toEqual({ text: 'Target: at most 4h', met: false })
    expect(figureTarget(fig({}), 'GBP')).toBeNull()
  })
})

describe('trend', () => {
  const report = reportFixture()
  const eac = report.sections[1]!.figures[0]!

  test('each period named with its value, oldest first; drawn with two values or more', () => {
    const points = trendPoints(report, eac)
    expect(points.map((p) => p.label)).toEqual(report.trend.map((p) => p.label))
    expect(points.slice(0, 3).map((p) => p.value)).toEqual([null, null, 737862217])
    expect(hasTrend(points)).toBe(true)
    expect(hasTrend(points.map((p, i) => ({ ...p, value: i === 5 ? 1 : null })))).toBe(false)
    expect(trendSummary(points, eac, 'GBP')).toBe(
      'Forecast cost (EAC) by period: June 2026 n/a, July 2026 n/a, August 2026 £7.4m, September 2026 £7.5m, October 2026 £7.6m, November 2026 £7.6m',
    )
    expect(trendSpan(report)).toBe('6 months')
  })
})
