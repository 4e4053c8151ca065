import type { AllocationKind, AllocationStatus } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { parseDay } from '../../lib/csv/parse-date.ts'
import { type ColumnSpec, readCsv } from '../../lib/csv/read-csv.ts'
import type { Checked, RowResult } from '../../lib/csv/rows.ts'
import { checkAllocationFacts, projectToLookUp } from '../allocations/check-allocation.ts'
import { bookableProjects } from '../allocations/queries.ts'
import { NewAllocation } from '../allocations/schemas.ts'
import { parseHours, parseKind, parsePercent, parseStatus } from './cells.ts'

type AllocationColumn =
  | 'person'
  | 'kind'
  | 'project'
  | 'first_day'
  | 'last_day'
  | 'hours_per_week'
  | 'percent'
  | 'status'
  | 'note'

/** The allocation columns, as the export writes them; the aliases are also read. */
export const ALLOCATION_COLUMNS: ColumnSpec<AllocationColumn>[] = [
  { key: 'person', aliases: ['email', 'person email'], required: true },
  { key: 'kind', aliases: ['type'], required: true },
  { key: 'project', aliases: ['project code', 'code'], required: false, upper: true },
  { key: 'first_day', aliases: ['from', 'start', 'start date'], required: true },
  { key: 'last_day', aliases: ['to', 'end', 'end date'], required: true },
  { key: 'hours_per_week', aliases: ['hours', 'hours a week', 'weekly hours'], required: false },
  { key: 'percent', aliases: ['percentage', 'percent of contracted hours'], required: false },
  { key: 'status', aliases: [], required: false },
  { key: 'note', aliases: ['notes', 'comment'], required: false },
]

// The API's field names as the import's columns, in a refusal's path and in its messages.
const COLUMN_OF: Record<string, AllocationColumn> = {
  personId: 'person',
  kind: 'kind',
  projectCode: 'project',
  firstDay: 'first_day',
  lastDay: 'last_day',
  hoursPerWeek: 'hours_per_week',
  percent: 'percent',
  status: 'status',
  note: 'note',
}
const inColumns = (message: string) =>
  message.replace(/\b(personId|projectCode|firstDay|lastDay|hoursPerWeek)\b/g, (f) => COLUMN_OF[f]!)

/** A row's values as the preview shows them: null where a cell is bad. */
export interface AllocationValues {
  /** The person's email, in lower case. */
  person: string
  kind: AllocationKind | null
  projectCode: string | null
  firstDay: string | null
  lastDay: string | null
  hoursPerWeek: number | null
  percent: number | null
  status: AllocationStatus | null
  note: string
}

export type AllocationRow = RowResult<AllocationValues>

/** A person the file names, with what checkAllocation reads of them. */
export interface LookupPerson {
  id: number
  name: string
  startDate: string | null
  endDate: string | null
}

export interface AllocationsLookup {
  /** People by email in lower case, for the emails the file names. */
  people: Map<string, LookupPerson>
  /** The allocations those people have, by duplicateKey. */
  stored: Set<string>
}

/** What makes two allocations the same: person, kind, project, days, amount and status. */
export const duplicateKey = (a: {
  personId: number
  kind: string
  projectCode: string | null
  firstDay: string
  lastDay: string
  hoursPerWeek: number | null
  percent: number | null
  status: string
}) =>
  [
    a.personId,
    a.kind,
    a.projectCode ?? '',
    a.firstDay,
    a.lastDay,
    a.hoursPerWeek === null ? '' : Number(a.hoursPerWeek),
    a.percent === null ? '' : Number(a.percent),
    a.status,
  ].join(' ')

/** The emails a file names (lower case), to look them up before checking its rows. */
export function emailsIn(text: string) {
  const { rows } = readCsv(text, ALLOCATION_COLUMNS)
  return [...new Set(rows.map((r) => r.cells.person.toLowerCase()).filter(Boolean))]
}

/** A row ready to write: POST /allocations' fields and the project's id. */
export type AllocationWrite = NewAllocation & { projectId: number | null }

const fields = NewAllocation.shape

/**
 * Every row checked by POST /allocations' rules, its own checks (checkAllocation: the person
 * employed for part of the range, the project live) included, over the lookup's people and the
 * file's projects read in one query, and against the lookup's stored allocations: `new` to be
 * written, `duplicate` when the person has the same allocation stored (a re-import), `error`
 * otherwise. The same new allocation twice in the file is an error on the second. `writes` holds
 * each new row's fields by line.
 */
