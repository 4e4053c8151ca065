import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../schema/index.ts'
import { createTestDatabase, type TestDatabase } from '../testing.ts'
import { isDatabaseEmpty, resetDemoData, seedDemo, type SeedOptions } from './index.ts'

// Small runs (twelve services, two days of samples, one month of rollups) keep this quick; twelve
// is enough for every business service and one weekly maintenance schedule.
const options: SeedOptions = {
  now: new Date('2026-03-29T09:17:45Z'), // the morning the clocks go forward
  services: 12,
  rawDays: 2,
  historyMonths: 1,
}
const TABLES = [
  'organisation_settings',
  'teams',
  'people',
  'services',
  'maintenance_windows',
  'maintenance_schedules',
  'service_groups',
  'service_group_members',
  'incidents',
  'incident_services',
  'incident_events',
  'incident_actions',
  'incident_reviews',
  'projects',
  'project_budget_lines',
  'project_baseline',
  'cost_entries',
  'project_progress',
  'allocations',
  'time_off',
  'team_memberships',
  'closure_days',
  'incident_responder_hours',
  'bank_holidays',
  'check_samples',
  'check_rollup_hourly',
  'check_rollup_daily',
]

// One md5 per table over its rows in a stable order, ids and timestamps included.
async function checksums(db: Kysely<Database>): Promise<Record<string, string>> {
  const parts = TABLES.map(
    (
      t,
    ) => sql`SELECT ${t} AS name, md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS sum
      FROM ${sql.table(t)} AS r`,
  )
  const { rows } = await sql<{
    name: string
    sum: string
  }>`${sql.join(parts, sql` UNION ALL `)}`.execute(db)
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]))
}

let a: TestDatabase
let b: TestDatabase
beforeAll(async () => {
  ;[a, b] = await Promise.all([createTestDatabase(), createTestDatabase()])
})
afterAll(async () => {
  await Promise.all([a.drop(), b.drop()])
})

describe('seedDemo determinism', () => {
  it('gives identical data for the same seed and clock, and different data for another seed', async () => {
    await seedDemo(a.db, { ...options, seed: 11 })
    await seedDemo(b.db, { ...options, seed: 11 })
    const first = await checksums(a.db)
    expect(await checksums(b.db)).toEqual(first)
    // Not vacuous: the small run has business services and a weekly schedule to compare.
    const groups = await a.db.selectFrom('serviceGroups').select('slug').orderBy('id').execute()
    expect(groups.map((g) => g.slug)).toEqual([
      'payroll-run',
      'remote-working',
      'customer-contact',
      'resident-payments',
    ])
    const weekly = await a.db
      .selectFrom('maintenanceWindows')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('scheduleId', 'is not', null)
      .executeTakeFirstOrThrow()
    expect(Number(weekly.n)).toBeGreaterThan(4)
    // Nor for capacity: a team move, closure days and responder hours are there to compare.
    for (const table of ['team_memberships', 'closure_days', 'incident_responder_hours'] as const) {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(a.db)
      expect(rows[0]!.n, table).toBeGreaterThan(0)
    }

    await resetDemoData(b.db)
    await seedDemo(b.db, { ...options, seed: 12 })
    const other = await checksums(b.db)
    expect(other.incidents).not.toBe(first.incidents)
    expect(other.check_samples).not.toBe(first.check_samples)
  })

  it('refuses to seed over data, and a reset empties the demo and its partitions', async () => {
    await expect(seedDemo(a.db, options)).rejects.toThrow(/reset it first/)
    await resetDemoData(a.db)
    expect(await isDatabaseEmpty(a.db)).toBe(true)
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'check_samples'::regclass`.execute(
      a.db,
    )
    expect(rows[0]!.n).toBe(0)
    const ids = await seedDemo(a.db, { ...options, seed: 11 }).then(() =>
      a.db.selectFrom('services').select('id').orderBy('id').execute(),
    )
    expect(ids.map((r) => r.id)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
  })
})
