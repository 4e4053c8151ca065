import { describe, expect, it } from 'vitest'
import { parseDay } from './parse-date.ts'

describe('parseDay', () => {
  it.each([
    ['2026-03-31', '2026-03-31'],
    ['31/03/2026', '2026-03-31'],
    ['1/3/2026', '2026-03-01'],
    ['01/03/2026', '2026-03-01'],
    [' 29/02/2028 ', '2028-02-29'],
    // UK order always: never read as 1 December.
    ['12/01/2026', '2026-01-12'],
  ])('reads %s as %s', (cell, day) => {
    expect(parseDay(cell)).toEqual({ ok: true, value: day })
  })

  it.each([
    ['31/02/2026', '31/02/2026 is not a date'],
    ['29/02/2026', '29/02/2026 is not a date'],
    ['2026-02-30', '2026-02-30 is not a date'],
    ['2026-13-01', '2026-13-01 is not a date'],
    // US order: there is no month 31.
    ['03/31/2026', '03/31/2026 is not a date'],
    ['31/3/26', '31/3/26 is not a date: write 2026-03-31 or 31/03/2026'],
    ['2026-3-31', '2026-3-31 is not a date: write 2026-03-31 or 31/03/2026'],
    ['31 March 2026', '31 March 2026 is not a date: write 2026-03-31 or 31/03/2026'],
    ['', 'is empty: give a date as 2026-03-31 or 31/03/2026'],
  ])('refuses %s', (cell, message) => {
    expect(parseDay(cell)).toEqual({ ok: false, message })
  })
})
