import type { Database } from '@opsdeck/db'
import type { RagStatus } from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import { asOfDay } from '../lib/calendar.ts'
import type { Scope } from '../lib/scope.ts'
import type { ProjectsSummary } from './schemas.ts'
import { liveRatedProjects, rollUp } from './portfolio/figures.ts'

export { projectEvm } from './portfolio/figures.ts'

// The Overview names the worst few; the projects page lists them all.
const AT_RISK_SHOWN = 5
const RAG_ORDER: Record<RagStatus, number> = { red: 0, amber: 1, grey: 2, green: 3 }

/**
 * The live portfolio as of the range's last day: totals, RAG counts, the projects at risk. The
 * same rows and roll-up as GET /portfolio, less the projects that have not started by that day.
 */
export async function projectsSummary(
  db: Kysely<Database>,
  scope: Scope,
): Promise<ProjectsSummary> {
  const { range, now, org } = scope
  const asOf = asOfDay(range, now, org.timezone)
  const rows = await liveRatedProjects(db, scope, asOf)
  const rated = rows.filter((r) => r.started)
  const { totals } = rollUp(rated)
  const count: Record<RagStatus, number> = { red: 0, amber: 0, green: 0, grey: 0 }
  for (const r of rated) count[r.rag.status] += 1
  const atRisk = rated
    .filter((r) => r.rag.status === 'red' || r.rag.status === 'amber')
    .sort(
      (a, b) =>
        RAG_ORDER[a.rag.status] - RAG_ORDER[b.rag.status] ||
        a.project.code.localeCompare(b.project.code),
    )
    .slice(0, AT_RISK_SHOWN)
    .map(({ project, rag }) => ({
      id: project.id,
      code: project.code,
      name: project.name,
      status: rag.status as 'red' | 'amber',
      reason: rag.reason,
    }))
  return {
    asOf,
    currency: org.currency,
    projects: rated.length,
    bac: totals.bac,
    ac: totals.ac,
    eac: totals.eac,
    vac: totals.vac,
    rag: count,
    atRisk,
    thresholds: org.ragThresholds,
  }
}
