import { describe, expect, test } from 'vitest'
import { budgetsFixture } from '../../testing/overview-fixture.ts'
import { budgetShares, ragCounts } from './transform.ts'

const budgets = budgetsFixture()

describe('budgets', () => {
  test('RAG counts', () => {
    expect(ragCounts(budgets.rag).map((r) => r.count)).toEqual([2, 3, 3, 1])
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
})
