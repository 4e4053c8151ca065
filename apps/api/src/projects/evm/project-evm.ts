import {
  BUDGET_CATEGORIES,
  type BudgetCategory,
  SPEND_TYPES,
  type SpendType,
} from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import {
  burnWindow,
  costBurnRate,
  evm,
  evmSeries,
  forecastFinish,
  plannedValue,
  rag,
  ragTimeline,
  ratio,
  runwayMonths,
} from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import type { Organisation } from '../../lib/organisation.ts'
import type { ProjectRef } from '../project-ref.ts'
import * as q from './queries.ts'
import { monthlySeries } from './s-curve.ts'
import { FIGURE_DEFINITIONS, type ProjectEvm } from './schemas.ts'

/** One project's earned value as of a day: figures, RAG and its history, S-curve, splits. */
export async function projectEvm(
  db: Kysely<Database>,
  args: {
    project: ProjectRef
    asOf: string
    org: Pick<Organisation, 'currency' | 'ragThresholds'>
  },
): Promise<ProjectEvm> {
  const { project, asOf, org } = args
  const { id, startDate: start, endDate: end } = project
  const window = burnWindow({ start, asOf })
  const [lines, actuals, costsByDay, costsByMonth, progress, baselines, burnSpent] =
    await Promise.all([
      q.sumBudgetLines(db, id),
      q.sumActualsBySplit(db, id, asOf),
      q.sumActualsByDay(db, id, asOf),
      q.sumActualsByMonth(db, { projectId: id, firstMonth: start.slice(0, 7), asOf }),
      q.listProgress(db, id, asOf),
      q.findBaselines(db, id),
      window ? q.sumActualsBetween(db, { projectId: id, from: window.from, to: asOf }) : 0,
    ])

  // A version without months leaves PV linear over the dates, as no baseline does.
  const current = baselines.current?.months.length ? baselines.current : null
  const original = current && current.version > 1 ? (baselines.original ?? null) : null
  const plan = current?.months ?? []

  const bac = total(lines)
  const ac = total(actuals)
  const pv = plannedValue({ bac, start, end, baseline: plan, asOf })
  const latest = progress.at(-1)
  const result = evm({ bac, ac, pv, percentComplete: (latest?.percentComplete ?? 0) / 100 })
  const perMonth = window ? costBurnRate(burnSpent, window.months) : null

  // From whichever comes first, so that asOf before the start still has its own day.
  const series = evmSeries({
    bac,
    start,
    end,
    baseline: plan,
    from: asOf < start ? asOf : start,
    to: asOf,
    costs: costsByDay,
    progress,
  })

  return {
    project: {
      code: project.code,
      name: project.name,
      status: project.status,
      startDate: start,
      endDate: end,
    },
    asOf,
    currency: org.currency,
    baseline: current && header(current),
    original: original && header(original),
    figures: {
      ...result,
      percentComplete: latest?.percentComplete ?? null,
      progressAsOf: latest?.day ?? null,
      spentShare: ratio(ac, bac),
      burnRate: window && { perMonth, from: window.from, months: window.months },
      runwayMonths: runwayMonths({ bac, ac, burn: perMonth }),
      forecastFinish: forecastFinish({ start, end, spi: result.spi }),
      definitions: FIGURE_DEFINITIONS,
    },
    rag: { ...rag(result, org.ragThresholds), thresholds: org.ragThresholds },
    ragHistory: ragTimeline(
      series.filter((d) => d.day >= start),
      org.ragThresholds,
    ),
    ...monthlySeries({
      project,
      asOf,
      bac,
      plan,
      originalPlan: original?.months ?? null,
      series,
      figures: result,
      actualByMonth: new Map(costsByMonth.map((m) => [m.month, m.amount])),
    }),
    ...splits(lines, actuals),
  }
}

const header = (b: { version: number; reason: string; createdAt: Date }) => ({
  version: b.version,
  reason: b.reason,
  createdAt: b.createdAt.toISOString(),
})

type Split = { category: BudgetCategory; spendType: SpendType; amount: number }

const total = (rows: readonly Split[]) => rows.reduce((n, r) => n + r.amount, 0)

// The budget and actuals by category (those with either, in the contract's order) and capex/opex.
function splits(lines: readonly Split[], actuals: readonly Split[]) {
  const amount = (rows: readonly Split[], c: BudgetCategory | null, s: SpendType | null) =>
    total(rows.filter((r) => (c === null || r.category === c) && (s === null || r.spendType === s)))
  const pair = (c: BudgetCategory | null, s: SpendType) => ({
    budget: amount(lines, c, s),
    actual: amount(actuals, c, s),
  })
  const used = new Set([...lines, ...actuals].map((r) => r.category))
  return {
    categories: BUDGET_CATEGORIES.filter((c) => used.has(c)).map((category) => ({
      category,
      budget: amount(lines, category, null),
      actual: amount(actuals, category, null),
      capex: pair(category, 'capex'),
      opex: pair(category, 'opex'),
    })),
    spendTypes: Object.fromEntries(SPEND_TYPES.map((s) => [s, pair(null, s)])) as Record<
      SpendType,
      { budget: number; actual: number }
    >,
  }
}
