import { createHash } from 'node:crypto'
import { type Database, type IntakeSignal, intakeSignal } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { deliveryRef, insertDelivery, setDeliveryIncident } from './queries.ts'
import type { IntakeAnswer } from './schemas.ts'

/** The same JSON whatever the order of its keys and its spacing. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** sha256 of the body's canonical JSON: a delivery's identity. */
export const deliveryDigest = (body: unknown) =>
  createHash('sha256').update(canonicalJson(body)).digest('hex')

/**
 * Receives one delivery, once: a body seen before from the same source (by digest) answers
 * `duplicate` with the incident it touched and writes nothing; a new one is recorded and turned
 * into the signal `build` makes of it, all in one transaction.
 */
export async function receiveDelivery(
  db: Kysely<Database>,
  delivery: { source: string; body: unknown; at: Date },
  build: (trx: Kysely<Database>) => Promise<IntakeSignal>,
): Promise<IntakeAnswer> {
  const key = { source: delivery.source, digest: deliveryDigest(delivery.body) }
  return db.transaction().execute(async (trx) => {
    if (!(await insertDelivery(trx, { ...key, at: delivery.at }))) {
      const before = await deliveryRef(trx, key)
      const at = before.receivedAt.toISOString()
      return { outcome: 'duplicate', ref: before.ref, detail: `the same body arrived at ${at}` }
    }
    const result = await intakeSignal(trx, await build(trx))
    if (result.incidentId !== null) await setDeliveryIncident(trx, key, result.incidentId)
    return { outcome: result.outcome, ref: result.ref, detail: result.detail }
  })
}
