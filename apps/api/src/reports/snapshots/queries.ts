import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import type { Report } from '../schemas.ts'

export interface NewSnapshot {
  report: Report
  frozenByUserId: number | null
  frozenBy: string
  scheduleId: number | null
}

/** Writes a snapshot; the table refuses any later UPDATE. */
export async function insertSnapshot(db: Kysely<Database>, s: NewSnapshot) {
  const { report } = s
  return db
    .insertInto('reportSnapshots')
    .values({
      periodKind: report.period.kind,
      firstDay: report.period.firstDay,
      lastDay: report.period.lastDay,
      title: report.title,
      body: JSON.stringify(report),
      dataCutoff: report.dataCutoff,
      frozenByUserId: s.frozenByUserId,
      frozenBy: s.frozenBy,
      scheduleId: s.scheduleId,
    })
    .returning(['id', 'frozenAt'])
    .executeTakeFirstOrThrow()
}

const LISTED = [
  'id',
  'title',
  'periodKind',
  'firstDay',
  'lastDay',
  'dataCutoff',
  'frozenAt',
  'frozenBy',
  'scheduleId',
] as const

/** The archive, newest period first: what each snapshot is, not its body. */
export async function listSnapshots(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('reportSnapshots')
    .select([...LISTED, sql<string>`body #>> '{period,label}'`.as('label')])
    .orderBy('firstDay', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/** One snapshot with the report it froze, exactly as stored. */
export async function findSnapshot(db: Kysely<Database>, id: number) {
  const row = await db
    .selectFrom('reportSnapshots')
    .select([...LISTED, 'body'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  const { body, ...meta } = row
  return { ...meta, report: body as Report }
}
