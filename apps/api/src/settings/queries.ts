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
