import { describe, expect, it } from 'vitest'
import {
  formatPounds,
  formatWorkingDays,
  parseKind,
  parsePercent,
  parsePounds,
  parseRegion,
  parseStatus,
  parseWorkingDays,
} from './cells.ts'

describe('working days', () => {
  it.each([
    ['Mon-Fri', [1, 2, 3, 4, 5]],
    ['Mon–Wed', [1, 2, 3]],
    ['mon — wed', [1, 2, 3]],
    ['Monday to Wednesday', [1, 2, 3]],
    ['Mon,Tue,Thu', [1, 2, 4]],
    ['Thu; Mon', [1, 4]],
    ['Mon-Wed, Fri', [1, 2, 3, 5]],
    ['Tues and Thurs', [2, 4]],
    ['Sat-Sun', [6, 7]],
    ['wednesday', [3]],
  ])('reads %j', (cell, days) => {
    expect(parseWorkingDays(cell)).toEqual({ ok: true, value: days })
  })

  it.each([
    ['Fri-Mon', 'Fri-Mon is not a working pattern: a range runs forward, Mon to Sun'],
    ['Mon-Wed,Tue', 'Mon-Wed,Tue names Tue twice'],
    ['Mo-Fr', 'Mo-Fr is not a working pattern: write Mon-Fri, Mon-Wed or Mon,Tue,Thu'],
    ['1-5', '1-5 is not a working pattern: write Mon-Fri, Mon-Wed or Mon,Tue,Thu'],
    ['Mon-Tue-Wed', 'Mon-Tue-Wed is not a working pattern: write Mon-Fri, Mon-Wed or Mon,Tue,Thu'],
  ])('refuses %j', (cell, message) => {
    expect(parseWorkingDays(cell)).toEqual({ ok: false, message })
  })

  it.each([
    [[1, 2, 3, 4, 5], 'Mon-Fri'],
    [[1, 2, 4], 'Mon,Tue,Thu'],
    [[1, 2, 3, 5], 'Mon-Wed,Fri'],
    [[3], 'Wed'],
    [[1, 2, 3, 4, 5, 6, 7], 'Mon-Sun'],
  ])('writes %j as %j, which reads back', (days, cell) => {
    expect(formatWorkingDays(days)).toBe(cell)
    expect(parseWorkingDays(cell)).toEqual({ ok: true, value: days })
  })
})

describe('the other cells', () => {
  it('reads regions by code or name, empty as the organisation’s', () => {
    expect(parseRegion('')).toEqual({ ok: true, value: null })
    expect(parseRegion('gb-sct')).toEqual({ ok: true, value: 'GB-SCT' })
    expect(parseRegion('Northern  Ireland')).toEqual({ ok: true, value: 'GB-NIR' })
    expect(parseRegion('England and Wales')).toEqual({ ok: true, value: 'GB-ENG' })
    expect(parseRegion('Wales')).toEqual({ ok: true, value: 'GB-ENG' })
    expect(parseRegion('Ireland')).toMatchObject({ ok: false })
  })

  it('reads pounds an hour as pence and writes them back', () => {
    expect(parsePounds('£1,200.5')).toEqual({ ok: true, value: 120_050 })
    expect(parsePounds('45')).toEqual({ ok: true, value: 4500 })
    expect(parsePounds('-45')).toMatchObject({ ok: false })
    expect(parsePounds('45.123')).toMatchObject({ ok: false })
    expect(formatPounds(120_050)).toBe('1200.50')
    expect(formatPounds(5)).toBe('0.05')
  })

  it('reads percents, kinds and statuses', () => {
    expect(parsePercent('50%')).toEqual({ ok: true, value: 50 })
    expect(parsePercent('12.5 %')).toEqual({ ok: true, value: 12.5 })
    expect(parsePercent('half')).toMatchObject({ ok: false })
    expect(parseKind('Run / BAU')).toEqual({ ok: true, value: 'run' })
    expect(parseKind('BAU')).toEqual({ ok: true, value: 'run' })
    expect(parseKind('Support and on-call')).toEqual({ ok: true, value: 'support' })
    expect(parseKind('PROJECT')).toEqual({ ok: true, value: 'project' })
    expect(parseKind('')).toEqual({
      ok: false,
      message: 'An empty cell is not a kind: project, run or support',
    })
    expect(parseStatus('')).toEqual({ ok: true, value: 'confirmed' })
    expect(parseStatus('Tentative')).toEqual({ ok: true, value: 'tentative' })
    expect(parseStatus('maybe')).toMatchObject({ ok: false })
  })
})
