import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'

// The worked example's projects (worked-example.ts): P1 and P2 with budgets, baselines, costs and
// progress, P3 not started, P4 cancelled. Returns P1, which the capacity example books work on.
export async function seedProjectsExample(db: Kysely<Database>) {
  const project = (code: string, status: 'active' | 'cancelled', start: string, end: string) =>
    db
      .insertInto('projects')
      .values({ code, name: code, status, startDate: start, endDate: end })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id)
  const p1 = await project('P1', 'active', '2026-01-01', '2026-12-31')
  const p2 = await project('P2', 'active', '2026-01-01', '2026-06-30')
  const future = await project('P3', 'active', '2026-12-01', '2027-06-30')
  const cancelled = await project('P4', 'cancelled', '2026-01-01', '2026-12-31')
  await db
    .insertInto('projectBudgetLines')
    .values([
      {
        projectId: p1,
        name: 'Hardware',
        category: 'hardware',
        spendType: 'capex',
        amountPence: 6_000_000,
      },
      {
        projectId: p1,
        name: 'Contractors',
        category: 'labour',
        spendType: 'opex',
        amountPence: 4_000_000,
      },
      {
        projectId: p2,
        name: 'Licences',
        category: 'licences',
        spendType: 'opex',
        amountPence: 2_000_000,
      },
      {
        projectId: future,
        name: 'Licences',
        category: 'licences',
        spendType: 'opex',
        amountPence: 5_000_000,
      },
      {
        projectId: cancelled,
        name: 'Licences',
        category: 'licences',
        spendType: 'opex',
        amountPence: 9_000_000,
      },
    ])
    .execute()
  await db
    .insertInto('projectBaselines')
    .values([p1, p2].map((projectId) => ({ projectId, version: 1 })))
    .execute()
  const months = (projectId: number, amounts: number[]) =>
    amounts.map((plannedPence, i) => ({
      projectId,
      version: 1,
      month: `2026-${String(i + 1).padStart(2, '0')}-01`,
      plannedPence,
    }))
  await db
    .insertInto('projectBaseline')
    .values([
      ...months(p1, [1e6, 1e6, 1e6, 1e6, 1e6, 1e6, 1e6, 1e6, 2e6]),
      ...months(p2, [5e5, 5e5, 5e5, 5e5]),
    ])
    .execute()
  await db
    .insertInto('costEntries')
    .values([
      {
        projectId: p1,
        incurredOn: '2026-05-31',
        amountPence: 6_000_000,
        category: 'services',
        spendType: 'capex',
      },
      {
        projectId: p1,
        incurredOn: '2026-10-31',
        amountPence: 6_500_000,
        category: 'services',
        spendType: 'opex',
      },
      {
        projectId: p1,
        incurredOn: '2026-11-01',
        amountPence: 500_000,
        category: 'services',
        spendType: 'opex',
      }, // after
      {
        projectId: p2,
        incurredOn: '2026-04-30',
        amountPence: 1_900_000,
        category: 'services',
        spendType: 'opex',
      },
      {
        projectId: cancelled,
        incurredOn: '2026-04-30',
        amountPence: 100_000,
        category: 'services',
        spendType: 'opex',
      },
    ])
    .execute()
  await db
    .insertInto('projectProgress')
    .values([
      { projectId: p1, asOf: '2026-09-30', percentComplete: 80 },
      { projectId: p1, asOf: '2026-11-02', percentComplete: 95 }, // after
      { projectId: p2, asOf: '2026-04-30', percentComplete: 100 },
    ])
    .execute()
  return { p1 }
}
