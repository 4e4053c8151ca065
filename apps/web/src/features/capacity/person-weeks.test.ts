import { describe, expect, test } from 'vitest'
import {
  allocationPreview,
  gridWeek,
  PERSON_ID,
  platformGrid,
  WEEKS,
} from '../../testing/person-fixture.ts'
import { contractLabel, overWeeks, patternLabel, personWeeks, previewRows } from './person-weeks.ts'

describe('personWeeks', () => {
  test('one team: the grid’s weeks, this week marked, over 100% confirmed and with tentative', () => {
    const rows = personWeeks([platformGrid()], PERSON_ID)
    expect(rows.map((r) => r.week)).toEqual(WEEKS)
    expect(rows.filter((r) => r.thisWeek).map((r) => r.week)).toEqual(['2026-11-30'])
    expect(overWeeks(rows, false)).toEqual(['2026-12-14'])
    expect(overWeeks(rows, true)).toEqual(['2026-12-14', '2026-12-21'])
    const dec14 = rows.find((r) => r.week === '2026-12-14')
    expect(dec14?.confirmed.utilization).toBeCloseTo(1.2)
    expect(dec14?.confirmed.overHours).toBeCloseTo(4.5)
  })

  test('a week split by a move is the sum of its days in both teams, not a mean of ratios', () => {
    // Mon–Tue in Network: 15 h effective, 15 h booked (100%); Wed in Platform: 7.5 h, 0 h booked.
    const week = WEEKS[12]!
    const old = platformGrid()
    const oldTeam = old.teams[0]!
    const oldPerson = oldTeam.people![0]!
    oldPerson.weeks = WEEKS.map((w) =>
      w === week
        ? { ...gridWeek(w, 15), capacity: 15, effective: 15 }
        : { ...gridWeek(w, 0), inTeam: false },
    )
    const now = platformGrid()
    const nowPerson = now.teams[0]!.people![0]!
    nowPerson.weeks = WEEKS.map((w) =>
      w === week ? { ...gridWeek(w, 0), capacity: 7.5, effective: 7.5 } : gridWeek(w, 18),
    )
    const row = personWeeks([now, old], PERSON_ID).find((r) => r.week === week)
    expect(row?.effective).toBe(22.5)
    expect(row?.confirmed.booked).toBe(15)
    expect(row?.confirmed.utilization).toBeCloseTo(15 / 22.5)
    expect(row?.confirmed.overAllocated).toBe(false)
  })

  test('weeks they were in no team are shown as such', () => {
    const grid = platformGrid()
    grid.teams[0]!.people![0]!.weeks[0] = { ...gridWeek(WEEKS[0]!, 0), inTeam: false }
    const [first] = personWeeks([grid], PERSON_ID)
    expect(first?.inTeam).toBe(false)
    expect(first?.confirmed.utilization).toBeNull()
  })
})

test('a working pattern in words', () => {
  expect(patternLabel([1, 2, 3])).toBe('Mon–Wed')
  expect(patternLabel([5, 1, 2, 3, 4])).toBe('Mon–Fri')
  expect(patternLabel([1, 3, 5])).toBe('Mon, Wed, Fri')
  expect(patternLabel([1, 2, 4, 5, 6, 7])).toBe('Mon, Tue, Thu–Sun')
  expect(contractLabel(22.5, [1, 2, 3])).toBe('22.5 h, Mon–Wed')
  expect(contractLabel(37.5, [1, 2, 3, 4, 5])).toBe('37.5 h, Mon–Fri')
})

test('a preview’s weeks say which turn over 100%', () => {
  const [first, second] = previewRows(allocationPreview())
  expect(first?.confirmed.effect).toBe('turns-over')
  expect(second?.confirmed.effect).toBe('under')
  const stays = allocationPreview()
  const w = stays.weeks[0]!
  w.before.confirmed.overAllocated = true
  expect(previewRows(stays)[0]?.confirmed.effect).toBe('stays-over')
  w.after.confirmed.overAllocated = false
  expect(previewRows(stays)[0]?.confirmed.effect).toBe('back-under')
})
