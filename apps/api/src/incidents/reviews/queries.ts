import type { Database, IncidentActionsTable, IncidentReviewsTable } from '@opsdeck/db'
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely'

/** The incident's review as stored, or undefined before one is written. */
export async function findReviewRow(db: Kysely<Database>, incidentId: number) {
  return db
    .selectFrom('incidentReviews')
    .select(['rootCause', 'contributingFactors', 'wentWell', 'lessons', 'completedAt', 'updatedAt'])
    .where('incidentId', '=', incidentId)
    .executeTakeFirst()
}

/** Writes the whole review, creating it on the first write. */
export async function upsertReview(
  db: Kysely<Database>,
  incidentId: number,
  fields: Omit<Insertable<IncidentReviewsTable>, 'incidentId'>,
) {
  return db
    .insertInto('incidentReviews')
    .values({ incidentId, ...fields })
    .onConflict((oc) => oc.column('incidentId').doUpdateSet(fields))
    .returning([
      'rootCause',
      'contributingFactors',
      'wentWell',
      'lessons',
      'completedAt',
      'updatedAt',
    ])
    .executeTakeFirstOrThrow()
}

/** One of the incident's follow-ups, or undefined when the id is not one of its. */
export async function findAction(db: Kysely<Database>, incidentId: number, actionId: number) {
  return db
    .selectFrom('incidentActions')
    .select(['id', 'title', 'ownerPersonId', 'dueOn', 'status', 'completedAt'])
    .where('incidentId', '=', incidentId)
    .where('id', '=', actionId)
    .forUpdate()
    .executeTakeFirst()
}
export type StoredAction = NonNullable<Awaited<ReturnType<typeof findAction>>>

export async function insertAction(
  db: Kysely<Database>,
  action: Omit<Insertable<IncidentActionsTable>, 'updatedAt'> & { createdAt: Date },
) {
  const row = await db
    .insertInto('incidentActions')
    .values({ ...action, updatedAt: action.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

export async function updateAction(
  db: Kysely<Database>,
  id: number,
  set: Updateable<IncidentActionsTable> & { updatedAt: Date },
) {
  await db.updateTable('incidentActions').set(set).where('id', '=', id).execute()
}

/** The follow-up as the detail shows it: its owner's name, overdue as of `today`. */
export async function actionItem(db: Kysely<Database>, id: number, today: string) {
  const row = await db
    .selectFrom('incidentActions as a')
    .leftJoin('people as p', 'p.id', 'a.ownerPersonId')
    .select([
      'a.id',
      'a.title',
      'a.dueOn',
      'a.status',
      'a.completedAt',
      'p.id as ownerId',
      'p.name as ownerName',
      // As the detail's listActions: open and due before today; no due date is never overdue.
      sql<boolean>`coalesce(a.status = 'open' AND a.due_on < ${today}::date, false)`.as('overdue'),
    ])
    .where('a.id', '=', id)
    .executeTakeFirstOrThrow()
  return {
    id: Number(row.id),
    title: row.title,
    owner:
      row.ownerId === null || row.ownerName === null
        ? null
        : { id: Number(row.ownerId), name: row.ownerName },
    dueOn: row.dueOn,
    status: row.status,
    completedAt: row.completedAt?.toISOString() ?? null,
    overdue: row.overdue,
  }
}

/** People's names by id, for the timeline's text. */
export async function personNames(db: Kysely<Database>, ids: (number | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))]
  if (wanted.length === 0) return new Map<number, string>()
  const rows = await db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('id', 'in', wanted)
    .execute()
  return new Map(rows.map((r) => [Number(r.id), r.name]))
}
