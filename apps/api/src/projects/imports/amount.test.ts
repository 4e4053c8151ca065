import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_AMOUNT_PENCE } from '@opsdeck/contract'
import { formatAmount, parseAmount } from './amount.ts'

describe('parseAmount', () => {
  it.each([
    ['£1,234.56', 123_456],
    ['1234.56', 123_456],
    ['1,234', 123_400],
    ['1,234,567.8', 123_456_780],
    ['-12.50', -1250],
    ['-£12.50', -1250],
    ['(1,234.56)', -123_456],
    ['(£0.99)', -99],
    [' 7 ', 700],
    ['0.5', 50],
    ['0', 0],
    ['-0', 0],
  ])('reads %s as %i pence', (cell, pence) => {
    expect(parseAmount(cell)).toEqual({ ok: true, value: pence })
  })

  it.each([
    '£1,2,3',
    '12.345',
    '1.2.3',
    '1,23',
    '12,34.00',
    ',123',
    '1,2345',
    'abc',
    '12a',
    '£',
    '--1',
    '-(1)',
    '(1',
    '1e3',
    '£ 12',
    '1 234',
    // More than £10bn, the largest amount the API stores.
    '10000000000.01',
    '20000000000',
  ])('refuses %s', (cell) => {
    expect(parseAmount(cell)).toMatchObject({ ok: false, message: expect.stringContaining(cell) })
  })

  it('refuses an empty cell', () => {
    expect(parseAmount('  ')).toEqual({
      ok: false,
      message: 'is empty: give an amount such as 1234.56',
    })
  })
})

describe('formatAmount', () => {
  it.each([
    [123_456, '1234.56'],
    [5, '0.05'],
    [0, '0.00'],
    [-1250, '(12.50)'],
  ])('writes %i pence as %s', (pence, cell) => {
    expect(formatAmount(pence)).toBe(cell)
  })

  it('is read back as the same pence', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_AMOUNT_PENCE, max: MAX_AMOUNT_PENCE }), (pence) => {
        expect(parseAmount(formatAmount(pence))).toEqual({ ok: true, value: pence })
      }),
    )
  })
})
