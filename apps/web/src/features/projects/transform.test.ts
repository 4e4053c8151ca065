import { DEFAULT_RAG_THRESHOLDS, KPI_DEFINITIONS } from '@opsdeck/kpi'
import { describe, expect, test } from 'vitest'
import { budgetsFixture } from '../../testing/overview-fixture.ts'
import { budgetShares, ragCounts, ragRule } from './transform.ts'

const budgets = budgetsFixture()

describe('budgets', () => {
  test('RAG counts, red first, with their labels', () => {
    expect(ragCounts(budgets.rag).map((r) => `${r.label} ${r.count}`)).toEqual([
      'Red 2',
      'Amber 3',
      'Green 3',
      'Not rated 1',
    ])
  })
  test('spend and forecast as shares of the budget', () => {
    const s = budgetShares(budgets)
    expect(s.spent).toBeCloseTo(0.4586, 4)
    expect(s.forecast).toBeCloseTo(1.0751, 4)
    expect(s.overrun).toBe(true)
  })
  test('no budget means n/a shares, not Infinity', () => {
    expect(budgetShares({ bac: 0, ac: 500, eac: 0, vac: 0 })).toEqual({
      spent: null,
      forecast: null,
      overrun: false,
    })
  })

  test('the RAG rule in the definition’s words, with the organisation’s thresholds', () => {
    // The defaults read exactly as KPI_DEFINITIONS states them: one wording, two sources of numbers.
    expect(ragRule(DEFAULT_RAG_THRESHOLDS)).toBe(KPI_DEFINITIONS.rag.formula)
    expect(ragRule(budgets.thresholds)).toBe(
      'red when CPI < 0.80, SPI < 0.80 or EAC > 115% of BAC; ' +
        'amber when CPI < 0.90, SPI < 0.95 or EAC > 105% of BAC; otherwise green',
    )
    const fine = { cpi: 0.875, spi: 0.9, eacOverBac: 1.125 }
    expect(ragRule({ red: fine, amber: fine })).toMatch(
      /^red when CPI < 0.875, SPI < 0.90 or EAC > 112.5% of BAC;/,
    )
  })
})
