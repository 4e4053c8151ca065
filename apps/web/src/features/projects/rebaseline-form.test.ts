import { describe, expect, test } from 'vitest'
import { evenSpread, monthsBetween, planFieldOf, planTotal } from './rebaseline-form.ts'

describe('re-baseline form', () => {
  test('months run from the start day’s to the end day’s, across a year end', () => {
    expect(monthsBetween('2026-11-30', '2027-02-01')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ])
    expect(monthsBetween('2026-03-01', '2026-03-31')).toEqual(['2026-03'])
  })

  test('an even spread sums to the BAC exactly, the odd pence first', () => {
    const spread = evenSpread(1_000_000_001, monthsBetween('2026-01-01', '2026-07-31'))
    expect(spread.reduce((a, b) => a + b, 0)).toBe(1_000_000_001)
    expect(Math.max(...spread) - Math.min(...spread)).toBeLessThanOrEqual(1)
    expect(evenSpread(500, [])).toEqual([])
  })

  test('the total waits for every amount; API paths land on their month', () => {
    expect(
      planTotal([
        { month: '2026-01', amount: '1,000' },
        { month: '2026-02', amount: '' },
      ]),
    ).toBe(100_000)
    expect(planTotal([{ month: '2026-01', amount: '-5' }])).toBeNull()
    expect(planFieldOf('json.months.3.amountPence')).toBe('months.3')
    expect(planFieldOf('json.months')).toBeNull()
    expect(planFieldOf('json.reason')).toBe('reason')
  })
})
