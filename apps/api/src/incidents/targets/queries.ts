import type { Severity } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { IntakeSettingsPatch } from './schemas.ts'

export interface ResponseTarget {
  severity: Severity
  ackMinutes: number
  resolveMinutes: number
}

/**
 * The response target of each severity, most severe first ('SEV1' < 'SEV4' as text). With
 * `lock`, the rows stay locked until the transaction ends: one change at a time.
 */
export async function listResponseTargets(
  db: Kysely<Database>,
  { lock = false } = {},
): Promise<ResponseTarget[]> {
  const query = db
    .selectFrom('incidentResponseTargets')
    .select(['severity', 'ackMinutes', 'resolveMinutes'])
    .orderBy('severity')
  return (lock ? query.forUpdate() : query).execute()
}

/** Writes the targets given (inserting a severity whose row is missing). */
export async function upsertResponseTargets(
  trx: Kysely<Database>,
  targets: ResponseTarget[],
  now: Date,
): Promise<void> {
  if (targets.length === 0) return
  await trx
    .insertInto('incidentResponseTargets')
    .values(targets.map((t) => ({ ...t, updatedAt: now })))
    .onConflict((oc) =>
      oc.column('severity').doUpdateSet((eb) => ({
        ackMinutes: eb.ref('excluded.ackMinutes'),
        resolveMinutes: eb.ref('excluded.resolveMinutes'),
        updatedAt: eb.ref('excluded.updatedAt'),
      })),
    )
    .execute()
}

/** The Alertmanager labels read for an incident's severity and service. */
export async function getIntakeSettings(db: Kysely<Database>, { lock = false } = {}) {
  const query = db
    .selectFrom('organisationSettings')
    .select(['alertmanagerSeverityLabel', 'alertmanagerServiceLabel'])
  return (lock ? query.forUpdate() : query).executeTakeFirstOrThrow()
}

export async function updateIntakeSettings(
  trx: Kysely<Database>,
  patch: IntakeSettingsPatch,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('organisationSettings')
    .set({ ...patch, updatedAt: now })
    .execute()
}
