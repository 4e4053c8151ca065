import { ratio } from '@opsdeck/kpi'
import type { ReportTable } from '../lib/report-section.ts'
import type { Overallocations } from './grid/schemas.ts'

// The capacity section's tables, from sums the report has already made. Hours to 0.1.

/** How many over-allocated person-weeks the report lists, worst first. */
export const REPORT_OVERALLOCATED = 20

export const round1 = (n: number) => Math.round(n * 10) / 10

export interface TeamRow {
  team: string
  people: number
  effectiveHours: number
  bookedHours: number
  utilization: number | null
  overAllocatedPeople: number
}

export function teamsTable(rows: TeamRow[]): ReportTable {
  return {
    key: 'teams',
    title: 'Teams',
    columns: [
      { key: 'team', label: 'Team', unit: 'text' },
      { key: 'people', label: 'People', unit: 'count' },
      { key: 'effectiveHours', label: 'Effective hours', unit: 'hours' },
      { key: 'bookedHours', label: 'Booked hours', unit: 'hours' },
      { key: 'utilization', label: 'Utilization', unit: 'share' },
      { key: 'overAllocatedPeople', label: 'Over-allocated people', unit: 'count' },
    ],
    rows: rows.map((r) => ({ ...r })),
    empty: 'No team had people in the period',
  }
}

/** The person-weeks over 100%, most hours over first (then the highest utilization). */
export function overAllocatedTable(items: Overallocations['items']): ReportTable {
  const rows = [...items]
    .sort(
      (a, b) =>
        b.overHours - a.overHours ||
        (b.utilization ?? Infinity) - (a.utilization ?? Infinity) ||
        a.person.name.localeCompare(b.person.name) ||
        a.week.localeCompare(b.week),
    )
    .slice(0, REPORT_OVERALLOCATED)
    .map((i) => ({
      person: i.person.name,
      team: i.team?.name ?? null,
      week: i.week,
      utilization: i.utilization,
      overHours: round1(i.overHours),
    }))
  return {
    key: 'overAllocated',
    title: 'Over-allocated person-weeks',
    columns: [
      { key: 'person', label: 'Person', unit: 'text' },
      { key: 'team', label: 'Team', unit: 'text' },
      { key: 'week', label: 'Week of', unit: 'day' },
      { key: 'utilization', label: 'Utilization', unit: 'share' },
      { key: 'overHours', label: 'Hours over', unit: 'hours' },
    ],
    rows,
    empty: 'No one was booked over 100% in a week',
  }
}

/** Confirmed work and incident toil by kind, each with its share of them all. */
export function runChangeTable(hours: {
  change: number
  run: number
  support: number
  toil: number
}): ReportTable {
  const all = hours.change + hours.run + hours.support + hours.toil
  const kinds = [
    ['Change', hours.change],
    ['Run', hours.run],
    ['Support', hours.support],
    ['Incident toil', hours.toil],
  ] as const
  return {
    key: 'runChange',
    title: 'Run and change',
    columns: [
      { key: 'kind', label: 'Work', unit: 'text' },
      { key: 'hours', label: 'Hours', unit: 'hours' },
      { key: 'share', label: 'Share', unit: 'share' },
    ],
    rows: kinds.map(([kind, h]) => ({ kind, hours: round1(h), share: ratio(h, all) })),
    empty: 'No work booked and no incident toil',
  }
}
