import { describe, expect, it } from 'vitest'
import type { ReportedFigure } from './schemas.ts'
import { changeInWords, moneyInWords, valueInWords } from './words.ts'

const share = (delta: number): ReportedFigure => ({
  key: 'x',
  label: 'x',
  value: 0.5,
  unit: 'share',
  better: 'higher',
  target: null,
  targetKind: null,
  definition: null,
  note: null,
  previous: 0.5,
  delta,
  relative: null,
  verdict: null,
  onTarget: null,
  trend: [],
})

describe('report words', () => {
  it('tells a share’s change in points, and a change too small to show as such', () => {
    expect(changeInWords(share(-0.02), 'October 2026', 'GBP', true)).toBe(
      'down 0.02 points on October 2026',
    )
    expect(changeInWords(share(-0.004), 'Q3 2026', 'GBP', true)).toBe(
      'down less than 0.01 points on Q3 2026',
    )
    expect(changeInWords(share(0.3), 'Q3 2026', 'GBP')).toBe('up less than 1 point on Q3 2026')
    expect(changeInWords(share(1), 'Q3 2026', 'GBP')).toBe('up 1 point on Q3 2026')
    expect(changeInWords(share(0), 'Q3 2026', 'GBP')).toBe('unchanged on Q3 2026')
  })

  it('formats values by unit', () => {
    expect(valueInWords(0.99934, 'share', 'GBP', true)).toBe('99.93%')
    expect(valueInWords(0.8712, 'share', 'GBP')).toBe('87%')
    expect(valueInWords(72, 'minutes', 'GBP')).toBe('1 h 12 min')
    expect(moneyInWords(9_200_000, 'GBP')).toBe('£92,000')
    expect(moneyInWords(123_456_789, 'GBP')).toBe('£1.2m')
  })
})