export async function checkAllocations(
  db: Kysely<Database>,
  text: string,
  lookup: AllocationsLookup,
): Promise<Checked<AllocationValues> & { writes: Map<number, AllocationWrite> }> {
  const { rows, present, warnings, problems } = readCsv(text, ALLOCATION_COLUMNS)
  const writes = new Map<number, AllocationWrite>()
  if (!problems.length && !present.includes('hours_per_week') && !present.includes('percent')) {
    const message = 'The hours_per_week or percent column is missing: give one of them'
    problems.push({ line: 1, column: 'hours_per_week', message })
  }
  if (problems.length) return { rows: [], fileErrors: problems, warnings, writes }
  const firstLine = new Map<string, number>()
  const checked: AllocationRow[] = []
  // Rows whose cells are good, for checkAllocation's rules once their projects are read.
  const pending: {
    row: AllocationRow
    a: NewAllocation
    person: LookupPerson
    fail: (column: AllocationColumn, message: string) => null
  }[] = []
  for (const { line, cells, errors: read } of rows) {
    const errors: AllocationRow['errors'] = [...read]
    const fail = (column: AllocationColumn, message: string) => {
      errors.push({ column, message })
      return null
    }
    const field = <S extends z.ZodType>(column: AllocationColumn, schema: S, value: unknown) => {
      const result = schema.safeParse(value)
      return result.success ? result.data : fail(column, inColumns(result.error.issues[0]!.message))
    }
    const email = cells.person.toLowerCase()
    const person = lookup.people.get(email)
    if (!cells.person) fail('person', 'is empty: give the person’s email')
    else if (!person) fail('person', `${cells.person} is no person’s email`)
    const kind = parseKind(cells.kind)
    const day = (column: 'first_day' | 'last_day') => {
      const parsed = parseDay(cells[column])
      return parsed.ok ? field(column, fields.firstDay, parsed.value) : fail(column, parsed.message)
    }
    const amount = (
      column: 'hours_per_week' | 'percent',
      parse: typeof parseHours,
      schema: typeof fields.hoursPerWeek,
    ) => {
      if (!cells[column]) return null
      const parsed = parse(cells[column])
      return parsed.ok ? field(column, schema, parsed.value) : fail(column, parsed.message)
    }
    const status = parseStatus(cells.status)
    const values: AllocationValues = {
      person: email,
      kind: kind.ok ? kind.value : fail('kind', kind.message),
      projectCode: cells.project ? field('project', fields.projectCode, cells.project) : null,
      firstDay: day('first_day'),
      lastDay: day('last_day'),
      hoursPerWeek: amount('hours_per_week', parseHours, fields.hoursPerWeek),
      percent: amount('percent', parsePercent, fields.percent),
      status: status.ok ? status.value : fail('status', status.message),
      note: field('note', fields.note, cells.note) ?? cells.note,
    }
    if (cells.project && values.projectCode === null) values.projectCode = cells.project

    const row: AllocationRow = { line, status: 'new', values, errors }
    checked.push(row)
    if (errors.length === 0 && person) {
      // The rules across fields, as POST /allocations' body has them.
      const whole = NewAllocation.safeParse({
        personId: person.id,
        kind: values.kind,
        projectCode: values.projectCode,
        firstDay: values.firstDay,
        lastDay: values.lastDay,
        hoursPerWeek: values.hoursPerWeek,
        percent: values.percent,
        status: values.status,
        note: values.note,
      })
      if (!whole.success) {
        for (const issue of whole.error.issues) {
          fail(COLUMN_OF[String(issue.path[0])] ?? 'person', inColumns(issue.message))
        }
      } else pending.push({ row, a: whole.data, person, fail })
    }
  }

  // checkAllocation's own rules, over the file's projects read at once (its people are the
  // lookup's), in line order: the first of two equal new rows is the one written.
  const codes = pending.map(({ a }) => projectToLookUp(a, a)).filter((c) => c !== null)
  const projects = await bookableProjects(db, [...new Set(codes)])
  for (const { row, a, person, fail } of pending) {
    const code = projectToLookUp(a, a)
    const result = checkAllocationFacts(a, a, {
      person,
      project: code === null ? undefined : projects.get(code),
    })
    if ('refused' in result) {
      const details = result.refused.body.error.details ?? []
      for (const d of details as { path: string; message: string }[]) {
        const column = COLUMN_OF[d.path.replace(/^json\./, '')] ?? 'person'
        fail(column, inColumns(d.message))
      }
      continue
    }
    const dup = duplicateKey(a)
    if (lookup.stored.has(dup)) row.status = 'duplicate'
    else {
      const first = firstLine.get(dup)
      if (first !== undefined) {
        fail('person', `is booked exactly as on line ${first}: the same allocation twice`)
      } else {
        firstLine.set(dup, row.line)
        writes.set(row.line, { ...a, projectId: result.projectId ?? null })
      }
    }
  }
  for (const row of checked) if (row.errors.length) row.status = 'error'
  return { rows: checked, fileErrors: problems, warnings, writes }
}
