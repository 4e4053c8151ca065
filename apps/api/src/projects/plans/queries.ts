import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import type { BaselineVersion, ProgressEntry } from './schemas.ts'

// The statements of the baselines and progress routes.

/** The project's budget (BAC): the sum of its lines. */
export async function projectBac(db: Kysely<Database>, projectId: number) {
  const row = await db
    .selectFrom('projectBudgetLines')
    .select(sql<number>`coalesce(sum(amount_pence), 0)::int8`.as('bac'))
    .where('projectId', '=', projectId)
    .executeTakeFirstOrThrow()
  return Number(row.bac)
}

/** The project's baseline versions, newest first (or just `version`), each with its months. */
export async function listBaselines(
  db: Kysely<Database>,
  projectId: number,
  only?: number,
): Promise<BaselineVersion[]> {
  const [versions, months] = await Promise.all([
    db
      .selectFrom('projectBaselines as b')
      .leftJoin('users as u', 'u.id', 'b.createdByUserId')
      .select([
        'b.version',
        'b.reason',
        'b.createdAt',
        'u.id as userId',
        'u.name as userName',
        sql<number>`(SELECT coalesce(sum(m.planned_pence), 0)::int8 FROM project_baseline m
          WHERE m.project_id = b.project_id AND m.version = b.version)`.as('total'),
      ])
      .where('b.projectId', '=', projectId)
      .$if(only !== undefined, (q) => q.where('b.version', '=', only ?? 0))
      .orderBy('b.version', 'desc')
      .execute(),
    db
      .selectFrom('projectBaseline')
      .select(['version', 'month', 'plannedPence'])
      .where('projectId', '=', projectId)
      .$if(only !== undefined, (q) => q.where('version', '=', only ?? 0))
      .orderBy('version')
      .orderBy('month')
      .execute(),
  ])
  return versions.map((v) => ({
    version: v.version,
    reason: v.reason,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.userId === null ? null : { id: v.userId, name: v.userName ?? '' },
    months: months
      .filter((m) => m.version === v.version)
      .map((m) => ({ month: m.month.slice(0, 7), amountPence: m.plannedPence })),
    total: Number(v.total),
  }))
}

/** The newest version number, or null when the project has no baseline. */
export async function currentVersion(db: Kysely<Database>, projectId: number) {
  const row = await db
    .selectFrom('projectBaselines')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('projectId', '=', projectId)
    .executeTakeFirst()
  return row?.version ?? null
}

/** The project's progress, newest first, or only the entry of `asOf`. */
export async function listProgress(
  db: Kysely<Database>,
  projectId: number,
  asOf?: string,
): Promise<ProgressEntry[]> {
  const rows = await db
    .selectFrom('projectProgress as p')
    .leftJoin('users as u', 'u.id', 'p.recordedByUserId')
    .select([
      'p.asOf',
      'p.percentComplete',
      'p.note',
      'p.recordedAt',
      'u.id as userId',
      'u.name as userName',
    ])
    .where('p.projectId', '=', projectId)
    .$if(asOf !== undefined, (q) => q.where('p.asOf', '=', asOf ?? ''))
    .orderBy('p.asOf', 'desc')
    .execute()
  return rows.map((r) => ({
    asOf: r.asOf,
    percentComplete: Number(r.percentComplete),
    note: r.note,
    recordedAt: r.recordedAt.toISOString(),
    recordedBy: r.userId === null ? null : { id: r.userId, name: r.userName ?? '' },
  }))
}
