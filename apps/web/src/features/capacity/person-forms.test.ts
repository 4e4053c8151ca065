import { describe, expect, test } from 'vitest'
import { allocation, personRecord, timeOff } from '../../testing/person-fixture.ts'
import {
  allocationFormOf,
  allocationProblems,
  bookingLabel,
  emptyAllocationForm,
  previewBody,
  toAllocationPatch,
} from './allocation-form.ts'
import { personFormOf, personProblems, toPersonPatch } from './person-form.ts'
import { timeOffProblems, toNewTimeOff, toTimeOffPatch } from './time-off-form.ts'

describe('allocation form', () => {
  test('a new one is checked locally: project, days in order, hours or percent in range', () => {
    const form = { ...emptyAllocationForm('2027-01-04'), lastDay: '2027-01-01', amount: '81' }
    expect(allocationProblems(form)).toEqual({
      projectCode: 'Choose the project',
      lastDay: 'Must be on or after the first day',
      amount: expect.stringContaining('at most 80') as string,
    })
    expect(allocationProblems({ ...form, unit: 'percent', amount: '150' }).amount).toBeUndefined()
    expect(allocationProblems({ ...form, amount: '0' }).amount).toBeDefined()
    expect(allocationProblems({ ...form, amount: '7.125' }).amount).toBeDefined()
    expect(previewBody(form, 42)).toBeNull()
  })

  test('a change sends only what changed; hours for a percent clears it on the API', () => {
    const a = allocation()
    const form = allocationFormOf(a)
    expect(toAllocationPatch(form, a)).toEqual({})
    expect(previewBody(form, 42, a)).toBeNull()
    const changed = { ...form, unit: 'percent' as const, amount: '50', note: ' Core switches ' }
    expect(toAllocationPatch(changed, a)).toEqual({ percent: 50 })
    expect(previewBody(changed, 42, a)).toEqual({ id: 71, patch: { percent: 50 } })
    expect(toAllocationPatch({ ...form, kind: 'run' }, a)).toEqual({ kind: 'run' })
    expect(toAllocationPatch({ ...form, projectCode: 'PRJ-0015' }, a)).toEqual({
      projectCode: 'PRJ-0015',
    })
  })

  test('what it books, in words', () => {
    expect(bookingLabel({ hoursPerWeek: 18, percent: null, weeklyHours: 18 })).toBe('18 h a week')
    expect(bookingLabel({ hoursPerWeek: null, percent: 50, weeklyHours: 11.25 })).toBe(
      '50% (11.25 h a week)',
    )
  })
})

describe('person form', () => {
  test('only changed fields are patched; empty region and leave date are null', () => {
    const p = personRecord({
      bankHolidayRegion: null,
      region: { code: 'GB-ENG', source: 'organisation' },
    })
    const form = personFormOf(p)
    expect(toPersonPatch(form, p)).toEqual({})
    expect(
      toPersonPatch({ ...form, skills: 'Kubernetes, Postgres, Terraform', region: 'GB-NIR' }, p),
    ).toEqual({ skills: ['Kubernetes', 'Postgres', 'Terraform'], bankHolidayRegion: 'GB-NIR' })
    expect(toPersonPatch({ ...form, hours: '30', endDate: '2027-03-31' }, p)).toEqual({
      contractedHoursPerWeek: 30,
      endDate: '2027-03-31',
    })
  })

  test('a leave date before the start is refused', () => {
    const p = personRecord()
    expect(personProblems({ ...personFormOf(p), endDate: '2024-12-31' }, p).endDate).toBe(
      'Must be on or after their start date (2025-01-06)',
    )
  })
})

describe('time off form', () => {
  test('half a day is one day: the last day sent is the first', () => {
    const form = {
      firstDay: '2026-12-22',
      lastDay: '2026-12-24',
      halfDay: true,
      kind: 'annual_leave' as const,
      note: '',
    }
    expect(timeOffProblems(form)).toEqual({})
    expect(toNewTimeOff(form, 42)).toMatchObject({
      firstDay: '2026-12-22',
      lastDay: '2026-12-22',
      halfDay: true,
    })
    expect(timeOffProblems({ ...form, halfDay: false, lastDay: '2026-12-20' })).toEqual({
      lastDay: 'Must be on or after the first day',
    })
    expect(toTimeOffPatch({ ...form, firstDay: '2026-12-21' }, timeOff())).toEqual({
      lastDay: '2026-12-21',
      halfDay: true,
      note: '',
    })
  })
})
