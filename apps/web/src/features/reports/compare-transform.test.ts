import { describe, expect, test } from 'vitest'
import { ABSENT, compareFigure, compareReports, verdictOf } from './compare-transform.ts'
import type { ReportFigure, ReportSection } from './queries.ts'

const fig = (
  key: string,
  value: number | null,
  unit: ReportFigure['unit'] = 'count',
  better: ReportFigure['better'] = 'lower',
): ReportFigure => ({
  key,
  label: key,
  value,
  unit,
  better,
  target: null,
  targetKind: null,
  definition: null,
  note: null,
  previous: null,
  delta: null,
  relative: null,
  verdict: null,
  onTarget: null,
  trend: [],
})

const section = (area: ReportSection['area'], figures: ReportFigure[]): ReportSection => ({
  area,
  title: `${area} title`,
  figures,
  tables: [],
})

// Only the parts compareReports reads; the rest of a report does not matter to it.
const side = (sections: ReportSection[], currency = 'GBP') =>
  ({ report: { sections, currency } }) as Parameters<typeof compareReports>[0]

describe('compareFigure', () => {
  test('a share differs in points, to hundredths for availability: 99.90% → 99.96% is +0.06 pts, better', () => {
    const row = compareFigure(
      fig('availability.tier1', 0.999, 'share', 'higher'),
      fig('availability.tier1', 0.9996, 'share', 'higher'),
      'GBP',
      'GBP',
    )
    expect(row).toMatchObject({ a: '99.90%', b: '99.96%', difference: '+0.06 pts' })
    expect(row.verdict).toBe('better')
  })

  test('other shares to tenths of a point: utilization 82% → 95% is +13.0 pts, worse when lower is better', () => {
    const row = compareFigure(
      fig('utilization', 0.82, 'share', 'lower'),
      fig('utilization', 0.95, 'share', 'lower'),
      'GBP',
      'GBP',
    )
    expect(row).toMatchObject({ a: '82%', b: '95%', difference: '+13.0 pts', verdict: 'worse' })
  })

  test('a change too small to show is never "0 pts"', () => {
    const row = compareFigure(
      fig('availability.all', 0.99991, 'share', 'higher'),
      fig('availability.all', 0.9999, 'share', 'higher'),
      'GBP',
      'GBP',
    )
    expect(row.difference).toBe('−<0.01 pts')
    expect(row.verdict).toBe('worse')
  })

  test('amounts differ in their unit: money (pence) −£12k better when lower is better; minutes as a duration', () => {
    const money = compareFigure(
      fig('eac', 5_000_000, 'money'),
      fig('eac', 3_800_000, 'money'),
      'GBP',
      'GBP',
    )
    expect(money).toMatchObject({ a: '£50k', b: '£38k', difference: '−£12k', verdict: 'better' })
    const mttr = compareFigure(
      fig('mttr', 45, 'minutes'),
      fig('mttr', 117, 'minutes'),
      'GBP',
      'GBP',
    )
    expect(mttr).toMatchObject({ a: '45m', b: '1h 57m', difference: '+1h 12m', verdict: 'worse' })
  })

  test('equal values read "No change"; a figure that is neither good nor bad is neutral', () => {
    expect(compareFigure(fig('x', 3), fig('x', 3), 'GBP', 'GBP')).toMatchObject({
      difference: 'No change',
      verdict: 'same',
    })
    expect(
      compareFigure(
        fig('spend', 10, 'count', 'neither'),
        fig('spend', 12, 'count', 'neither'),
        'GBP',
        'GBP',
      ),
    ).toMatchObject({ difference: '+2', verdict: 'neutral' })
  })

  test('a figure missing on one side, or without a value, shows "—" and no verdict', () => {
    expect(compareFigure(undefined, fig('x', 3), 'GBP', 'GBP')).toMatchObject({
      a: ABSENT,
      b: '3',
      difference: ABSENT,
      verdict: null,
    })
    expect(compareFigure(fig('x', null), fig('x', 3), 'GBP', 'GBP')).toMatchObject({
      a: 'n/a',
      difference: ABSENT,
      verdict: null,
    })
  })

  test('money in two currencies is not subtracted', () => {
    const row = compareFigure(
      fig('eac', 100_00, 'money'),
      fig('eac', 200_00, 'money'),
      'GBP',
      'EUR',
    )
    expect(row).toMatchObject({ a: '£100', b: '€200', difference: ABSENT, verdict: null })
  })
})

test('verdictOf reads the direction against the figure’s better side', () => {
  expect(verdictOf(1, 'higher')).toBe('better')
  expect(verdictOf(-1, 'higher')).toBe('worse')
  expect(verdictOf(1, 'lower')).toBe('worse')
  expect(verdictOf(-1, 'lower')).toBe('better')
  expect(verdictOf(0, 'lower')).toBe('same')
  expect(verdictOf(5, 'neither')).toBe('neutral')
})

test('compareReports matches sections by area and figures by key, A’s order first, then B’s extras', () => {
  const a = side([
    section('services', [fig('availability.tier1', 0.999, 'share', 'higher'), fig('gone', 1)]),
    section('incidents', [fig('sev1', 2)]),
  ])
  const b = side([
    section('incidents', [fig('new', 4), fig('sev1', 1)]),
    section('services', [fig('availability.tier1', 0.998, 'share', 'higher')]),
    section('capacity', [fig('utilization', 0.9, 'share')]),
  ])
  const sections = compareReports(a, b)
  expect(sections.map((s) => s.area)).toEqual(['services', 'incidents', 'capacity'])
  expect(sections.map((s) => s.rows.map((r) => [r.key, r.a, r.b, r.difference]))).toEqual([
    [
      ['availability.tier1', '99.90%', '99.80%', '−0.10 pts'],
      ['gone', '1', ABSENT, ABSENT],
    ],
    [
      ['sev1', '2', '1', '−1'],
      ['new', ABSENT, '4', ABSENT],
    ],
    [['utilization', ABSENT, '90%', ABSENT]],
  ])
  expect(sections[1]?.rows[0]?.verdict).toBe('better')
})
