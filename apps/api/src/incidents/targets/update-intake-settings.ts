import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, diff, recordAudit } from '../../lib/audit.ts'
import { getIntakeSettings, updateIntakeSettings } from './queries.ts'
import type { IntakeSettings, IntakeSettingsPatch } from './schemas.ts'

export type IntakeOutcome =
  { ok: true; intake: IntakeSettings } | { ok: false; refusal: { path: string; message: string } }

/**
 * Changes the Alertmanager labels, audited as organisation settings, in one transaction. One
 * label cannot be both: an alert's severity value would be matched against service slugs.
 */
export async function changeIntakeSettings(
  db: Kysely<Database>,
  patch: IntakeSettingsPatch,
  who: AuditContext,
): Promise<IntakeOutcome> {
  return db.transaction().execute(async (trx) => {
    const before = await getIntakeSettings(trx, { lock: true })
    const after = { ...before, ...patch }
    if (after.alertmanagerSeverityLabel === after.alertmanagerServiceLabel) {
      const [field, other] = patch.alertmanagerServiceLabel
        ? (['alertmanagerServiceLabel', 'alertmanagerSeverityLabel'] as const)
        : (['alertmanagerSeverityLabel', 'alertmanagerServiceLabel'] as const)
      const message = `must differ from ${other} (${after[other]}): one label cannot give both`
      return { ok: false, refusal: { path: `json.${field}`, message } }
    }
    const changes = diff(before, patch)
    if (Object.keys(changes).length === 0) return { ok: true, intake: before }
    await updateIntakeSettings(trx, patch, who.at)
    await recordAudit(trx, who, {
      entity: 'settings',
      entityId: 'organisation',
      action: 'update',
      changes,
    })
    return { ok: true, intake: after }
  })
}
