import { SEVERITIES, type Severity } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { TimeRange } from '../lib/range.ts'

/** Open incidents now, by severity. */
export async function countOpenIncidents(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('incidents')
    .select(['severity', (eb) => eb.fn.countAll<number>().as('count')])
    .where('status', '<>', 'resolved')
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
