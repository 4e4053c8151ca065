import { type Kysely, sql } from 'kysely'
import type { Database } from '../schema/index.ts'

export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('services').select('id').limit(1).executeTakeFirst()
  return row === undefined
}

// Everything the demo fills (bank holidays are reference data the migrations load, and stay), and what the worker derives from it (the prober's schedule,
// burn-rate alerts); organisation_settings stays (one row, updated by the seed) and so
// do the accounts (users, sessions, API tokens, audit log), so a reset does not lock anyone out.
// prettier-ignore
const DATA_TABLES = [
  'teams', 'people', 'services', 'maintenance_windows', 'maintenance_schedules', 'service_groups',
  'service_group_members', 'check_schedule', 'slo_alerts', 'check_samples', 'check_rollup_hourly',
  'check_rollup_daily', 'incidents', 'incident_services', 'incident_events', 'incident_actions',
  'incident_reviews',
  'projects', 'project_budget_lines', 'project_baseline', 'cost_entries', 'project_progress',
  'allocations', 'time_off', 'team_memberships', 'closure_days', 'incident_responder_hours',
]

/** Empties every demo table (identities restart at 1) and drops the sample partitions. */
export async function resetDemoData(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const tables = sql.join(DATA_TABLES.map((t) => sql.table(t)))
    await sql`TRUNCATE ${tables} RESTART IDENTITY CASCADE`.execute(trx)
    const { rows } = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'check_samples'::regclass ORDER BY 1`.execute(trx)
    const partitions = rows.map((r) => sql.table(r.name))
    if (partitions.length > 0) await sql`DROP TABLE ${sql.join(partitions)}`.execute(trx)
  })
}

/** Rows per demo table, for the seed's report. */
export async function countRows(db: Kysely<Database>): Promise<Record<string, number>> {
  const parts = DATA_TABLES.map(
    (t) => sql`SELECT ${t} AS name, count(*)::int AS n FROM ${sql.table(t)}`,
  )
  const query = sql<{ name: string; n: number }>`${sql.join(parts, sql` UNION ALL `)}`
  const { rows } = await query.execute(db)
  const counts: Record<string, number> = {}
  for (const table of DATA_TABLES) counts[table] = rows.find((r) => r.name === table)?.n ?? 0
  return counts
}
