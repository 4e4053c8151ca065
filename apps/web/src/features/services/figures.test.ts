import { describe, expect, test } from 'vitest'
import {
  budgetFill,
  budgetLevel,
  budgetText,
  burnRateText,
  burnRateTone,
  latencyText,
  uptimeText,
} from './budget.ts'
import { dayLevel, stripBars, stripSummary } from './daily-strip.ts'

describe('error budget figures', () => {
  test('levels, fill and words', () => {
    expect([0.75, 0.24, 0, -0.4, null].map(budgetLevel)).toEqual([
      'healthy',
      'low',
      'spent',
      'spent',
      'no-data',
    ])
    expect([0.75, 1.2, -0.4, null].map(budgetFill)).toEqual([75, 100, 0, 0])
    expect(budgetText(0.624)).toBe('62% left')
    expect(budgetText(-0.4)).toBe('overspent by 40%')
    expect(budgetText(null)).toBe('n/a')
  })

  test('burn rates and latency', () => {
    expect([0.25, 1.4, 28.8, null].map(burnRateText)).toEqual(['×0.25', '×1.4', '×29', 'n/a'])
    expect([1, 1.01, null].map(burnRateTone)).toEqual([undefined, 'bad', undefined])
    expect([212.4, 1840, null].map(latencyText)).toEqual(['212 ms', '1.8 s', 'n/a'])
    expect([1, 0.99999, 0.99931, 0.9712, null].map(uptimeText)).toEqual([
      '100%',
      '99.999%',
      '99.931%',
      '97.12%',
      'n/a',
    ])
  })
})

describe('the 90-day strip', () => {
  test('a day is met at the target, below within its allowance again, far beyond', () => {
    // 99.9%: allowance 0.1%, so below down to 99.8%.
    expect(dayLevel(0.999, 0.999)).toBe('met')
    expect(dayLevel(0.9985, 0.999)).toBe('below')
    expect(dayLevel(0.998, 0.999)).toBe('below')
    expect(dayLevel(0.9979, 0.999)).toBe('far')
    expect(dayLevel(null, 0.999)).toBe('no-data')
  })

  test('bars oldest first with a readable title, and the strip in words', () => {
    const bars = stripBars(
      [
        { day: '2026-11-27', uptime: 0.9712 },
        { day: '2026-11-25', uptime: 1 },
        { day: '2026-11-26', uptime: null },
      ],
      0.999,
    )
    expect(bars.map((b) => [b.day, b.level])).toEqual([
      ['2026-11-25', 'met'],
      ['2026-11-26', 'no-data'],
      ['2026-11-27', 'far'],
    ])
    expect(bars[2]?.title).toBe('27 Nov 2026: 97.12%')
    expect(stripSummary(bars)).toBe(
      '3 days: 1 met the SLO, 1 more than twice the allowed downtime, 1 no data; lowest 97.12% on 27 Nov 2026.',
    )
    expect(stripSummary(stripBars([{ day: '2026-11-25', uptime: 1 }], 0.999))).toBe(
      '1 day: 1 met the SLO.',
    )
    expect(stripSummary([])).toBe('No daily figures yet.')
  })
})
