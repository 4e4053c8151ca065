import { beforeAll, describe, expect, it } from 'vitest'
import { useClockedApp } from '../../test/helpers.ts'
import { AreaReport } from '../lib/report-section.ts'
import { scopeOf } from '../lib/scope.ts'
import { capacityRows } from './grid/fixture.ts'
import { capacityReport } from './report.ts'

// November 2026 in Europe/London (on GMT), reported on Thursday 3 December. 21 weekdays: 2–6,
// 9–13, 16–20, 23–27 and Monday 30 November. Over-allocation reads the whole ISO weeks touching
// it: 26 October (week 44) to 30 November (week 49, to 6 December). Confirmed work only.
//
// Platform
//   Ava, 37.5 h on 5 days (7.5 h a day): effective 21 × 7.5 = 157.5 h. Project P1 30 h a week
//   all November: 21 × 6 = 126 h; run 15 h in week 47 (16 Nov): that week 45 h of 37.5, 120%,
//   7.5 h over. Booked 141 h. Incident toil: commanding 2 h on 10 Nov + 1.5 h logged on 11 Nov.
//   Ben, a part-timer, 22.5 h on Mon–Wed (7.5 h a day), in Scotland: 30 November (Monday) is
//   St Andrew's Day, so 13 pattern days less 1 = 12 working days, 90 h; a day off on Wed 4 Nov
//   leaves 82.5 h. Support 7.5 h a week (2.5 h a working day, booked over his leave too): 30 h.
//   Tentative work on P1 (10 h a week) is left out.
// Service desk
//   Cara, 37.5 h on 5 days: run 20 h a week in November, 21 × 4 = 84 h of 157.5 h. Run 40 h in
//   26–30 October (all in October, not booked in the period): 40 of 37.5 h, 2.5 h over in week
//   44, which touches November.
// All: effective 157.5 + 82.5 + 157.5 = 397.5 h; booked 141 + 30 + 84 = 255 h.
// Over 100%: Ava (week 47) and Cara (week 44): 2 people, 2 person-weeks.
// Run/change: change 126; run 15 + 84 = 99; support 30; toil 3.5; all 258.5 h.
const NOW = new Date('2026-12-03T12:00:00Z')
const ctx = useClockedApp(NOW)
const rows = capacityRows(() => ctx.db)

let report: AreaReport

beforeAll(async () => {
  const plat = await rows.team('plat')
  const desk = await rows.team('desk')
  const p1 = await rows.project('P1')
  const ava = await rows.person(plat.id, 'Ava')
  await rows.allocate(ava, {
    firstDay: '2026-11-01',
    lastDay: '2026-11-30',
    hoursPerWeek: 30,
    projectId: p1,
  })
  await rows.allocate(ava, { firstDay: '2026-11-16', lastDay: '2026-11-22', hoursPerWeek: 15 })
  const ben = await rows.person(plat.id, 'Ben', {
    hours: 22.5,
    workingDays: [1, 2, 3],
    region: 'GB-SCT',
  })
  await rows.allocate(ben, {
    firstDay: '2026-10-26',
    lastDay: '2026-12-06',
    hoursPerWeek: 7.5,
    kind: 'support',
  })
  await rows.allocate(ben, {
    firstDay: '2026-11-01',
    lastDay: '2026-11-30',
    hoursPerWeek: 10,
    projectId: p1,
    status: 'tentative',
  })
  await rows.leave(ben, '2026-11-04')
  const cara = await rows.person(desk.id, 'Cara')
  await rows.allocate(cara, { firstDay: '2026-11-01', lastDay: '2026-11-30', hoursPerWeek: 20 })
  await rows.allocate(cara, { firstDay: '2026-10-26', lastDay: '2026-10-30', hoursPerWeek: 40 })
  const incident = await ctx.db
    .insertInto('incidents')
    .values({
      ref: 'INC-1',
      title: 'Outage',
      severity: 'SEV2',
      startedAt: '2026-11-10T09:00:00Z',
      acknowledgedAt: '2026-11-10T09:00:00Z',
      resolvedAt: '2026-11-10T11:00:00Z',
      status: 'resolved',
      commanderPersonId: ava,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await ctx.db
    .insertInto('incidentResponderHours')
    .values({ incidentId: incident.id, personId: ava, day: '2026-11-11', hours: 1.5 })
    .execute()

  const scope = await scopeOf(ctx.db, { from: '2026-11-01', to: '2026-11-30' }, NOW)
  if (!scope.ok) throw new Error(scope.message)
  report = AreaReport.parse(await capacityReport(ctx.db, scope.scope))
})

const table = (key: string) => report.tables.find((t) => t.key === key)

describe('capacityReport', () => {
  it('sums the period’s capacity, bookings, run and change and toil', () => {
    expect(report).toMatchObject({ area: 'capacity', title: 'Team capacity' })
    const figures = Object.fromEntries(
      report.figures.map((f) => [f.key, [f.value, f.unit, f.better, f.target, f.definition]]),
    )
    expect(figures).toEqual({
      utilization: [255 / 397.5, 'share', 'neither', null, 'utilization'],
      effectiveHours: [397.5, 'hours', 'neither', null, 'effectiveCapacity'],
      bookedHours: [255, 'hours', 'neither', null, 'bookingRule'],
      overAllocatedPeople: [2, 'count', 'lower', 0, 'utilization'],
      overAllocatedPersonWeeks: [2, 'count', 'lower', null, 'utilization'],
      changeShare: [126 / 258.5, 'share', 'higher', null, 'runChangeSplit'],
      runShare: [132.5 / 258.5, 'share', 'lower', null, 'runChangeSplit'],
      toilHours: [3.5, 'hours', 'lower', null, 'incidentToil'],
    })
    expect(report.figures.find((f) => f.key === 'overAllocatedPeople')?.note).toContain(
      '2026-10-26 to 2026-12-06',
    )
  })

  it('breaks the period down by team', () => {
    // Cara's week 44 is the service desk's; Ava's week 47 the platform team's.
    expect(table('teams')?.rows).toEqual([
      {
        team: 'Team desk',
        people: 1,
        effectiveHours: 157.5,
        bookedHours: 84,
        utilization: 84 / 157.5,
        overAllocatedPeople: 1,
      },
      {
        team: 'Team plat',
        people: 2,
        effectiveHours: 240,
        bookedHours: 171,
        utilization: 171 / 240,
        overAllocatedPeople: 1,
      },
    ])
  })

  it('lists the person-weeks over 100%, most hours over first', () => {
    expect(table('overAllocated')?.rows).toEqual([
      {
        person: 'Ava',
        team: 'Team plat',
        week: '2026-11-16',
        utilization: 45 / 37.5,
        overHours: 7.5,
      },
      {
        person: 'Cara',
        team: 'Team desk',
        week: '2026-10-26',
        utilization: 40 / 37.5,
        overHours: 2.5,
      },
    ])
  })

  it('splits the hours into change, run, support and incident toil', () => {
    expect(table('runChange')?.rows).toEqual([
      { kind: 'Change', hours: 126, share: 126 / 258.5 },
      { kind: 'Run', hours: 99, share: 99 / 258.5 },
      { kind: 'Support', hours: 30, share: 30 / 258.5 },
      { kind: 'Incident toil', hours: 3.5, share: 3.5 / 258.5 },
    ])
  })
})
