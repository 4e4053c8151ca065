import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'

export type ListAlertsArgs = {
  serviceId?: number
  /** Only the alerts still firing (no end yet). */
  openOnly?: boolean
  /** Only the alerts active at some point since then: still open, or ended at or after it. */
  since?: Date
}

/**
 * Burn-rate alerts (written by the worker's SLO alert job) with their service's slug and name:
 * open ones first, then the most recently started.
 */
export async function listAlerts(db: Kysely<Database>, args: ListAlertsArgs = {}) {
  let query = db
    .selectFrom('sloAlerts as a')
    .innerJoin('services as s', 's.id', 'a.serviceId')
    .select([
      'a.id',
      'a.serviceId',
      's.slug as serviceSlug',
      's.name as serviceName',
      'a.severity',
      'a.rule',
      'a.threshold',
      'a.longBurnRate',
      'a.shortBurnRate',
      'a.peakBurnRate',
      'a.startedAt',
      'a.endedAt',
    ])
  if (args.serviceId !== undefined) query = query.where('a.serviceId', '=', args.serviceId)
  if (args.openOnly === true) query = query.where('a.endedAt', 'is', null)
  const since = args.since
  if (since !== undefined) {
    query = query.where((eb) => eb.or([eb('a.endedAt', 'is', null), eb('a.endedAt', '>=', since)]))
  }
  return query
    .orderBy((eb) => eb('a.endedAt', 'is', null), 'desc')
    .orderBy('a.startedAt', 'desc')
    .orderBy('a.id', 'desc')
    .execute()
}

export type SloAlert = Awaited<ReturnType<typeof listAlerts>>[number]
