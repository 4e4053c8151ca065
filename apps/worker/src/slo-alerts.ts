import { burnRateCounts, type Database } from '@opsdeck/db'
import { burnRates, evaluateBurnRateAlerts } from '@opsdeck/kpi'
import { type Kysely, sql } from 'kysely'
import { type ChangedSloAlert, notePageEnds, openPageIncidents } from './slo-incidents.ts'

export type SloAlertsOutcome =
  | {
      status: 'evaluated'
      services: number
      firing: number
      opened: number
      ended: number
      /** Incidents opened by page alerts, on services that ask for one. */
      incidents: number
    }
  // Another worker was evaluating at that moment: its result stands for this tick too.
  | { status: 'skipped' }

// What the insert and the end answer of each row they change (as ChangedSloAlert, with `at`).
const changed = sql.raw(
  'id, service_id AS "serviceId", severity, rule, threshold, long_burn_rate AS "longBurnRate", short_burn_rate AS "shortBurnRate"',
)

/**
 * Evaluates the burn-rate alert rules for every service not archived, as of `now`: opens an
 * slo_alerts row (with the burn rates that fired it) when a rule starts firing, raises its peak
 * (the highest long-window burn rate seen) while it fires, and ends it when it stops, or when its
 * service is archived. One worker at a time (a transaction-level advisory lock; the others skip the
 * tick); the partial unique index keeps one open row per service and rule regardless. A page
 * alert opened on a service with `open_incident_on_page` opens an incident (slo-incidents.ts).
 */
export async function evaluateSloAlerts(
  db: Kysely<Database>,
  now = new Date(),
): Promise<SloAlertsOutcome> {
  return db.transaction().execute(async (trx) => {
    // Not a LockName of @opsdeck/db: nothing else takes it, and skipping is the only reaction.
    const { rows: lock } = await sql<{ taken: boolean }>`
      SELECT pg_try_advisory_xact_lock(hashtext('opsdeck:slo-alerts')) AS taken`.execute(trx)
    if (lock[0]?.taken !== true) return { status: 'skipped' as const }

    const services = await trx
      .selectFrom('services')
      .select(['id', 'sloTarget', 'sloWindowDays'])
      .where('archivedAt', 'is', null)
      .execute()
    const counts = await burnRateCounts(trx, { now, serviceIds: services.map((s) => s.id) })
    const byId = new Map(services.map((s) => [s.id, s]))
    const firing = counts.flatMap(({ serviceId, windows }) => {
      const service = byId.get(serviceId)
      if (!service) return []
      const rates = burnRates(windows, service.sloTarget)
      return evaluateBurnRateAlerts({
        target: service.sloTarget,
        windowDays: service.sloWindowDays,
        rates,
      }).map((alert) => ({ serviceId, ...alert }))
    })

    const { rows: ended } = await sql<ChangedSloAlert>`
      UPDATE slo_alerts a SET ended_at = greatest(a.started_at, ${now}::timestamptz)
      WHERE a.ended_at IS NULL AND NOT EXISTS (
        SELECT 1 FROM unnest(${firing.map((f) => f.serviceId)}::bigint[],
          ${firing.map((f) => f.rule)}::text[]) AS f (service_id, rule)
        WHERE f.service_id = a.service_id AND f.rule = a.rule)
      RETURNING ${changed}, a.ended_at AS "at"
    `.execute(trx)
    let opened: ChangedSloAlert[] = []
    if (firing.length > 0) {
      // Figures to 6 decimal places: (6 / 60) / (1 − 0.999) is 99.99999999999991 in binary.
      // xmax = 0 on a freshly inserted row, the usual way to tell an insert from an upsert's update.
      const { rows } = await sql<ChangedSloAlert & { inserted: boolean }>`
        INSERT INTO slo_alerts (service_id, severity, rule, threshold, long_burn_rate,
          short_burn_rate, started_at, peak_burn_rate)
        SELECT f.service_id, f.severity, f.rule, round(f.threshold::numeric, 6),
          round(f.long_rate::numeric, 6), round(f.short_rate::numeric, 6), ${now}::timestamptz,
          round(f.long_rate::numeric, 6)
        FROM unnest(${firing.map((f) => f.serviceId)}::bigint[],
          ${firing.map((f) => f.severity)}::text[], ${firing.map((f) => f.rule)}::text[],
          ${firing.map((f) => f.threshold)}::float8[],
          ${firing.map((f) => f.longBurnRate)}::float8[],
          ${firing.map((f) => f.shortBurnRate)}::float8[])
          AS f (service_id, severity, rule, threshold, long_rate, short_rate)
        ON CONFLICT (service_id, rule) WHERE ended_at IS NULL
        DO UPDATE SET peak_burn_rate = greatest(slo_alerts.peak_burn_rate, excluded.peak_burn_rate)
        RETURNING ${changed}, slo_alerts.started_at AS "at", xmax = 0 AS inserted
      `.execute(trx)
      opened = rows.filter((r) => r.inserted)
    }
    await notePageEnds(trx, ended, now)
    const incidents = await openPageIncidents(trx, opened, now)
    return {
      status: 'evaluated' as const,
      services: services.length,
      firing: firing.length,
      opened: opened.length,
      ended: ended.length,
      incidents,
    }
  })
}
