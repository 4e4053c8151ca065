import type { ProjectStatus } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import {
  type EvmResult,
  evm,
  forecastFinish,
  plannedValue,
  portfolioEvm,
  rag,
  type Rag,
  type RagThresholds,
  ratio,
} from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import type { Scope } from '../../lib/scope.ts'
import { listProjectFinancials, type ProjectFinancials } from '../queries.ts'

/** A project's figures as of a day: EVM, RAG with its reason, the finish forecast by SPI. */
export type RatedProject = {
  project: ProjectFinancials
  /** False when it starts after the day: listed, with PV 0. */
  started: boolean
  figures: EvmResult
  /** AC / BAC; null while BAC is 0. */
  spentShare: number | null
  rag: Rag
  forecastFinish: string | null
  /** The forecast finish is after the end date; null while there is no forecast. */
  finishLate: boolean | null
}

/** A project's EVM figures as of a day, from its financials. */
export function projectEvm(p: ProjectFinancials, asOf: string): EvmResult {
  const pv = plannedValue({
    bac: p.bac,
    start: p.startDate,
    end: p.endDate,
    baseline: p.baseline,
    asOf,
  })
  return evm({ bac: p.bac, ac: p.ac, pv, percentComplete: (p.percentComplete ?? 0) / 100 })
}

export function rateProject(
  p: ProjectFinancials,
  asOf: string,
  thresholds: RagThresholds,
): RatedProject {
  const figures = projectEvm(p, asOf)
  const finish = forecastFinish({ start: p.startDate, end: p.endDate, spi: figures.spi })
  return {
    project: p,
    started: p.startDate <= asOf,
    figures,
    spentShare: ratio(figures.ac, figures.bac),
    rag: rag(figures, thresholds),
    forecastFinish: finish,
    finishLate: finish === null ? null : finish > p.endDate,
  }
}

/** The projects of the statuses (default the live ones) as of a day, each rated. */
export async function listRatedProjects(
  db: Kysely<Database>,
  args: { asOf: string; statuses?: readonly ProjectStatus[]; thresholds: RagThresholds },
): Promise<RatedProject[]> {
  const rows = await listProjectFinancials(db, args.asOf, args.statuses)
  return rows.map((p) => rateProject(p, args.asOf, args.thresholds))
}

const ratedByScope = new WeakMap<Scope, Map<string, Promise<readonly RatedProject[]>>>()

/**
 * The live projects rated as of a day, listed once per scope: one request's scope is shared by
 * the areas, so the Overview's budgets summary and its "needs attention" read and rate the
 * portfolio once when they rate the same day (a range ending today). The rows are shared: read
 * them, never change them.
 */
export function liveRatedProjects(
  db: Kysely<Database>,
  scope: Scope,
  asOf: string,
): Promise<readonly RatedProject[]> {
  let byDay = ratedByScope.get(scope)
  if (!byDay) {
    byDay = new Map<string, Promise<readonly RatedProject[]>>()
    ratedByScope.set(scope, byDay)
  }
  let rated = byDay.get(asOf)
  if (!rated) {
    rated = listRatedProjects(db, { asOf, thresholds: scope.org.ragThresholds })
    byDay.set(asOf, rated)
  }
  return rated
}

/**
 * The roll-up of some rated projects: money summed and indices recomputed from the sums
 * (portfolioEvm), AC / BAC of the sums, and budget and actuals by capex and opex.
 */
export function rollUp(rows: readonly RatedProject[]) {
  const totals = portfolioEvm(rows.map((r) => r.figures))
  const sum = (value: (p: ProjectFinancials) => number) =>
    rows.reduce((n, r) => n + value(r.project), 0)
  // portfolioEvm sums forecast costs, so its EAC, ETC and VAC are never n/a.
  const { eac, etc, vac } = totals
  if (eac === null || etc === null || vac === null) throw new Error('portfolioEvm gave no EAC')
  return {
    totals: { ...totals, eac, etc, vac, spentShare: ratio(totals.ac, totals.bac) },
    capexOpex: {
      capex: { budget: sum((p) => p.bacCapex), actual: sum((p) => p.acCapex) },
      opex: { budget: sum((p) => p.bacOpex), actual: sum((p) => p.acOpex) },
    },
  }
}
