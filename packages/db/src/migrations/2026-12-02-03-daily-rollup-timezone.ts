import { type Kysely, sql } from 'kysely'

// The zone whose calendar days check_rollup_daily holds. It differs from `timezone` between an
// admin's change of zone and the worker's re-labelling of the days: readers split a range by this
// zone, so their figures stay exact meanwhile. Initialised to the zone the days were built in.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE organisation_settings
      ADD COLUMN daily_rollup_timezone text NOT NULL DEFAULT 'Europe/London';
    UPDATE organisation_settings SET daily_rollup_timezone = timezone;
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE organisation_settings DROP COLUMN daily_rollup_timezone`.execute(db)
}
