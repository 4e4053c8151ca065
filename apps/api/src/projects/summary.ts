import type { Database } from '@opsdeck/db'
import { evm, forecastCost, plannedValue, rag, type RagStatus } from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import { asOfDay } from '../lib/calendar.ts'
import type { Scope } from '../lib/scope.ts'
import type { ProjectsSummary } from './schemas.ts'
import { listProjectFinancials, type ProjectFinancials } from './queries.ts'

// The Overview names the worst few; the projects page lists them all.
const AT_RISK_SHOWN = 5
const RAG_ORDER: Record<RagStatus, number> = { red: 0, amber: 1, grey: 2, green: 3 }

/** The live portfolio as of the range's last day: totals, RAG counts, the projects at risk. */
export async function projectsSummary(
  db: Kysely<Database>,
  { range, now, org }: Scope,
): Promise<ProjectsSummary> {
  const asOf = asOfDay(range, now, org.timezone)
  const rows = await listProjectFinancials(db, asOf)
  const rated = rows.map((p) => {
    const figures = projectEvm(p, asOf)
    return { project: p, figures, rag: rag(figures, org.ragThresholds) }
  })
  const count: Record<RagStatus, number> = { red: 0, amber: 0, green: 0, grey: 0 }
  for (const r of rated) count[r.rag.status] += 1
  const bac = sum(rated, (r) => r.project.bac)
  const eac = sum(rated, (r) => forecastCost(r.figures))
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
    projects: rows.length,
    bac,
    ac: sum(rated, (r) => r.project.ac),
    eac,
    vac: bac - eac,
    rag: count,
    atRisk,
    thresholds: org.ragThresholds,
  }
}

/** A project's EVM figures as of a day, from its financials. */
export function projectEvm(p: ProjectFinancials, asOf: string) {
  const pv = plannedValue({
    bac: p.bac,
    start: p.startDate,
    end: p.endDate,
    baseline: p.baseline,
    asOf,
  })
  return evm({ bac: p.bac, ac: p.ac, pv, percentComplete: (p.percentComplete ?? 0) / 100 })
}

const sum = <T>(rows: readonly T[], value: (row: T) => number) =>
  rows.reduce((n, r) => n + value(r), 0)
