import type { BudgetCategory, SpendType } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'

// Test fixture: a project with the rows its EVM answer reads. Money in pence; plans by month.
export interface TestProject {
  code: string
  start: string
  end: string
  lines?: { category: BudgetCategory; spendType: SpendType; amount: number }[]
  costs?: { day: string; amount: number; category: BudgetCategory; spendType: SpendType }[]
  progress?: { day: string; percent: number }[]
  baselines?: { reason: string; createdAt: string; months: Record<string, number> }[]
}

export async function insertProject(db: Kysely<Database>, p: TestProject): Promise<number> {
  const { id } = await db
    .insertInto('projects')
    .values({ code: p.code, name: `Project ${p.code}`, startDate: p.start, endDate: p.end })
    .returning('id')
    .executeTakeFirstOrThrow()
  const lines = (p.lines ?? []).map((l) => ({
    projectId: id,
    name: l.category,
    category: l.category,
    spendType: l.spendType,
    amountPence: l.amount,
  }))
  if (lines.length) await db.insertInto('projectBudgetLines').values(lines).execute()
  const costs = (p.costs ?? []).map((c, i) => ({
    projectId: id,
    incurredOn: c.day,
    amountPence: c.amount,
    category: c.category,
    spendType: c.spendType,
    supplier: 'Acme Ltd',
    reference: `${p.code}-INV-${i + 1}`,
  }))
  if (costs.length) await db.insertInto('costEntries').values(costs).execute()
  const progress = (p.progress ?? []).map((r) => ({
    projectId: id,
    asOf: r.day,
    percentComplete: r.percent,
  }))
  if (progress.length) await db.insertInto('projectProgress').values(progress).execute()
  for (const [i, b] of (p.baselines ?? []).entries()) {
    const version = i + 1
    await db
      .insertInto('projectBaselines')
      .values({ projectId: id, version, reason: b.reason, createdAt: b.createdAt })
      .execute()
    const months = Object.entries(b.months).map(([month, amount]) => ({
      projectId: id,
      version,
      month: `${month}-01`,
      plannedPence: amount,
    }))
    await db.insertInto('projectBaseline').values(months).execute()
  }
  return id
}
