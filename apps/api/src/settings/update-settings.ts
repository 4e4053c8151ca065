import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, type Changes, diff, recordAudit } from '../lib/audit.ts'
import { getOrganisation, type Organisation } from '../lib/organisation.ts'
import { currencyChangeProblem, minorDigits } from './currency.ts'
import {
  countBankHolidays,
  countMoneyAmounts,
  databaseKnowsZone,
  lockSettings,
  updateSettingsRow,
} from './queries.ts'
import type { SettingsPatch } from './schemas.ts'

/** A value the schema accepts but this database cannot use: the field and why. */
export interface FieldRefusal {
  path: string
  message: string
}

export type SettingsOutcome =
  { ok: true; settings: Organisation } | { ok: false; refusal: FieldRefusal }

/**
 * Applies the patch with its audit row, in one transaction. A new time zone takes effect at once:
 * the daily rollups stay days of the old zone (daily_rollup_timezone), which readers split ranges
 * by, until the worker re-labels them (apps/worker relabel-daily-rollups.ts).
 */
export async function updateSettings(
  db: Kysely<Database>,
  patch: SettingsPatch,
  who: AuditContext,
): Promise<SettingsOutcome> {
  return db.transaction().execute(async (trx) => {
    await lockSettings(trx)
    const before = await getOrganisation(trx)
    const changes = changesOf(before, patch)
    if (Object.keys(changes).length === 0) return { ok: true, settings: before }

    const refusal = await refusalOf(trx, before, patch, changes)
    if (refusal) return { ok: false, refusal }
    await updateSettingsRow(trx, patch, who.at)
    await recordAudit(trx, who, {
      entity: 'settings',
      entityId: 'organisation',
      action: 'update',
      changes,
    })
    return { ok: true, settings: await getOrganisation(trx) }
  })
}

// Thresholds are audited per limit ('ragThresholds.red.cpi': { from, to }), so the audit log
// says which limit changed rather than showing two objects of six numbers.
function changesOf(before: Organisation, { ragThresholds, ...fields }: SettingsPatch): Changes {
  const changes = diff(before, fields)
  if (!ragThresholds) return changes
  for (const level of ['red', 'amber'] as const) {
    for (const key of ['cpi', 'spi', 'eacOverBac'] as const) {
      const [from, to] = [before.ragThresholds[level][key], ragThresholds[level][key]]
      if (from !== to) changes[`ragThresholds.${level}.${key}`] = { from, to }
    }
  }
  return changes
}

// What only the database can tell: the schema has already checked the values themselves.
async function refusalOf(
  trx: Kysely<Database>,
  before: Organisation,
  patch: SettingsPatch,
  changes: Record<string, unknown>,
): Promise<FieldRefusal | null> {
  const { timezone, bankHolidayRegion: region, currency } = patch
  if (timezone && changes.timezone && !(await databaseKnowsZone(trx, timezone))) {
    const message = `${timezone} is not in this PostgreSQL server's time zone data`
    return { path: 'json.timezone', message }
  }
  // Capacity would silently count every holiday of the region as a working day.
  if (region && changes.bankHolidayRegion && (await countBankHolidays(trx, region)) === 0) {
    const message = `no bank holidays are loaded for ${region}: capacity would count them as working days`
    return { path: 'json.bankHolidayRegion', message }
  }
  // Amounts are re-labelled, never converted: pence must not become yen. Counted only when the
  // minor units differ, as a count of every money row is not free.
  if (currency && changes.currency && minorDigits(currency) !== minorDigits(before.currency)) {
    const message = currencyChangeProblem(before.currency, currency, await countMoneyAmounts(trx))
    if (message) return { path: 'json.currency', message }
  }
  return null
}
