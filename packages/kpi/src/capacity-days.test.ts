import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addTotals,
  emptyTotals,
  focusCapacity,
  incidentToil,
  utilizationOf,
} from './capacity-days.ts'
import { alloc, FULL, none, week } from './capacity-fixture.ts'

// Worked examples in the week of Monday 7 September 2026 unless said otherwise (capacity-fixture.ts).

describe('personDays: how bookings meet the calendar', () => {
  it('books a full-timer’s 37.5 h evenly over Monday–Friday: 100%, not over', () => {
    const { days, totals } = week({
      allocations: [alloc({ hoursPerWeek: 30 }), alloc({ hoursPerWeek: 7.5, kind: 'run' })],
    })
    expect(days.map((d) => d.capacity)).toEqual([7.5, 7.5, 7.5, 7.5, 7.5, 0, 0])
    expect(days.map((d) => d.dayOff)).toEqual([
      null,
      null,
      null,
      null,
      null,
      'rest_day',
      'rest_day',
    ])
    expect(days[0]!.booked.confirmed).toEqual({ project: 6, run: 1.5, support: 0 })
    expect(totals).toMatchObject({ capacity: 37.5, effective: 37.5, timeOff: 0 })
    expect(utilizationOf(totals)).toEqual({
      booked: 37.5,
      effective: 37.5,
      utilization: 1,
      freeHours: 0,
      overHours: 0,
      overAllocated: false,
    })
  })

  it('a part-timer on Monday–Wednesday: their hours over their days, by hours or by percent', () => {
    // 22.5 h over 3 days = 7.5 h a day; 50% of 22.5 h = 11.25 h, 3.75 h a working day.
    const person = { ...FULL, contractedHoursPerWeek: 22.5, workingDays: [1, 2, 3] }
    const { days, totals } = week({
      person,
      allocations: [
        alloc({ hoursPerWeek: 11.25 }),
        alloc({ hoursPerWeek: null, percent: 50, kind: 'support' }),
      ],
    })
    expect(days.map((d) => d.capacity)).toEqual([7.5, 7.5, 7.5, 0, 0, 0, 0])
    expect(days.map((d) => d.booked.confirmed.support)).toEqual([3.75, 3.75, 3.75, 0, 0, 0, 0])
    expect(days[3]!.dayOff).toBe('rest_day')
    expect(utilizationOf(totals)).toMatchObject({ booked: 22.5, effective: 22.5, utilization: 1 })
  })

  it('a bank-holiday week: the holiday takes 7.5 h off capacity and off the booking alike', () => {
    // Monday 31 August 2026 is the Summer bank holiday (England & Wales). Booked 37.5 h a week:
    // 4 days × 7.5 = 30 h booked against 30 h of capacity, 100%, not the 125% of 37.5 / 30.
    const { days, totals } = week(
      { holidays: new Set(['2026-08-31']), allocations: [alloc({})] },
      { from: '2026-08-31', to: '2026-09-06' },
    )
    expect(days[0]).toMatchObject({ dayOff: 'bank_holiday', capacity: 0, effective: 0 })
    expect(days[0]!.booked.confirmed.project).toBe(0)
    expect(utilizationOf(totals)).toMatchObject({
      booked: 30,
      effective: 30,
      utilization: 1,
      overAllocated: false,
    })
  })

  it('a Scottish bank holiday lowers a Scottish person’s week and not an English one’s', () => {
    // Monday 30 November 2026, St Andrew's Day (substitute day): a bank holiday in Scotland only.
    const range = { from: '2026-11-30', to: '2026-12-06' }
    const scottish = week({ holidays: new Set(['2026-11-30']), allocations: [alloc({})] }, range)
    const english = week({ holidays: none, allocations: [alloc({})] }, range)
    expect(utilizationOf(scottish.totals)).toMatchObject({ booked: 30, effective: 30 })
    expect(utilizationOf(english.totals)).toMatchObject({ booked: 37.5, effective: 37.5 })
  })

  it('an organisation closure day is no working day, as a bank holiday is', () => {
    const { days, totals } = week(
      { closures: new Set(['2026-12-29']), allocations: [alloc({ lastDay: '2027-12-31' })] },
      { from: '2026-12-28', to: '2027-01-03' },
    )
    // 28 Dec is no holiday in this example; 1 Jan would be one in the region's list, not here.
    expect(days[1]).toMatchObject({ dayOff: 'closure', capacity: 0 })
    expect(utilizationOf(totals)).toMatchObject({ booked: 30, effective: 30, utilization: 1 })
  })

  it('half a day of leave lowers capacity, not the booking: a conflict over 100%', () => {
    // Tuesday afternoon off: effective 37.5 − 3.75 = 33.75; booked 37.5 → 111.1%, 3.75 h over,
    // and the 7.5 h booked on Tuesday are half over leave: 3.75 h to move.
    const { days, totals } = week({
      timeOff: [{ firstDay: '2026-09-08', lastDay: '2026-09-08', halfDay: true }],
      allocations: [alloc({})],
    })
    expect(days[1]).toMatchObject({ off: 0.5, capacity: 7.5, effective: 3.75 })
    expect(totals).toMatchObject({ capacity: 37.5, timeOff: 3.75, effective: 33.75 })
    expect(totals.bookedOverLeave).toBe(3.75)
    const u = utilizationOf(totals)
    expect(u.utilization).toBeCloseTo(37.5 / 33.75, 12)
    expect(u).toMatchObject({ overAllocated: true, overHours: 3.75, freeHours: 0 })
  })

  it('a whole week of leave with work booked: over-allocated although utilization is n/a', () => {
    const { totals } = week({
      timeOff: [{ firstDay: '2026-09-07', lastDay: '2026-09-11' }],
      allocations: [alloc({ hoursPerWeek: 10 })],
    })
    expect(utilizationOf(totals)).toMatchObject({
      booked: 10,
      effective: 0,
      utilization: null,
      overHours: 10,
      overAllocated: true,
    })
  })

  it('leave on a bank holiday or a weekend takes nothing more off', () => {
    const { totals } = week(
      {
        holidays: new Set(['2026-08-31']),
        timeOff: [{ firstDay: '2026-08-29', lastDay: '2026-08-31' }],
      },
      { from: '2026-08-31', to: '2026-09-06' },
    )
    expect(totals).toMatchObject({ capacity: 30, timeOff: 0, effective: 30 })
  })

  it('a person joining on Wednesday has three days, and is booked on those only', () => {
    // Allocated 37.5 h a week from the Monday: booked Wednesday–Friday, 22.5 h of 22.5 h.
    const { days, totals } = week({
      person: { ...FULL, startDate: '2026-09-09' },
      allocations: [alloc({ firstDay: '2026-09-07' })],
    })
    expect(days.map((d) => d.dayOff)).toEqual([
      'not_employed',
      'not_employed',
      null,
      null,
      null,
      'rest_day',
      'rest_day',
    ])
    expect(utilizationOf(totals)).toMatchObject({ booked: 22.5, effective: 22.5, utilization: 1 })
  })

  it('a person leaving on Tuesday has two days', () => {
    const { totals } = week({
      person: { ...FULL, endDate: '2026-09-08' },
      allocations: [alloc({})],
    })
    expect(utilizationOf(totals)).toMatchObject({ booked: 15, effective: 15 })
  })

  it('tentative work counts only in the what-if', () => {
    // Confirmed 30 h (80%), tentative 15 h more: 45 / 37.5 = 120% with tentative work on.
    const { totals } = week({
      allocations: [alloc({ hoursPerWeek: 30 }), alloc({ hoursPerWeek: 15, status: 'tentative' })],
    })
    expect(utilizationOf(totals)).toMatchObject({ booked: 30, utilization: 0.8, freeHours: 7.5 })
    expect(utilizationOf(totals, true)).toMatchObject({
      booked: 45,
      utilization: 1.2,
      overHours: 7.5,
      overAllocated: true,
    })
  })

  it('overlapping allocations add up day by day', () => {
    // A: 20 h a week all month, 4 h a day. B: 20 h a week from Wednesday 9th, 4 h a day.
    // Monday and Tuesday 4 h, Wednesday–Friday 8 h: 32 h, 85.3%.
    const { days, totals } = week({
      allocations: [
        alloc({ hoursPerWeek: 20, firstDay: '2026-09-01', lastDay: '2026-09-30' }),
        alloc({ hoursPerWeek: 20, firstDay: '2026-09-09', lastDay: '2026-09-30' }),
      ],
    })
    expect(days.map((d) => d.booked.confirmed.project)).toEqual([4, 4, 8, 8, 8, 0, 0])
    expect(utilizationOf(totals).booked).toBe(32)
  })

  it('an allocation ending mid-week books its days only', () => {
    const { totals } = week({ allocations: [alloc({ lastDay: '2026-09-09' })] })
    expect(utilizationOf(totals)).toMatchObject({ booked: 22.5, utilization: 0.6 })
  })

  it('refuses a weekday that is not one, and negative hours', () => {
    expect(() => week({ person: { ...FULL, workingDays: [0, 1] } })).toThrow(RangeError)
    expect(() => week({ allocations: [alloc({ hoursPerWeek: -1 })] })).toThrow(RangeError)
  })

  it('never books more than the weekly hours, nor anything on a day off', () => {
    // Hours as people write them, to a tenth (a denormal double makes ratios meaningless).
    const tenths = fc.integer({ min: 0, max: 600 }).map((n) => n / 10)
    const pattern = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 })
    const day = fc
      .integer({ min: 0, max: 6 })
      .map((n) => `2026-09-${String(7 + n).padStart(2, '0')}`)
    fc.assert(
      fc.property(
        pattern,
        tenths,
        tenths,
        fc.uniqueArray(day),
        (workingDays, contracted, hours, holidays) => {
          const { days, totals } = week({
            person: { ...FULL, contractedHoursPerWeek: contracted, workingDays },
            holidays: new Set(holidays),
            allocations: [alloc({ hoursPerWeek: hours })],
          })
          const booked = utilizationOf(totals).booked
          expect(booked).toBeLessThanOrEqual(hours + 1e-9)
          for (const d of days) {
            if (d.dayOff !== null) expect(d.booked.confirmed.project).toBe(0)
          }
          // Booked and capacity fall together: the share booked is the share of the contract.
          if (contracted > 0 && hours > 0) {
            expect(booked / hours).toBeCloseTo(totals.capacity / contracted, 9)
          }
        },
      ),
    )
  })
})

