import { ENDED_INCIDENT_STATUSES, SEVERITIES, type Severity } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { TimeRange } from '../lib/range.ts'

/** Open incidents now, by severity. */
export async function countOpenIncidents(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('incidents')
    .select(['severity', (eb) => eb.fn.countAll<number>().as('count')])
    .where('status', 'not in', [...ENDED_INCIDENT_STATUSES])
    .groupBy('severity')
    .execute()
  const open = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>
  for (const r of rows) open[r.severity] = Number(r.count)
  return { ...open, total: rows.reduce((n, r) => n + Number(r.count), 0) }
}

/** The incidents that started in the range: the cohort MTTA and MTTR are computed over. */
export async function listIncidentTimes(db: Kysely<Database>, range: TimeRange) {
  return db
    .selectFrom('incidents')
    .select(['startedAt', 'detectedAt', 'acknowledgedAt', 'resolvedAt'])
    .where('startedAt', '>=', range.from)
    .where('startedAt', '<', range.to)
    .execute()
}

/**
 * The incidents that touched a service, newest first: those active at some point in `range`
 * when given (started before its end, not resolved before its start), else the most recent.
 */
export async function listServiceIncidents(
  db: Kysely<Database>,
  serviceId: number,
  opts: { range?: TimeRange; limit: number },
) {
  let query = db
    .selectFrom('incidents as i')
    .innerJoin('incidentServices as is', 'is.incidentId', 'i.id')
    .select([
      'i.ref',
      'i.title',
      'i.severity',
      'i.status',
      'is.impact',
      'i.startedAt',
      'i.resolvedAt',
    ])
    .where('is.serviceId', '=', serviceId)
  const range = opts.range
  if (range) {
    query = query
      .where('i.startedAt', '<', range.to)
      .where((eb) => eb.or([eb('i.resolvedAt', 'is', null), eb('i.resolvedAt', '>=', range.from)]))
  }
  return query.orderBy('i.startedAt', 'desc').limit(opts.limit).execute()
}

// The incident downtime charged to each service's error budget, for the services area's report.
export { downtimeByService } from './downtime/queries.ts'
