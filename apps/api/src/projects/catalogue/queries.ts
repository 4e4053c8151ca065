import { BUDGET_CATEGORIES, type ProjectStatus, SPEND_TYPES } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely'
import { likePattern } from '../../lib/like.ts'
import type { ProjectListItem, ProjectRecord } from './schemas.ts'

type Db = Kysely<Database>

// The project's fields as the list and the record show them, its owner joined and its BAC summed.
function selectProjects(db: Db) {
  return db
    .selectFrom('projects as p')
    .leftJoin('people as o', 'o.id', 'p.ownerPersonId')
    .select([
      'p.id',
      'p.code',
      'p.name',
      'p.status',
      'p.startDate',
      'p.endDate',
      'p.sponsor',
      'o.id as ownerId',
      'o.name as ownerName',
      sql<number>`(SELECT coalesce(sum(b.amount_pence), 0) FROM project_budget_lines b
        WHERE b.project_id = p.id)`.as('bac'),
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof selectProjects>['execute']>>[number]

const listItem = (r: Row): ProjectListItem => ({
  code: r.code,
  name: r.name,
  status: r.status,
  startDate: r.startDate,
  endDate: r.endDate,
  owner: r.ownerId === null || r.ownerName === null ? null : { id: r.ownerId, name: r.ownerName },
  sponsor: r.sponsor,
  bac: r.bac,
})

/** The projects by code, with any of the statuses and `q` in the code or the name. */
export async function listProjects(
  db: Db,
  filters: { statuses?: ProjectStatus[]; q?: string },
): Promise<ProjectListItem[]> {
  let query = selectProjects(db).orderBy('p.code')
  if (filters.statuses) query = query.where('p.status', 'in', filters.statuses)
  const q = filters.q?.trim()
  if (q) {
    const pattern = likePattern(q)
    query = query.where((eb) =>
      eb.or([eb('p.code', 'ilike', pattern), eb('p.name', 'ilike', pattern)]),
    )
  }
  return (await query.execute()).map(listItem)
}

/** One project as GET /projects/:code answers it; undefined when there is none. */
export async function projectRecord(db: Db, code: string): Promise<ProjectRecord | undefined> {
  const row = await selectProjects(db)
    .select(['p.description', 'p.createdAt', 'p.updatedAt'])
    .where('p.code', '=', code)
    .executeTakeFirst()
  if (!row) return undefined
  const [lines, sums] = await Promise.all([
    db
      .selectFrom('projectBudgetLines')
      .select(['id', 'name', 'category', 'spendType', 'amountPence'])
      .where('projectId', '=', row.id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('projectBudgetLines')
      .select(['category', 'spendType', (eb) => eb.fn.sum<number>('amountPence').as('pence')])
      .where('projectId', '=', row.id)
      .groupBy(['category', 'spendType'])
      .execute(),
  ])
  const byCategory = Object.fromEntries(BUDGET_CATEGORIES.map((k) => [k, 0])) as Record<
    (typeof BUDGET_CATEGORIES)[number],
    number
  >
  const bySpendType = Object.fromEntries(SPEND_TYPES.map((k) => [k, 0])) as Record<
    (typeof SPEND_TYPES)[number],
    number
  >
  for (const s of sums) {
    byCategory[s.category] += s.pence
    bySpendType[s.spendType] += s.pence
  }
  return {
    ...listItem(row),
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lines,
    budget: { byCategory, bySpendType },
  }
}

export async function personExists(db: Db, id: number) {
  const row = await db.selectFrom('people').select('id').where('id', '=', id).executeTakeFirst()
  return row !== undefined
}

/** The project's stored fields a patch is compared with, locked until the transaction ends. */
export async function lockProject(db: Db, code: string) {
  return db
    .selectFrom('projects')
    .select([
      'id',
      'code',
      'name',
      'description',
      'ownerPersonId',
      'sponsor',
      'startDate',
      'endDate',
      'status',
    ])
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst()
}

/** Inserts a project; undefined when its code is taken. */
export async function insertProject(db: Db, values: Insertable<Database['projects']>) {
  return db
    .insertInto('projects')
    .values(values)
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .executeTakeFirst()
}

export async function updateProject(db: Db, id: number, values: Updateable<Database['projects']>) {
  await db.updateTable('projects').set(values).where('id', '=', id).execute()
}

/** What stops a project's deletion: its actuals and progress, and people booked to it. */
export async function projectUsage(db: Db, projectId: number) {
  const count = (table: 'costEntries' | 'projectProgress' | 'allocations') =>
    db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('projectId', '=', projectId)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n))
  const [costEntries, progress, allocations] = await Promise.all([
    count('costEntries'),
    count('projectProgress'),
    count('allocations'),
  ])
  return { costEntries, progress, allocations }
}

export async function deleteProject(db: Db, id: number) {
  await db.deleteFrom('projects').where('id', '=', id).execute()
}

export async function insertBudgetLines(
  db: Db,
  projectId: number,
  lines: Omit<Insertable<Database['projectBudgetLines']>, 'projectId'>[],
) {
  if (lines.length === 0) return []
  return db
    .insertInto('projectBudgetLines')
    .values(lines.map((l) => ({ ...l, projectId })))
    .returning(['id', 'name', 'category', 'spendType', 'amountPence'])
    .execute()
}

/** One of the project's lines, locked; undefined when the project has no such line. */
export async function lockBudgetLine(db: Db, projectId: number, id: number) {
  return db
    .selectFrom('projectBudgetLines')
    .select(['id', 'name', 'category', 'spendType', 'amountPence'])
    .where('projectId', '=', projectId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export async function updateBudgetLine(
  db: Db,
  id: number,
  values: Updateable<Database['projectBudgetLines']>,
) {
  await db.updateTable('projectBudgetLines').set(values).where('id', '=', id).execute()
}

/** How many cost entries are booked against the line. */
export async function costEntriesOnLine(db: Db, lineId: number) {
  const row = await db
    .selectFrom('costEntries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('budgetLineId', '=', lineId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function deleteBudgetLine(db: Db, id: number) {
  await db.deleteFrom('projectBudgetLines').where('id', '=', id).execute()
}
