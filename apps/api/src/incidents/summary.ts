import type { Database } from '@opsdeck/db'
import { mtta, mttr } from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import type { Scope } from '../lib/scope.ts'
import type { IncidentsSummary } from './schemas.ts'
import { countOpenIncidents, listIncidentTimes } from './queries.ts'

/** Open incidents now; response times over the incidents that started in the range. */
export async function incidentsSummary(
  db: Kysely<Database>,
  { range }: Scope,
): Promise<IncidentsSummary> {
  const [open, started] = await Promise.all([countOpenIncidents(db), listIncidentTimes(db, range)])
  return { open, startedInRange: started.length, mtta: mtta(started), mttr: mttr(started) }
}
