import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'

// The statements only the Incidents section of a report (report.ts) reads.

/** The summary and customer impact of the given incidents, by id. */
export async function listIncidentTexts(db: Kysely<Database>, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { summary: string; customerImpact: string }>()
  const rows = await db
    .selectFrom('incidents')
    .select(['id', 'summary', 'customerImpact'])
    .where('id', 'in', [...ids])
    .execute()
  return new Map(rows.map((r) => [r.id, r]))
}

/**
 * The follow-up actions of any incident that were overdue at `asOf`: added by then, open then
 * (still open, or done or dropped after it) and due before `asOfDay`, its day in the
 * organisation's zone; as listOverdueFollowUps reads them now. Earliest due first.
 */
export async function listFollowUpsOverdueAt(db: Kysely<Database>, asOf: Date, asOfDay: string) {
  return db
    .selectFrom('incidentActions as a')
    .innerJoin('incidents as i', 'i.id', 'a.incidentId')
    .leftJoin('people as p', 'p.id', 'a.ownerPersonId')
    .select([
      'i.ref',
      'a.title',
      'p.name as owner',
      sql<string>`a.due_on`.as('dueOn'),
      sql<number>`(${asOfDay}::date - a.due_on)`.as('daysOverdue'),
    ])
    .where('a.createdAt', '<=', asOf)
    .where((eb) => eb.or([eb('a.status', '=', 'open'), eb('a.completedAt', '>', asOf)]))
    .where(sql<boolean>`a.due_on < ${asOfDay}::date`)
    .orderBy('a.dueOn')
    .orderBy('a.id')
    .execute()
}
