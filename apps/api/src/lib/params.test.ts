import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { digits, IdParam } from './params.ts'

describe('IdParam', () => {
  it('reads decimal digits as a number', () => {
    expect(IdParam.parse({ id: '42' })).toEqual({ id: 42 })
    expect(IdParam.parse({ id: '9007199254740991' })).toEqual({ id: Number.MAX_SAFE_INTEGER })
  })

  it('refuses whatever Number() would read but is not plain digits', () => {
    for (const id of ['1e3', '0x4', '0b1', '0o7', '+4', '-4', '4.0', ' 4', '4 ', '', 'Infinity']) {
      expect(IdParam.safeParse({ id }).error?.issues, id).toEqual([
        expect.objectContaining({
          path: ['id'],
          message: 'must be a whole number in decimal digits',
        }),
      ])
    }
  })

  it('refuses 0 and what a number cannot hold exactly', () => {
    for (const id of ['0', '9007199254740992', '1'.repeat(400)]) {
      expect(IdParam.safeParse({ id }).error?.issues, id).toHaveLength(1)
    }
  })
})

describe('digits', () => {
  it('bounds the number with the schema given', () => {
    const limit = digits(z.number().min(1).max(200)).default(50)
    expect(limit.parse(undefined)).toBe(50)
    expect(limit.parse('200')).toBe(200)
    expect(limit.safeParse('201').success).toBe(false)
    expect(limit.safeParse('2e2').success).toBe(false)
  })
})