describe('team figures are sums of people’s', () => {
  it('utilization of the sums, not the mean of the ratios', () => {
    // A: 30 of 37.5 (80%); B: part-time 22.5 booked 27 (120%). Team: 57 / 60 = 95%, not 100%.
    const a = week({ allocations: [alloc({ hoursPerWeek: 30 })] }).totals
    const b = week({
      person: { ...FULL, contractedHoursPerWeek: 22.5, workingDays: [1, 2, 3] },
      allocations: [alloc({ hoursPerWeek: 27 })],
    }).totals
    const team = addTotals(addTotals(emptyTotals(), a), b)
    expect(utilizationOf(team)).toMatchObject({ booked: 57, effective: 60, utilization: 0.95 })
  })
})

describe('incident toil and focus capacity', () => {
  it('caps the hours commanded at the working day and adds the hours logged', () => {
    // Commanded a 10-hour incident on a 7.5-hour day, and logged 2 h on another: 9.5 h.
    expect(incidentToil({ commandedHours: 10, loggedHours: 2, hoursPerWorkingDay: 7.5 })).toBe(9.5)
    expect(incidentToil({ commandedHours: 3, loggedHours: 0, hoursPerWorkingDay: 7.5 })).toBe(3)
    expect(focusCapacity(37.5, 9.5)).toBe(28)
    expect(focusCapacity(5, 9.5)).toBe(0)
  })
})
