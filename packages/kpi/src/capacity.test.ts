import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  effectiveCapacity,
  isOverAllocated,
  overAllocatedHours,
  runChangeSplit,
  utilization,
} from './capacity.ts'

describe('effectiveCapacity', () => {
  it('takes a working day of hours out for each day lost', () => {
    // 37.5 h over 5 days = 7.5 h/day; a bank holiday and a day off → 37.5 − 2 × 7.5 = 22.5 h.
    expect(
      effectiveCapacity({ contractedHoursPerWeek: 37.5, bankHolidayDays: 1, timeOffDays: 1 }),
    ).toBe(22.5)
    // Part-time, 30 h over 4 days = 7.5 h/day; half a day off → 26.25 h.
    expect(
      effectiveCapacity({
        contractedHoursPerWeek: 30,
        workingDaysPerWeek: 4,
        bankHolidayDays: 0,
        timeOffDays: 0.5,
      }),
    ).toBe(26.25)
  })

  it('never goes below zero', () => {
    // A 4-day worker with 5 days of leave booked across the week.
    expect(
      effectiveCapacity({
        contractedHoursPerWeek: 30,
        workingDaysPerWeek: 4,
        bankHolidayDays: 1,
        timeOffDays: 4,
      }),
    ).toBe(0)
  })

  it('rejects impossible inputs', () => {
    const base = { contractedHoursPerWeek: 37.5, bankHolidayDays: 0, timeOffDays: 0 }
    expect(() => effectiveCapacity({ ...base, workingDaysPerWeek: 0 })).toThrow(RangeError)
    expect(() => effectiveCapacity({ ...base, timeOffDays: -1 })).toThrow(RangeError)
  })

  it('stays within [0, contracted] and falls as days are lost', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 80, noNaN: true }),
        fc.integer({ min: 1, max: 7 }),
        fc.double({ min: 0, max: 7, noNaN: true }),
        fc.double({ min: 0, max: 7, noNaN: true }),
        (contractedHoursPerWeek, workingDaysPerWeek, a, b) => {
          const at = (timeOffDays: number) =>
            effectiveCapacity({
              contractedHoursPerWeek,
              workingDaysPerWeek,
              bankHolidayDays: 0,
              timeOffDays,
            })
          const [few, many] = a <= b ? [a, b] : [b, a]
          const more = at(few)
          return more >= 0 && more <= contractedHoursPerWeek && at(many) <= more
        },
      ),
    )
  })
})

describe('utilization', () => {
  it('flags a week over 100%', () => {
    // 30 h allocated against 22.5 h effective → 133%, over by 7.5 h.
    const u = utilization(30, 22.5)
    expect(u).toBeCloseTo(1.3333, 4)
    expect(isOverAllocated(u)).toBe(true)
    expect(overAllocatedHours(30, 22.5)).toBe(7.5)
  })

  it('treats exactly 100% as fully, not over, allocated', () => {
    expect(isOverAllocated(utilization(22.5, 22.5))).toBe(false)
    // 37 h over 5 days with 3 days off: 37 − 3 × 7.4 = 14.8 h, which binary arithmetic makes
    // 14.799999999999997; booking exactly 14.8 h is full, not over.
    const effective = effectiveCapacity({
      contractedHoursPerWeek: 37,
      bankHolidayDays: 1,
      timeOffDays: 2,
    })
    expect(utilization(14.8, effective)).toBeGreaterThan(1)
    expect(isOverAllocated(utilization(14.8, effective))).toBe(false)
    expect(isOverAllocated(utilization(14.81, effective))).toBe(true)
    expect(isOverAllocated(utilization(16, 16.5))).toBe(false)
  })

  it('is n/a with no capacity, while still showing the hours booked into it', () => {
    expect(utilization(10, 0)).toBeNull()
    expect(isOverAllocated(null)).toBe(false)
    expect(overAllocatedHours(10, 0)).toBe(10)
    expect(overAllocatedHours(10, 20)).toBe(0)
  })
})

describe('runChangeSplit', () => {
  it('splits run (run, support, incidents) from change (projects)', () => {
    // run 40 + support 15 + incident 5 = 60 run; project 90 change; total 150 → 40% / 60%.
    const s = runChangeSplit({ run: 40, support: 15, incident: 5, project: 90 })
    expect(s).toEqual({ runHours: 60, changeHours: 90, runShare: 0.4, changeShare: 0.6 })
  })

  it('is n/a with no hours at all', () => {
    expect(runChangeSplit({})).toEqual({
      runHours: 0,
      changeHours: 0,
      runShare: null,
      changeShare: null,
    })
    expect(() => runChangeSplit({ run: -1 })).toThrow(RangeError)
  })
})
