import { describe, expect, it } from 'vitest'
import { addDays, emptyTotals, type PersonDay, utilizationOf } from './capacity-days.ts'
import { alloc, FULL, week } from './capacity-fixture.ts'
import { coverGaps, daysByTeam } from './capacity-teams.ts'

// Worked examples in the week of Monday 7 September 2026 (capacity-fixture.ts).

describe('daysByTeam: a move mid-week', () => {
  it('leaves the days before the move with the old team', () => {
    // Moved from team 1 to team 2 on Thursday 10 September.
    const { days } = week({ allocations: [alloc({})] })
    const teams = daysByTeam(days, [
      { teamId: 1, firstDay: '2025-01-01', lastDay: '2026-09-09' },
      { teamId: 2, firstDay: '2026-09-10', lastDay: null },
    ])
    const sum = (team: number) => utilizationOf(addDays(emptyTotals(), teams.get(team) ?? []))
    expect(sum(1)).toMatchObject({ effective: 22.5, booked: 22.5 })
    // Team 2 has Thursday to Sunday: Thursday and Friday worked.
    expect(sum(2)).toMatchObject({ effective: 15, booked: 15 })
    expect(teams.get(2)!.map((d) => d.day)).toEqual([
      '2026-09-10',
      '2026-09-11',
      '2026-09-12',
      '2026-09-13',
    ])
  })
})

describe('coverGaps', () => {
  it('names the days a team has fewer than two people available', () => {
    // Three people: C off all Tuesday, B part-time Monday–Wednesday, A off Thursday morning.
    const weekdays = ['2026-09-07', '2026-09-08', '2026-09-09', '2026-09-10', '2026-09-11']
    const a = week({ timeOff: [{ firstDay: '2026-09-10', lastDay: '2026-09-10', halfDay: true }] })
    const b = week({ person: { ...FULL, contractedHoursPerWeek: 22.5, workingDays: [1, 2, 3] } })
    const c = week({ timeOff: [{ firstDay: '2026-09-08', lastDay: '2026-09-08' }] })
    // Tuesday: A and B (2). Thursday: A (half a day) and C: 2. Friday: A and C: 2.
    expect(coverGaps(weekdays, [a.days, b.days, c.days])).toEqual([])
    // Without C: Thursday and Friday have A only.
    expect(coverGaps(weekdays, [a.days, b.days])).toEqual([
      { day: '2026-09-10', available: 1 },
      { day: '2026-09-11', available: 1 },
    ])
    const empty: PersonDay[][] = []
    expect(coverGaps(['2026-09-07'], empty)).toEqual([{ day: '2026-09-07', available: 0 }])
  })
})
