import { describe, expect, test } from 'vitest'
import {
  formatDate,
  formatDay,
  formatDuration,
  formatMoney,
  formatNumber,
  formatPercent,
  formatTimestamp,
} from './format.ts'

describe('formatMoney (from minor units, in the organisation’s currency)', () => {
  test.each([
    [95_000, '£950'],
    [4_530_000, '£45.3k'],
    [120_000_000, '£1.2m'],
    [100_000, '£1k'],
    [99_996_000, '£1m'], // £999,960 rounds into the next unit, not "£1000k"
    [-1_200_000, '-£12k'],
    [0, '£0'],
    [-40, '£0'],
    [340_000_000_000, '£3.4bn'],
  ])('%d pence is %s', (pence, text) => expect(formatMoney(pence, 'GBP')).toBe(text))

  test.each([
    ['EUR', 120_000_000, '€1.2m'],
    ['EUR', -1_840_000, '-€18.4k'],
    ['USD', 95_000, '$950'],
    ['USD', 4_530_000, '$45.3k'],
    // Yen have no minor unit: the amount is already in yen.
    ['JPY', 95_000, '¥95k'],
    ['JPY', 950, '¥950'],
    ['JPY', -120_000_000, '-¥120m'],
    // A no-break space, as Intl writes it, so the code never wraps away from the figure.
    ['CHF', 4_530_000, 'CHF\u00a045.3k'],
  ])('%s %d minor units is %s', (currency, minor, text) =>
    expect(formatMoney(minor, currency)).toBe(text),
  )

  test('a currency Intl does not know is written as its code', () => {
    expect(formatMoney(120_000_000, 'X1')).toBe('X1\u00a01.2m')
  })

  test('null and non-finite are n/a', () => {
    expect(formatMoney(null, 'GBP')).toBe('n/a')
    expect(formatMoney(Number.NaN, 'EUR')).toBe('n/a')
    expect(formatMoney(Infinity, 'JPY')).toBe('n/a')
  })
})

describe('formatPercent', () => {
  test('uptime with two or three decimals', () => {
    expect(formatPercent(0.99953, 2)).toBe('99.95%')
    expect(formatPercent(0.999531, 3)).toBe('99.953%')
  })
  test('utilization with none', () => {
    expect(formatPercent(0.853)).toBe('85%')
    expect(formatPercent(1.1)).toBe('110%')
  })
  test('never rounds up to 100% or down to 0% what is not', () => {
    expect(formatPercent(0.99996, 2)).toBe('99.99%')
    expect(formatPercent(1, 2)).toBe('100.00%')
    expect(formatPercent(0.00001, 2)).toBe('0.01%')
    expect(formatPercent(0)).toBe('0%')
  })
  test('null, NaN and Infinity are n/a', () => {
    expect(formatPercent(null)).toBe('n/a')
    expect(formatPercent(Number.NaN, 2)).toBe('n/a')
    expect(formatPercent(-Infinity)).toBe('n/a')
  })
})

describe('formatDuration (from minutes)', () => {
  test.each([
    [45, '45m'],
    [72, '1h 12m'],
    [120, '2h'],
    [59.6, '1h'],
    [4560, '3d 4h'],
    [1439.7, '1d'],
    [2880, '2d'],
    [0.5, '30s'],
    [0, '0m'],
    [0.004, '0s'],
  ])('%d minutes is %s', (minutes, text) => expect(formatDuration(minutes)).toBe(text))

  test('null and negative durations are n/a', () => {
    expect(formatDuration(null)).toBe('n/a')
    expect(formatDuration(-5)).toBe('n/a')
  })
})

test('formatNumber groups digits and keeps one decimal', () => {
  expect(formatNumber(12345.67)).toBe('12,345.7')
  expect(formatNumber(null)).toBe('n/a')
})

test('formatDay reads a calendar day without shifting it', () => {
  expect(formatDay('2026-11-01')).toBe('1 Nov 2026')
})

test('formatDate reads an instant’s day, and n/a when there is none', () => {
  expect(formatDate(new Date(2026, 10, 27, 23, 30).toISOString())).toBe('27 Nov 2026')
  expect(formatDate(null)).toBe('n/a')
})

test('formatTimestamp keeps the seconds', () => {
  expect(formatTimestamp(new Date(2026, 10, 27, 14, 2, 9).toISOString())).toBe(
    '27 Nov 2026, 14:02:09',
  )
  expect(formatTimestamp('not a time')).toBe('not a time')
})
