import {
  ALLOCATION_KIND_LABELS,
  BANK_HOLIDAY_REGION_LABELS,
  MAX_ALLOCATION_HOURS,
  MAX_ALLOCATION_PERCENT,
  MAX_CONTRACTED_HOURS,
  WEEKDAY_LABELS,
} from '@opsdeck/contract'
import type { ImportKindSpec, PreviewColumn } from '../../components/import/import-files.ts'
import { formatDay } from '../../lib/format.ts'
import type { AllocationsPreview, PeoplePreview } from './import-writes.ts'

// The capacity import's two kinds of file: their columns with help, a template, and how the
// preview shows each row's values (by the column names the API's errors use).

export type CapacityImportKind = 'people' | 'allocations'

export const CAPACITY_IMPORT_KINDS: Record<CapacityImportKind, ImportKindSpec> = {
  people: {
    label: 'People',
    about:
      'People to add, matched by email: a person already stored with the same values is skipped, so the same file can be imported again; the same email with other values is an error (the import adds people, it never changes one).',
    columns: [
      { name: 'name', required: true, format: 'Text' },
      { name: 'email', required: true, format: 'Their email: a re-import is matched by it' },
      { name: 'team', required: true, format: 'The team’s slug or name' },
      { name: 'role', required: true, format: 'Text, e.g. Engineer' },
      {
        name: 'contracted_hours',
        required: true,
        format: `Hours a week, 0–${MAX_CONTRACTED_HOURS}, e.g. 37.5`,
      },
      {
        name: 'working_days',
        required: false,
        format: 'Mon-Fri (empty), Mon-Wed or Mon,Tue,Thu',
      },
      { name: 'skills', required: false, format: 'Separated by ;, e.g. Linux;AWS' },
      {
        name: 'region',
        required: false,
        format: `Bank holidays: GB-ENG, GB-SCT or GB-NIR (or ${Object.values(BANK_HOLIDAY_REGION_LABELS).join(', ')}); empty for the organisation’s`,
      },
      { name: 'start_date', required: false, format: '2026-03-31 or 31/03/2026' },
      {
        name: 'end_date',
        required: false,
        format: 'The last day worked: 2026-03-31 or 31/03/2026',
      },
      { name: 'cost_rate', required: false, format: 'Pounds an hour, e.g. 45.50; empty is 0' },
    ],
    example: [
      'name,email,team,role,contracted_hours,working_days,skills,region,start_date,end_date,cost_rate',
      'Ann Lee,ann.lee@example.com,platform,SRE,37.5,Mon-Fri,Linux;AWS,,2026-01-05,,45.50',
      'Bob Roy,bob.roy@example.com,service-desk,Analyst,22.5,Mon-Wed,ITIL,Scotland,01/03/2026,,',
      '',
    ].join('\r\n'),
    fileName: 'people-template.csv',
    exportHref: '/api/v1/capacity/exports/people.csv',
  },
  allocations: {
    label: 'Allocations',
    about:
      'People booked to projects, run/BAU or support, with every rule of the allocation editor. A booking the person already has (same kind, project, days, amount and status) is skipped, so the same file can be imported again.',
    columns: [
      { name: 'person', required: true, format: 'The person’s email' },
      { name: 'kind', required: true, format: 'project, run or support' },
      { name: 'project', required: false, format: 'The project code, for kind project only' },
      { name: 'first_day', required: true, format: '2026-03-31 or 31/03/2026' },
      { name: 'last_day', required: true, format: '2026-03-31 or 31/03/2026' },
      {
        name: 'hours_per_week',
        required: false,
        format: `Hours a week, up to ${MAX_ALLOCATION_HOURS}; give this or percent`,
      },
      {
        name: 'percent',
        required: false,
        format: `Of the contracted hours, up to ${MAX_ALLOCATION_PERCENT}; give this or hours_per_week`,
      },
      { name: 'status', required: false, format: 'confirmed (empty) or tentative' },
      { name: 'note', required: false, format: 'Text' },
    ],
    example: [
      'person,kind,project,first_day,last_day,hours_per_week,percent,status,note',
      'ann.lee@example.com,project,PRJ-0012,2026-03-02,2026-04-24,20,,confirmed,Migration',
      'ann.lee@example.com,run,,02/03/2026,24/04/2026,,40,,',
      '',
    ].join('\r\n'),
    fileName: 'allocations-template.csv',
    exportHref: '/api/v1/capacity/exports/allocations.csv',
  },
}

