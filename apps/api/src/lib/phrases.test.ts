import { describe, expect, it } from 'vitest'
import {
  dayInWords,
  durationInWords,
  elapsedInWords,
  percentInWords,
  timesInWords,
} from './phrases.ts'

describe('phrases', () => {
  it('says a duration in its two largest units', () => {
    expect(durationInWords(0.5)).toBe('under a minute')
    expect(durationInWords(12)).toBe('12 min')
    expect(durationInWords(43.2)).toBe('43 min')
    expect(durationInWords(60)).toBe('1 h')
    expect(durationInWords(65)).toBe('1 h 5 min')
    expect(durationInWords(3 * 1440 + 4 * 60 + 10)).toBe('3 d 4 h')
    expect(durationInWords(2 * 1440)).toBe('2 d')
    expect(() => durationInWords(-1)).toThrow(RangeError)
    expect(elapsedInWords(new Date('2026-12-02T11:48Z'), new Date('2026-12-02T12:00Z'))).toBe(
      '12 min',
    )
  })

  it('says a day in the organisation’s zone, with the year only when it is not this one', () => {
    const now = new Date('2026-12-02T12:00Z')
    expect(dayInWords(new Date('2026-12-14T10:00Z'), 'Europe/London', now)).toBe('14 Dec')
    // 23:30 UTC on 14 December is already the 15th in Auckland.
    expect(dayInWords(new Date('2026-12-14T23:30Z'), 'Pacific/Auckland', now)).toBe('15 Dec')
    expect(dayInWords(new Date('2027-01-03T10:00Z'), 'Europe/London', now)).toBe('3 Jan 2027')
  })

  it('says percentages and multiples without spurious digits', () => {
    expect(percentInWords(0.999)).toBe('99.9%')
    expect(percentInWords(0.9995)).toBe('99.95%')
    expect(percentInWords(29 / 43.2, 0)).toBe('67%')
    expect(timesInWords(16.2)).toBe('16×')
    expect(timesInWords(6.25)).toBe('6.3×')
    expect(timesInWords(3)).toBe('3×')
  })
})
