import { type Database, ingestSamples } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import type { CheckConfig, CheckResult } from './check.ts'

/** A due check this worker holds the lease of. `slot` is its scheduled instant. */
export interface ClaimedCheck extends CheckConfig {
  serviceId: number
  slug: string
  slot: Date
  /** Identifies this lease: a later claim of the same row, even ours, has another. */
  leaseExpiresAt: Date
}

export interface ClaimOptions {
  workerId: string
  limit: number
  /** Lease beyond the check's timeout, for recording it (default 15 s). */
  leaseMarginMs?: number
}

export const DEFAULT_LEASE_MARGIN_MS = 15_000

/**
 * Takes up to `limit` due checks that no live lease holds, in one statement: rows another worker
 * is claiming are skipped (SKIP LOCKED), and the lease (timeout + margin) keeps them ours until we
 * release them or die. A slot more than one interval behind is moved forward to the latest slot
 * due, in the schedule's phase, so that a long pause costs one check, not a burst of catch-ups.
 * Times are the database's, the one clock every worker shares, cut to whole milliseconds so that
 * they survive the trip through a JavaScript Date.
 */
export async function claimDueChecks(
  db: Kysely<Database>,
  { workerId, limit, leaseMarginMs = DEFAULT_LEASE_MARGIN_MS }: ClaimOptions,
): Promise<ClaimedCheck[]> {
  if (limit <= 0) return []
  const { rows } = await sql<ClaimedCheck>`
    WITH due AS (
      SELECT cs.service_id FROM check_schedule cs JOIN services s ON s.id = cs.service_id
      WHERE cs.next_due_at <= now()
        AND (cs.lease_expires_at IS NULL OR cs.lease_expires_at <= now())
        AND s.check_mode = 'probe' AND s.check_enabled AND s.archived_at IS NULL
      ORDER BY cs.next_due_at
      LIMIT ${limit}
      FOR UPDATE OF cs SKIP LOCKED
    )
    UPDATE check_schedule cs SET
      leased_by = ${workerId},
      lease_expires_at = date_trunc('milliseconds',
        now() + (s.check_timeout_ms + ${leaseMarginMs}) * interval '1 ms'),
      next_due_at = date_trunc('milliseconds', cs.next_due_at + s.check_interval_seconds * interval '1 s'
        * floor(extract(epoch FROM now() - cs.next_due_at) / s.check_interval_seconds))
    FROM due, services s
    WHERE cs.service_id = due.service_id AND s.id = cs.service_id
    RETURNING s.id AS service_id, s.slug, cs.next_due_at AS slot, s.check_kind AS kind,
      s.check_url AS url, s.check_method AS method,
      s.check_expected_statuses::int[] AS expected_statuses, s.check_keyword AS keyword,
      s.check_host AS host, s.check_port AS port, s.check_timeout_ms AS timeout_ms,
      s.degraded_latency_ms, cs.lease_expires_at`.execute(db)
  return rows
}

export interface FinishedCheck {
  claim: ClaimedCheck
  result: CheckResult
}

/**
 * Stores the samples (at = the slot) and releases the leases still ours, in one transaction: the
 * next slot is the first one after now in the schedule's phase (the slot plus one interval unless
 * the check overran it). A lease lost meanwhile is left to its new holder, whose check of the same
 * slot is then a duplicate of ours and is stored once. A slot the catalogue moved while we held
 * it (a configuration change: check now) keeps the catalogue's instant.
 */
export async function recordChecks(
  db: Kysely<Database>,
  workerId: string,
  finished: readonly FinishedCheck[],
): Promise<{ inserted: number; released: number }> {
  if (finished.length === 0) return { inserted: 0, released: 0 }
  return db.transaction().execute(async (trx) => {
    const { inserted } = await ingestSamples(
      trx,
      finished.map(({ claim, result }) => ({
        serviceId: claim.serviceId,
        at: claim.slot,
        ...result,
      })),
    )
    const ids = finished.map((f) => f.claim.serviceId)
    const slots = finished.map((f) => f.claim.slot)
    const leases = finished.map((f) => f.claim.leaseExpiresAt)
    const released = await sql`
      UPDATE check_schedule cs SET
        next_due_at = CASE WHEN cs.next_due_at = r.slot
          THEN r.slot + s.check_interval_seconds * interval '1 s'
            * (floor(extract(epoch FROM now() - r.slot) / s.check_interval_seconds) + 1)
          ELSE cs.next_due_at END,
        leased_by = NULL,
        lease_expires_at = NULL
      FROM unnest(${ids}::bigint[], ${slots}::timestamptz[], ${leases}::timestamptz[])
        AS r (service_id, slot, lease), services s
      WHERE cs.service_id = r.service_id AND s.id = cs.service_id
        AND cs.leased_by = ${workerId} AND cs.lease_expires_at = r.lease`.execute(trx)
    return { inserted, released: Number(released.numAffectedRows ?? 0) }
  })
}
