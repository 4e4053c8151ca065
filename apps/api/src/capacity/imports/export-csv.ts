import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { toCsv } from '../../lib/csv/write-csv.ts'
import { ALLOCATION_COLUMNS } from './allocation-rows.ts'
import { formatNumber, formatPounds, formatWorkingDays } from './cells.ts'
import { PERSON_COLUMNS } from './people-rows.ts'

/**
 * Everyone, those who have left too, in the people import's columns, by name: the team as its
 * slug, the region as its code (empty for the organisation's). A person with no email is written
 * with an empty one, which the import refuses: it matches people by email.
 */
export async function exportPeople(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('people as p')
    .innerJoin('teams as t', 't.id', 'p.teamId')
    .select(['p.name', 'p.email', 't.slug', 'p.role', 'p.contractedHoursPerWeek'])
    .select(['p.workingDays', 'p.skills', 'p.bankHolidayRegion', 'p.startDate', 'p.endDate'])
    .select('p.costRatePencePerHour')
    .orderBy('p.name')
    .orderBy('p.id')
    .execute()
  return toCsv(
    PERSON_COLUMNS.map((c) => c.key),
    rows.map((r) => [
      r.name,
      r.email?.toLowerCase() ?? '',
      r.slug,
      r.role,
      formatNumber(r.contractedHoursPerWeek),
      formatWorkingDays(r.workingDays),
      r.skills.join(';'),
      r.bankHolidayRegion ?? '',
      r.startDate ?? '',
      r.endDate ?? '',
      formatPounds(r.costRatePencePerHour),
    ]),
  )
}

/** Every allocation in the allocation import's columns, by person's email, first day and id. */
export async function exportAllocations(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('allocations as a')
    .innerJoin('people as p', 'p.id', 'a.personId')
    .leftJoin('projects as j', 'j.id', 'a.projectId')
    .select(['p.email', 'a.kind', 'j.code', 'a.firstDay', 'a.lastDay', 'a.hoursPerWeek'])
    .select(['a.percent', 'a.status', 'a.note'])
    .orderBy('p.email')
    .orderBy('a.firstDay')
    .orderBy('a.id')
    .execute()
  return toCsv(
    ALLOCATION_COLUMNS.map((c) => c.key),
    rows.map((r) => [
      r.email?.toLowerCase() ?? '',
      r.kind,
      r.code ?? '',
      r.firstDay,
      r.lastDay,
      r.hoursPerWeek === null ? '' : formatNumber(r.hoursPerWeek),
      r.percent === null ? '' : formatNumber(r.percent),
      r.status,
      r.note,
    ]),
  )
}