export type PersonRow = PeoplePreview['rows'][number]
export type AllocationRow = AllocationsPreview['rows'][number]

const day = (d: string | null) => (d ? formatDay(d) : '')
const hours = (h: number | null) => (h === null ? '' : `${h.toLocaleString('en-GB')} h`)

/** ISO weekdays as Mon–Wed, Fri. */
export function daysText(days: readonly number[]): string {
  const parts: string[] = []
  for (let i = 0; i < days.length;) {
    let j = i
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j += 1
    const [a, b] = [WEEKDAY_LABELS[days[i]! - 1], WEEKDAY_LABELS[days[j]! - 1]]
    parts.push(
      j - i >= 2
        ? `${a}–${b}`
        : days
            .slice(i, j + 1)
            .map((d) => WEEKDAY_LABELS[d - 1])
            .join(', '),
    )
    i = j + 1
  }
  return parts.join(', ')
}

export const PERSON_PREVIEW_COLUMNS: PreviewColumn<PersonRow>[] = [
  { key: 'name', label: 'Name', cell: (r) => r.values.name },
  { key: 'email', label: 'Email', cell: (r) => r.values.email },
  { key: 'team', label: 'Team', cell: (r) => r.values.team ?? '' },
  { key: 'role', label: 'Role', cell: (r) => r.values.role },
  {
    key: 'contracted_hours',
    label: 'Hours',
    num: true,
    cell: (r) => hours(r.values.contractedHoursPerWeek),
  },
  {
    key: 'working_days',
    label: 'Days',
    cell: (r) => (r.values.workingDays ? daysText(r.values.workingDays) : ''),
  },
  { key: 'skills', label: 'Skills', cell: (r) => r.values.skills.join(', ') },
  {
    key: 'region',
    label: 'Region',
    cell: (r) => (r.values.region ? BANK_HOLIDAY_REGION_LABELS[r.values.region] : ''),
  },
  { key: 'start_date', label: 'Start', cell: (r) => day(r.values.startDate) },
  { key: 'end_date', label: 'Leaves', cell: (r) => day(r.values.endDate) },
  {
    key: 'cost_rate',
    label: 'Cost rate',
    num: true,
    cell: (r) =>
      r.values.costRatePencePerHour === null
        ? ''
        : `£${(r.values.costRatePencePerHour / 100).toFixed(2)}/h`,
  },
]

export const ALLOCATION_PREVIEW_COLUMNS: PreviewColumn<AllocationRow>[] = [
  { key: 'person', label: 'Person', cell: (r) => r.values.person },
  {
    key: 'kind',
    label: 'Kind',
    cell: (r) => (r.values.kind ? ALLOCATION_KIND_LABELS[r.values.kind] : ''),
  },
  { key: 'project', label: 'Project', cell: (r) => r.values.projectCode ?? '' },
  { key: 'first_day', label: 'From', cell: (r) => day(r.values.firstDay) },
  { key: 'last_day', label: 'To', cell: (r) => day(r.values.lastDay) },
  {
    key: 'hours_per_week',
    label: 'Hours a week',
    num: true,
    cell: (r) => hours(r.values.hoursPerWeek),
  },
  {
    key: 'percent',
    label: 'Percent',
    num: true,
    cell: (r) => (r.values.percent === null ? '' : `${r.values.percent}%`),
  },
  { key: 'status', label: 'Status', cell: (r) => r.values.status ?? '' },
  { key: 'note', label: 'Note', cell: (r) => r.values.note },
]
