import { type Insertable, type Kysely, sql } from 'kysely'
import type { Database } from './schema/index.ts'
import type { IncidentsTable } from './schema/incidents.ts'
import { localDay } from './seed/time.ts'

// Refs are taken in order per year; a create beside ours may take the one we computed.
const REF_ATTEMPTS = 5

/** A new incident's columns but its ref, which is allocated; `at` is its created and updated time. */
export type NumberedIncident = Omit<Insertable<IncidentsTable>, 'ref' | 'createdAt' | 'updatedAt'>

/**
 * Inserts an incident under the next free ref `INC-<year>-<nnnn>`, numbered within the
 * organisation's year of its start (as the demo data's), and answers its id and ref. The one ref
 * allocation of the manual declare, the integrations and the worker's burn-rate incidents.
 */
export async function insertNumberedIncident(
  db: Kysely<Database>,
  values: NumberedIncident,
  at: Date,
): Promise<{ id: number; ref: string }> {
  const { timezone } = await db
    .selectFrom('organisationSettings')
    .select('timezone')
    .executeTakeFirstOrThrow()
  const year = localDay(new Date(values.startedAt), timezone).slice(0, 4)
  const prefix = `INC-${year}-`
  for (let attempt = 0; attempt < REF_ATTEMPTS; attempt++) {
    const ref = `${prefix}${String((await lastRefNumber(db, prefix)) + 1).padStart(4, '0')}`
    const row = await db
      .insertInto('incidents')
      .values({ ...values, ref, createdAt: at, updatedAt: at })
      .onConflict((oc) => oc.column('ref').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (row) return { id: row.id, ref }
  }
  throw new Error(`no free incident ref in ${year} after ${REF_ATTEMPTS} attempts`)
}

/** The highest number among the refs `<prefix>NNNN` (0 for none). */
async function lastRefNumber(db: Kysely<Database>, prefix: string) {
  const row = await db
    .selectFrom('incidents')
    .select(
      sql<number>`coalesce(max(substring(ref from ${`^${prefix}([0-9]+)$`})::int), 0)`.as('n'),
    )
    .where('ref', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
