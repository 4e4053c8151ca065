import { sql } from 'kysely'
import { Migrator } from 'kysely/migration'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from './migrate.ts'
import { migrations } from './migrations/index.ts'
import { createTestDatabase, type TestDatabase } from './testing.ts'

let t: TestDatabase
beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(() => t.drop())

const migrator = () =>
  new Migrator({ db: t.db, provider: { getMigrations: () => Promise.resolve(migrations) } })

describe('the project budgets migration', () => {
  it('moves completed projects to closed, reads free-text lines into categories, and back', async () => {
    expect((await migrator().migrateTo('2026-12-02-05-incident-lifecycle')).error).toBeUndefined()
    await sql`
      INSERT INTO projects (id, code, name, status, start_date, end_date) OVERRIDING SYSTEM VALUE
        VALUES (901, 'OLD-1', 'Old', 'completed', '2025-01-01', '2025-12-31'),
               (902, 'OLD-2', 'Live', 'active', '2026-01-01', '2026-12-31');
      INSERT INTO project_budget_lines (id, project_id, category, spend_type, amount_pence)
        OVERRIDING SYSTEM VALUE VALUES
        (901, 901, 'Internal staff', 'opex', 100), (902, 901, 'Azure consumption', 'opex', 200),
        (903, 901, 'Licences', 'opex', 300), (904, 901, 'Secure disposal', 'opex', 400),
        (905, 901, 'Contingency', 'capex', 500), (906, 901, 'Professional services', 'capex', 600);
      INSERT INTO project_baseline (project_id, month, planned_pence)
        VALUES (901, '2025-01-01', 1000), (901, '2025-02-01', 2000);
      INSERT INTO cost_entries (project_id, budget_line_id, incurred_on, amount_pence, spend_type)
        VALUES (901, 902, '2025-02-03', 150, 'opex'), (902, NULL, '2026-02-03', 50, 'opex')`.execute(
      t.db,
    )

    // Later migrations run too; this one must be the first of them.
    expect((await migrateToLatest(t.db))[0]).toBe('2026-12-02-06-project-budgets')
    const projects = await t.db
      .selectFrom('projects')
      .select(['code', 'status'])
      .orderBy('code')
      .execute()
    expect(projects).toEqual([
      { code: 'OLD-1', status: 'closed' },
      { code: 'OLD-2', status: 'active' },
    ])
    const lines = await t.db
      .selectFrom('projectBudgetLines')
      .select(['name', 'category'])
      .orderBy('id')
      .execute()
    expect(lines.map((l) => l.category)).toEqual([
      'labour',
      'cloud',
      'licences',
      'hardware',
      'contingency',
      'services',
    ])
    expect(lines[0]!.name).toBe('Internal staff')
    const baselines = await t.db.selectFrom('projectBaselines').selectAll().execute()
    expect(baselines).toMatchObject([{ projectId: 901, version: 1, reason: 'Original baseline' }])
    const costs = await t.db
      .selectFrom('costEntries')
      .select(['projectId', 'category', 'reference'])
      .orderBy('projectId')
      .execute()
    // From the line it is booked against; with no line, services.
    expect(costs).toEqual([
      { projectId: 901, category: 'cloud', reference: '' },
      { projectId: 902, category: 'services', reference: '' },
    ])

    // Down to the migration before it (later ones are undone first).
    const down = await migrator().migrateTo('2026-12-02-05-incident-lifecycle')
    expect(down.error).toBeUndefined()
    const { rows } = await sql<{ status: string }>`
      SELECT status FROM projects WHERE code = 'OLD-1'`.execute(t.db)
    expect(rows).toEqual([{ status: 'completed' }])
    // Later migrations run too; this one must be the first of them.
    expect((await migrateToLatest(t.db))[0]).toBe('2026-12-02-06-project-budgets')
  })

  it('keeps a reference unique within its project, not across projects', async () => {
    const entry = (projectId: number) => ({
      projectId,
      incurredOn: '2026-03-01',
      amountPence: 100,
      category: 'cloud' as const,
      spendType: 'opex' as const,
      reference: 'INV-1',
    })
    await t.db
      .insertInto('costEntries')
      .values([entry(901), entry(902)])
      .execute()
    await expect(t.db.insertInto('costEntries').values(entry(901)).execute()).rejects.toThrow(
      /cost_entries_reference_idx/,
    )
  })

  it('refuses a category outside the six and a plan row without its baseline version', async () => {
    await expect(
      t.db
        .insertInto('projectBudgetLines')
        .values({
          projectId: 902,
          name: 'Snacks',
          category: 'food' as never,
          spendType: 'opex',
          amountPence: 1,
        })
        .execute(),
    ).rejects.toThrow(/category_check/)
    await expect(
      t.db
        .insertInto('projectBaseline')
        .values({ projectId: 902, version: 3, month: '2026-01-01', plannedPence: 1 })
        .execute(),
    ).rejects.toThrow(/project_baseline_version_fkey/)
  })
})
