import { describe, expect, test } from 'vitest'
import { costEntry } from '../../testing/project-writes-fixture.ts'
import {
  actualFormOf,
  actualProblems,
  emptyActualForm,
  parseActualsFilters,
  toCostEntryPatch,
  withActualsFilters,
} from './actuals-form.ts'
import { formatPence, parsePounds, poundsText } from './money.ts'

describe('actuals form', () => {
  test.each([
    ['1234.56', 123_456],
    ['£1,234.5', 123_450],
    ['2,500', 250_000],
    ['-12.50', -1_250],
    ['(12.50)', -1_250],
    ['(£1,000)', -100_000],
    [' 0.07 ', 7],
    ['£ 40', 4_000],
    ['-£12.50', -1_250],
  ])('%s is %i pence', (text, pence) => expect(parsePounds(text)).toBe(pence))

  test.each(['', '£', '1,2,3', '12.345', '1.2.3', 'ten', '--5', '12,34'])(
    '%j is no amount',
    (text) => expect(parsePounds(text)).toBeNull(),
  )

  test('pence read as exact money, credits in brackets, and round-trip through the box', () => {
    expect(formatPence(123_456)).toBe('£1,234.56')
    expect(formatPence(-1_250)).toBe('(£12.50)')
    expect(formatPence(0)).toBe('£0.00')
    for (const pence of [1, -7, 123_456, -100_000])
      expect(parsePounds(poundsText(pence))).toBe(pence)
  })

  test('a category and spend type are needed only without a budget line', () => {
    const form = { ...emptyActualForm('2026-04-02'), amount: '10' }
    expect(Object.keys(actualProblems(form))).toEqual(['category', 'spendType'])
    expect(actualProblems({ ...form, budgetLine: '31' })).toEqual({})
    expect(actualProblems({ ...form, budgetLine: '31', amount: '0' }).amount).toMatch(/zero/)
  })

  test('a patch holds only what changed', () => {
    const entry = costEntry()
    const form = actualFormOf(entry)
    expect(toCostEntryPatch(form, entry)).toEqual({})
    expect(toCostEntryPatch({ ...form, supplier: ' Juniper ', budgetLine: '' }, entry)).toEqual({
      supplier: 'Juniper',
      budgetLineId: null,
    })
  })

  test('filters round-trip through the URL beside other params; bad ones are dropped', () => {
    const params = withActualsFilters(new URLSearchParams('asOf=2026-03-31'), {
      from: '2026-03-01',
      category: 'cloud',
      q: 'aws',
    })
    expect(params.toString()).toBe(
      'asOf=2026-03-31&costFrom=2026-03-01&costCategory=cloud&costQ=aws',
    )
    expect(parseActualsFilters(params)).toEqual({ from: '2026-03-01', category: 'cloud', q: 'aws' })
    expect(
      parseActualsFilters(new URLSearchParams('costFrom=2026-02-31&costCategory=food&costQ=+')),
    ).toEqual({})
  })
})
