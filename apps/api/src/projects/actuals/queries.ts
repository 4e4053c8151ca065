import type { Database } from '@opsdeck/db'
import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely'
import { likePattern } from '../../lib/like.ts'
import type { CostEntryCursor } from './cursor.ts'
import type { CostEntry } from './schemas.ts'

// The statements of the actuals routes and of insertCostEntries.

export interface CostEntryFilters {
  from?: string | undefined
  to?: string | undefined
  category?: string | undefined
  supplier?: string | undefined
  q?: string | undefined
}

function selectEntries(db: Kysely<Database>) {
  return db
    .selectFrom('costEntries as e')
    .leftJoin('projectBudgetLines as l', 'l.id', 'e.budgetLineId')
    .leftJoin('users as u', 'u.id', 'e.createdByUserId')
    .select([
      'e.id',
      'e.incurredOn',
      'e.amountPence',
      'e.category',
      'e.spendType',
      'e.supplier',
      'e.reference',
      'e.description',
      'e.createdAt',
      'l.id as lineId',
      'l.name as lineName',
      'u.id as userId',
      'u.name as userName',
    ])
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof selectEntries>['execute']>>[number]

export function toCostEntry(r: EntryRow): CostEntry {
  return {
    id: r.id,
    incurredOn: r.incurredOn,
    amountPence: r.amountPence,
    category: r.category,
    spendType: r.spendType,
    supplier: r.supplier,
    reference: r.reference,
    description: r.description,
    budgetLine: r.lineId === null ? null : { id: r.lineId, name: r.lineName ?? '' },
    createdAt: r.createdAt.toISOString(),
    createdBy: r.userId === null ? null : { id: r.userId, name: r.userName ?? '' },
  }
}

// The filters as SQL over `cost_entries e`.
function filtered(projectId: number, f: CostEntryFilters) {
  const where: RawBuilder<boolean>[] = [sql`e.project_id = ${projectId}`]
  if (f.from) where.push(sql`e.incurred_on >= ${f.from}::date`)
  if (f.to) where.push(sql`e.incurred_on <= ${f.to}::date`)
  if (f.category) where.push(sql`e.category = ${f.category}`)
  if (f.supplier) where.push(sql`lower(e.supplier) = lower(${f.supplier})`)
  if (f.q) {
    const p = likePattern(f.q)
    where.push(sql`(e.reference ILIKE ${p} OR e.description ILIKE ${p} OR e.supplier ILIKE ${p})`)
  }
  return sql<SqlBool>`${sql.join(where, sql` AND `)}`
}

/** A page of the project's entries the filters select, newest first, after `cursor`. */
export async function listCostEntryRows(
  db: Kysely<Database>,
  projectId: number,
  f: CostEntryFilters,
  page: { after?: CostEntryCursor | undefined; limit: number },
) {
  const after = page.after
  const rows = await selectEntries(db)
    .where(filtered(projectId, f))
    .$if(after !== undefined, (q) =>
      q.where(sql<boolean>`(e.incurred_on, e.id) < (${after?.incurredOn}::date, ${after?.id})`),
    )
    .orderBy('e.incurredOn', 'desc')
    .orderBy('e.id', 'desc')
    .limit(page.limit)
    .execute()
  return rows.map(toCostEntry)
}

/** How many entries the filters select, and their sum (credits subtract). */
export async function costEntryTotal(db: Kysely<Database>, projectId: number, f: CostEntryFilters) {
  const row = await db
    .selectFrom('costEntries as e')
    .select((eb) => [
      eb.fn.countAll<number>().as('count'),
      sql<number>`coalesce(sum(e.amount_pence), 0)::int8`.as('amountPence'),
    ])
    .where(filtered(projectId, f))
    .executeTakeFirstOrThrow()
  return { count: Number(row.count), amountPence: Number(row.amountPence) }
}

/** One of the project's entries as the API shows it, or undefined. */
export async function findCostEntry(db: Kysely<Database>, projectId: number, id: number) {
  const row = await selectEntries(db)
    .where('e.projectId', '=', projectId)
    .where('e.id', '=', id)
    .executeTakeFirst()
  return row && toCostEntry(row)
}

/** The project's budget lines by id: what an entry may be booked against. */
export async function projectLines(db: Kysely<Database>, projectId: number) {
  const rows = await db
    .selectFrom('projectBudgetLines')
    .select(['id', 'name', 'category', 'spendType'])
    .where('projectId', '=', projectId)
    .execute()
  return new Map(rows.map((r) => [r.id, r]))
}

/** Which of `references` the project already uses. */
export async function takenReferences(
  db: Kysely<Database>,
  projectId: number,
  references: string[],
  exceptId?: number,
) {
  const wanted = references.filter((r) => r !== '')
  if (wanted.length === 0) return new Set<string>()
  const rows = await db
    .selectFrom('costEntries')
    .select('reference')
    .where('projectId', '=', projectId)
    .where('reference', 'in', wanted)
    .$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId ?? 0))
    .execute()
  return new Set(rows.map((r) => r.reference))
}

/** An entry's stored fields, as a PATCH compares them; undefined when not the project's. */
export async function storedCostEntry(
  db: Kysely<Database>,
  projectId: number,
  id: number,
  opts = { lock: false },
) {
  return db
    .selectFrom('costEntries')
    .select([
      'id',
      'incurredOn',
      'amountPence',
      'category',
      'spendType',
      'supplier',
      'reference',
      'description',
      'budgetLineId',
    ])
    .where('projectId', '=', projectId)
    .where('id', '=', id)
    .$if(opts.lock, (q) => q.forUpdate())
    .executeTakeFirst()
}
