import { describe, expect, test } from 'vitest'
import { capacityGridFixture } from '../../testing/capacity-grid-fixture.ts'
import {
  bandOf,
  cellPercent,
  heatCell,
  isoWeekNumber,
  weekLabel,
  weekTense,
} from './heatmap-transform.ts'

describe('heatmap bands', () => {
  test('at their boundaries: 100% is full, over is anything above it', () => {
    expect(bandOf(0, 0)).toBe('low')
    expect(bandOf(0.4999, 10)).toBe('low')
    expect(bandOf(0.5, 10)).toBe('moderate')
    expect(bandOf(0.8499, 10)).toBe('moderate')
    expect(bandOf(0.85, 10)).toBe('full')
    expect(bandOf(1, 10)).toBe('full')
    expect(bandOf(1.0001, 10)).toBe('over')
    expect(bandOf(1.1, 10)).toBe('over')
    expect(bandOf(1.1001, 10)).toBe('severe')
  })

  test('no effective capacity is its own band, unless work is booked on it', () => {
    expect(bandOf(null, 0)).toBe('none')
    expect(bandOf(null, 7.5)).toBe('severe')
  })

  test('a week over by a hair never prints 100%', () => {
    expect(cellPercent(37.51 / 37.5)).toBe('101%')
    expect(cellPercent(1)).toBe('100%')
    expect(cellPercent(0.999)).toBe('99%')
    expect(cellPercent(null)).toBe('n/a')
  })
})

describe('heatmap cells', () => {
  const grid = capacityGridFixture({ people: true })
  const [alice, bob] = grid.teams[0]?.people ?? []

  test('a person’s week over 110%: the percent, the band and the mark, in words too', () => {
    expect(heatCell(alice!.weeks[1]!)).toEqual({
      band: 'severe',
      text: '133%',
      over: true,
      absent: false,
      words: '133% (over 110%), 30 h booked of 22.5 h',
    })
  })

  test('a week with all of it off and nothing booked has no capacity', () => {
    expect(heatCell(bob!.weeks[2]!)).toMatchObject({ band: 'none', text: '–', over: false })
  })

  test('work booked on no capacity prints its hours and is over', () => {
    const week = { ...bob!.weeks[2]!, bookedHours: 7.5, utilization: null }
    expect(heatCell(week)).toMatchObject({ band: 'severe', text: '7.5 h', over: true })
  })

  test('a week outside the team is blank', () => {
    expect(heatCell({ ...alice!.weeks[0]!, inTeam: false })).toMatchObject({
      text: '',
      absent: true,
    })
  })
})

describe('week labels', () => {
  test('ISO week numbers, across a 53-week year', () => {
    expect(isoWeekNumber('2026-11-30')).toBe(49)
    expect(isoWeekNumber('2026-12-28')).toBe(53)
    expect(isoWeekNumber('2027-01-04')).toBe(1)
    // 2024-12-30's Thursday is in 2025: week 1 of 2025.
    expect(isoWeekNumber('2024-12-30')).toBe(1)
    expect(isoWeekNumber('2026-01-05')).toBe(2)
  })

  test('a column’s number, its Monday and the words for names', () => {
    expect(weekLabel('2026-12-21')).toEqual({
      number: 'W52',
      day: '21 Dec',
      words: 'week 52, from 21 Dec 2026',
    })
  })

  test('past, now and future against this week', () => {
    expect(weekTense('2026-12-14', '2026-12-21')).toBe('past')
    expect(weekTense('2026-12-21', '2026-12-21')).toBe('now')
    expect(weekTense('2026-12-28', '2026-12-21')).toBe('future')
  })
})
