import { describe, expect, it } from 'vitest'
import { parseMonth } from './parse-month.ts'

describe('parseMonth', () => {
  it.each([
    ['2026-03', '2026-03-01'],
    ['03/2026', '2026-03-01'],
    ['3/2026', '2026-03-01'],
    ['Mar 2026', '2026-03-01'],
    ['mar 2026', '2026-03-01'],
    ['SEPTEMBER  2026', '2026-09-01'],
    ['Dec 2026', '2026-12-01'],
  ])('reads %s as %s', (cell, month) => {
    expect(parseMonth(cell)).toEqual({ ok: true, value: month })
  })

  it.each(['2026-13', '13/2026', 'Mrz 2026', '2026-03-01', '03/26', 'Sept 2026', ''])(
    'refuses %j',
    (cell) => {
      expect(parseMonth(cell)).toMatchObject({ ok: false, message: expect.any(String) })
    },
  )
})
