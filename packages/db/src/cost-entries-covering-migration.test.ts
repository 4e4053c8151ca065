import { sql } from 'kysely'
import { Migrator } from 'kysely/migration'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrations } from './migrations/index.ts'
import { createTestDatabase, type TestDatabase } from './testing.ts'

let t: TestDatabase
beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(() => t.drop())

const indexOf = async () => {
  const { rows } = await sql<{ def: string }>`
    SELECT indexdef AS def FROM pg_indexes WHERE indexname = 'cost_entries_project_idx'`.execute(
    t.db,
  )
  return rows.map((r) => r.def)
}

describe('the cost entries covering index migration', () => {
  it('puts the summed columns in the index, and takes them out again', async () => {
    expect(await indexOf()).toEqual([
      expect.stringMatching(
        /\(project_id, incurred_on\) INCLUDE \(amount_pence, spend_type, category\)$/,
      ),
    ])
    const migrator = new Migrator({
      db: t.db,
      provider: { getMigrations: () => Promise.resolve(migrations) },
    })
    expect((await migrator.migrateTo('2026-12-02-06-project-budgets')).error).toBeUndefined()
    expect(await indexOf()).toEqual([expect.stringMatching(/\(project_id, incurred_on\)$/)])
    expect((await migrator.migrateToLatest()).error).toBeUndefined()
  })
})
