import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import type { SettingsPatch } from './schemas.ts'

/** Locks the organisation's one settings row until the transaction ends: one change at a time. */
export async function lockSettings(trx: Kysely<Database>): Promise<void> {
  await trx.selectFrom('organisationSettings').select('id').forUpdate().execute()
}

export async function updateSettingsRow(trx: Kysely<Database>, patch: SettingsPatch, now: Date) {
  const { ragThresholds, ...fields } = patch
  await trx
    .updateTable('organisationSettings')
    .set({
      ...fields,
      ...(ragThresholds ? { ragThresholds: JSON.stringify(ragThresholds) } : {}),
      updatedAt: now,
    })
    .execute()
}

/** Whether PostgreSQL's own time zone data, which builds the daily rollups, knows `name`. */
export async function databaseKnowsZone(db: Kysely<Database>, name: string): Promise<boolean> {
  const { rows } = await sql<{ known: boolean }>`
    SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = ${name}) AS known
  `.execute(db)
  return rows[0]?.known ?? false
}

export async function countBankHolidays(db: Kysely<Database>, region: string): Promise<number> {
  const row = await db
    .selectFrom('bankHolidays')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('region', '=', region)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * How many money amounts are recorded, in every column that holds minor units. A zero is zero in
 * any currency, so it is not counted.
 */
export async function countMoneyAmounts(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT (SELECT count(*) FROM project_budget_lines WHERE amount_pence <> 0)
         + (SELECT count(*) FROM project_baseline WHERE planned_pence <> 0)
         + (SELECT count(*) FROM cost_entries WHERE amount_pence <> 0)
         + (SELECT count(*) FROM people WHERE cost_rate_pence_per_hour <> 0) AS n
  `.execute(db)
  return Number(rows[0]?.n ?? 0)
}
