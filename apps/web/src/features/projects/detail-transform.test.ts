import { describe, expect, test } from 'vitest'
import { formatDate } from '../../lib/format.ts'
import { projectEvmFixture, unstartedEvmFixture } from '../../testing/project-evm-fixture.ts'
import {
  baselineText,
  categoryRows,
  evmRows,
  finishesLate,
  hasActivity,
  monthLabel,
  monthlyRows,
  monthlySummary,
  ragChanges,
  sCurveRows,
  sCurveSummary,
  showsOriginal,
  spendTypeRows,
} from './detail-transform.ts'

describe('project detail transforms', () => {
  test('months read as words; text that is no month is left as it is', () => {
    expect(monthLabel('2026-03')).toBe('Mar 2026')
    expect(monthLabel('2026-12')).toBe('Dec 2026')
    expect(monthLabel('2026-13')).toBe('2026-13')
  })

  test('the baseline line names the version, its day and reason, or says PV is linear', () => {
    const evm = projectEvmFixture()
    expect(baselineText(evm)).toBe(
      `Baseline v2, ${formatDate('2026-02-12T10:30:00.000Z')}: Re-phased after the hosting contract slipped`,
    )
    expect(baselineText({ baseline: null })).toBe('No baseline: PV spread evenly over the dates')
  })

  test('the S-curve keeps each series as sent (null is no line) and shows v1 only when re-baselined', () => {
    const rows = sCurveRows(projectEvmFixture().sCurve)
    expect(rows.map((r) => r.label)).toEqual([
      'Jan 2026',
      'Feb 2026',
      'Mar 2026',
      'Apr 2026',
      'May 2026',
      'Jun 2026',
    ])
    expect(rows[3]).toMatchObject({ pv: 45_000_000, ev: null, ac: null, eacForecast: 45_000_000 })
    expect(showsOriginal(rows)).toBe(true)
    expect(showsOriginal(sCurveRows(unstartedEvmFixture().sCurve))).toBe(false)
  })

  test('the S-curve summary says where PV, EV and AC stand at the last month with any, and EAC', () => {
    const evm = projectEvmFixture()
    expect(sCurveSummary(sCurveRows(evm.sCurve), 'GBP')).toBe(
      'Cumulative planned value from Jan 2026 to Jun 2026, reaching £600k; by the original baseline £600k; at Mar 2026: planned £300k, earned £240k, actual cost £300k; forecast to reach £750k by Jun 2026.',
    )
    expect(sCurveSummary(sCurveRows(unstartedEvmFixture().sCurve), 'GBP')).toBe(
      'Cumulative planned value from Jan 2026 to Jun 2026, reaching £600k; no earned value or cost yet.',
    )
    expect(sCurveSummary([], 'GBP')).toBe('No months to chart.')
  })

  test('monthly spend is summed to the as-of month; later months’ plans are not counted', () => {
    const rows = monthlyRows(projectEvmFixture().monthly)
    expect(monthlySummary(rows, 'GBP', '2026-02-15')).toBe(
      'Actual against planned spend per month, Jan 2026 to Jun 2026: to Feb 2026, £180k spent against £150k planned; over plan in Jan 2026.',
    )
    expect(monthlySummary(rows, 'GBP', '2026-03-31')).toMatch(/£300k spent against £300k planned/)
  })

  test('activity is any cost or any progress; a plan alone is none', () => {
    expect(hasActivity(projectEvmFixture())).toBe(true)
    const unstarted = unstartedEvmFixture()
    expect(hasActivity(unstarted)).toBe(false)
    expect(
      hasActivity({ ...unstarted, figures: { ...unstarted.figures, percentComplete: 0 } }),
    ).toBe(true)
    // A credit that nets AC to zero is still activity in its month.
    const netted = { ...unstarted, monthly: [{ month: '2026-01', planned: 0, actual: -5 }] }
    expect(hasActivity(netted)).toBe(true)
  })

  test('categories with neither budget nor spend are left out; % spent is n/a without a budget', () => {
    const evm = projectEvmFixture()
    expect(categoryRows(evm.categories).map((r) => [r.label, r.spent])).toEqual([
      ['Labour', 0.6],
      ['Hardware', 0.6],
      ['Contingency', 0],
    ])
    const unbudgeted = categoryRows([{ ...evm.categories[3]!, budget: 0, actual: 12_000 }])
    expect(unbudgeted).toEqual([{ label: 'Cloud', budget: 0, actual: 12_000, spent: null }])
    expect(spendTypeRows(evm.spendTypes).map((r) => r.label)).toEqual(['Capex', 'Opex'])
  })

  test('the RAG history is newest first whatever order it arrives in', () => {
    const history = projectEvmFixture().ragHistory
    const changes = ragChanges([history[1]!, history[0]!, history[2]!])
    expect(changes.map((c) => [c.day, c.label])).toEqual([
      ['2026-03-12', 'Red'],
      ['2026-02-10', 'Amber'],
      ['2026-01-01', 'Green'],
    ])
  })

  test('a forecast finish after the end date is late; none is not late', () => {
    expect(finishesLate({ forecastFinish: '2026-07-01' }, '2026-06-30')).toBe(true)
    expect(finishesLate({ forecastFinish: '2026-06-30' }, '2026-06-30')).toBe(false)
    expect(finishesLate({ forecastFinish: null }, '2026-06-30')).toBe(false)
  })

  test('every EVM figure is a row with its definition id; n/a for null, indices to two places', () => {
    const { figures } = unstartedEvmFixture()
    const rows = evmRows(figures, 'GBP')
    expect(rows.map((r) => r.key)).toEqual([
      'bac',
      'pv',
      'ev',
      'ac',
      'cv',
      'sv',
      'cpi',
      'spi',
      'eac',
      'eacAtypical',
      'eacCombined',
      'etc',
      'vac',
      'tcpi',
    ])
    const by = Object.fromEntries(rows.map((r) => [r.key, r]))
    expect(by.cpi).toMatchObject({ value: 'n/a', kpi: 'cpi' })
    expect(by.spi?.value).toBe('0.00')
    expect(by.eacCombined).toMatchObject({ value: 'n/a', kpi: 'eacCombined' })
    expect(by.sv?.value).toBe('-£300k')
    expect(rows.some((r) => /NaN|Infinity/.test(r.value))).toBe(false)
  })
})
