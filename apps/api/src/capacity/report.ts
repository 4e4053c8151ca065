import type { Database } from '@opsdeck/db'
import { addDays, emptyTotals, type PersonDay, utilizationOf } from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import { localDay } from '../lib/calendar.ts'
import { type AreaReport, figure } from '../lib/report-section.ts'
import type { Scope } from '../lib/scope.ts'
import { overallocations } from './grid/overallocations.ts'
import { monthsBetween, runChange } from './grid/run-change.ts'
import { type CapacityModel, capacityModel } from './model/index.ts'
import { mondaysBetween, shiftDay } from './model/weeks.ts'
import {
  overAllocatedTable,
  round1,
  runChangeTable,
  type TeamRow,
  teamsTable,
} from './report-tables.ts'

/**
 * Capacity's section of a stakeholder report for one period, confirmed work only: capacity,
 * bookings, run and change and toil over the period's days; over-allocation over the whole ISO
 * weeks that touch it (a person's week is over or not as a whole), as the grid shows them.
 */
export async function capacityReport(db: Kysely<Database>, scope: Scope): Promise<AreaReport> {
  const { range, now, org } = scope
  const firstDay = localDay(range.from, org.timezone)
  const lastDay = localDay(new Date(range.to.getTime() - 1), org.timezone)
  const weeks = mondaysBetween(firstDay, lastDay)
  const model = await capacityModel(db, {
    from: weeks[0] ?? firstDay,
    to: shiftDay(weeks.at(-1) ?? lastDay, 6),
    orgRegion: org.bankHolidayRegion,
    timezone: org.timezone,
    now,
  })
  const period = periodOnly(model, firstDay, lastDay)
  const over = overallocations(model, weeks, false)
  const overPeople = new Set(over.map((o) => o.person.id))
  const total = utilizationOf(
    addDays(
      emptyTotals(),
      period.people.flatMap((p) => p.days),
    ),
  )
  const split = runChange(period, monthsBetween(firstDay, lastDay), null).total
  const teams = period.teams.flatMap((t): TeamRow[] => {
    const members = period.people.filter((p) => (p.byTeam.get(t.id)?.length ?? 0) > 0)
    if (members.length === 0) return []
    const u = utilizationOf(
      addDays(
        emptyTotals(),
        members.flatMap((p) => p.byTeam.get(t.id) ?? []),
      ),
    )
    const overHere = new Set(over.filter((o) => o.team?.id === t.id).map((o) => o.person.id))
    return [
      {
        team: t.name,
        people: members.length,
        effectiveHours: round1(u.effective),
        bookedHours: round1(u.booked),
        utilization: u.utilization,
        overAllocatedPeople: overHere.size,
      },
    ]
  })
  const days = `${firstDay} to ${lastDay}`
  const weeksNote = `Whole ISO weeks touching the period: ${model.from} to ${model.to}`
  const hours = (key: string, label: string, value: number, definition: string) =>
    figure({ key, label, value: round1(value), unit: 'hours', better: 'neither', definition })
  return {
    area: 'capacity',
    title: 'Team capacity',
    figures: [
      figure({
        key: 'utilization',
        label: 'Utilization',
        value: total.utilization,
        unit: 'share',
        better: 'neither',
        definition: 'utilization',
        note: `Confirmed bookings / effective capacity, ${days}`,
      }),
      hours('effectiveHours', 'Effective capacity', total.effective, 'effectiveCapacity'),
      hours('bookedHours', 'Booked hours', total.booked, 'bookingRule'),
      figure({
        key: 'overAllocatedPeople',
        label: 'Over-allocated people',
        value: overPeople.size,
        unit: 'count',
        better: 'lower',
        target: 0,
        targetKind: 'max',
        definition: 'utilization',
        note: `Over 100% in any one week. ${weeksNote}`,
      }),
      figure({
        key: 'overAllocatedPersonWeeks',
        label: 'Over-allocated person-weeks',
        value: over.length,
        unit: 'count',
        better: 'lower',
        definition: 'utilization',
        note: weeksNote,
      }),
      figure({
        key: 'changeShare',
        label: 'Change work',
        value: split.changeShare,
        unit: 'share',
        better: 'higher',
        definition: 'runChangeSplit',
        note: `Project hours of confirmed bookings and incident toil, ${days}`,
      }),
      figure({
        key: 'runShare',
        label: 'Run work',
        value: split.runShare,
        unit: 'share',
        better: 'lower',
        definition: 'runChangeSplit',
        note: `Run, support and incident toil of confirmed bookings and toil, ${days}`,
      }),
      {
        ...hours('toilHours', 'Incident toil', split.incidentHours, 'incidentToil'),
        better: 'lower',
      },
    ],
    tables: [
      teamsTable(teams),
      overAllocatedTable(over),
      runChangeTable({
        change: split.projectHours,
        run: split.runHours,
        support: split.supportHours,
        toil: split.incidentHours,
      }),
    ],
  }
}

/** The model cut to the period's days: each person's days, days by team and toil. */
function periodOnly(model: CapacityModel, first: string, last: string): CapacityModel {
  const inPeriod = (d: PersonDay) => d.day >= first && d.day <= last
  return {
    ...model,
    from: first,
    to: last,
    people: model.people.map((p) => ({
      ...p,
      days: p.days.filter(inPeriod),
      byTeam: new Map([...p.byTeam].map(([id, days]) => [id, days.filter(inPeriod)])),
      toil: new Map([...p.toil].filter(([day]) => day >= first && day <= last)),
    })),
  }
}
