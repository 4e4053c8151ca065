import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import { asOfDay, localDay } from '../lib/calendar.ts'
import {
  type AreaReport,
  figure,
  type ReportFigure,
  type SectionOptions,
} from '../lib/report-section.ts'
import type { Scope } from '../lib/scope.ts'
import { liveRatedProjects, rollUp } from './portfolio/figures.ts'
import { periodCapacityRisks } from './report-capacity-risk.ts'
import { atRiskTable, ragChangesTable, suppliersTable } from './report-tables.ts'
import { supplierSpend } from './suppliers/supplier-spend.ts'

const DAY_MS = 86_400_000
const dayBefore = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10)

/**
 * The projects' section of a stakeholder report for one period: the live portfolio as of the
 * period's last day that has happened (the rows and roll-up of GET /portfolio, less the projects
 * not started, as the Overview reads them), the spend dated in the period up to that day, the RAG
 * changes since the day before the period, the projects at risk and the largest suppliers.
 */
export async function projectsReport(
  db: Kysely<Database>,
  scope: Scope,
  { detail }: SectionOptions = { detail: true },
): Promise<AreaReport> {
  const { range, now, org } = scope
  const asOf = asOfDay(range, now, org.timezone)
  const firstDay = localDay(range.from, org.timezone)
  const lastDay = localDay(new Date(range.to.getTime() - 1), org.timezone)
  // A period wholly ahead has no spend yet (and asOf, today, is before it).
  const begun = asOf >= firstDay
  const [rows, before, risks, suppliers] = await Promise.all([
    liveRatedProjects(db, scope, asOf),
    // The colours before the period feed the RAG-changes table only.
    detail ? liveRatedProjects(db, scope, begun ? dayBefore(firstDay) : asOf) : [],
    periodCapacityRisks(db, { org, firstDay, lastDay }),
    begun ? supplierSpend(db, { from: firstDay, to: asOf }) : null,
  ])
  const rated = rows.filter((r) => r.started)
  const { totals } = rollUp(rated)
  const ids = rated.map((r) => r.project.id)
  const spent = begun ? await sumSpend(db, ids, firstDay, asOf) : 0
  const count = (status: string) => rated.filter((r) => r.rag.status === status).length
  const { amber } = org.ragThresholds
  const portfolio = `${rated.length} live projects started by ${asOf}`
  const money = (key: string, label: string, value: number, f: Partial<ReportFigure> = {}) =>
    figure({ key, label, value, unit: 'money', better: 'neither', definition: key, ...f })
  const index = (key: 'cpi' | 'spi', value: number | null) =>
    figure({
      key,
      label: key.toUpperCase(),
      value,
      unit: 'index',
      better: 'higher',
      target: amber[key],
      targetKind: 'min',
      definition: key,
      note: `${portfolio}; recomputed from the sums, amber below ${amber[key]}`,
    })
  const days = begun ? `${firstDay} to ${asOf}` : 'none yet'
  return {
    area: 'projects',
    title: 'Project budgets',
    figures: [
      index('cpi', totals.cpi),
      index('spi', totals.spi),
      money('bac', 'Budget at completion (BAC)', totals.bac, { note: portfolio }),
      money('ac', 'Actual cost to date (AC)', totals.ac, { note: portfolio }),
      money('spentInPeriod', 'Spent in the period', spent, {
        definition: 'periodSpend',
        note: `Actuals dated ${days}, on the ${rated.length} live projects`,
      }),
      money('eac', 'Forecast cost (EAC)', totals.eac, {
        better: 'lower',
        definition: 'forecastCost',
        note: portfolio,
      }),
      money('vac', 'Variance at completion (VAC)', totals.vac, {
        better: 'higher',
        note: portfolio,
      }),
      figure({
        key: 'projectsRed',
        label: 'Red projects',
        value: count('red'),
        unit: 'count',
        better: 'lower',
        target: 0,
        targetKind: 'max',
        definition: 'rag',
        note: portfolio,
      }),
      figure({
        key: 'projectsAmber',
        label: 'Amber projects',
        value: count('amber'),
        unit: 'count',
        better: 'lower',
        definition: 'rag',
        note: portfolio,
      }),
      figure({
        key: 'projectsAtCapacityRisk',
        label: 'Projects at risk from capacity',
        // Live projects, started or about to: the projects-at-risk table lists the same.
        value: rows.filter((r) => risks.has(r.project.code)).length,
        unit: 'count',
        better: 'lower',
        definition: 'projectCapacityRisk',
        note: `Live projects with people over-booked or away in the weeks of ${firstDay} to ${lastDay}`,
      }),
      money('supplierSpend', 'Supplier spend', suppliers?.total ?? 0, {
        definition: 'periodSpend',
        note: `Actuals dated ${days}, every project: ${suppliers?.suppliers.length ?? 0} suppliers`,
      }),
    ],
    tables: detail
      ? [
          ragChangesTable(rated, before),
          atRiskTable(rows, risks),
          suppliersTable(suppliers?.suppliers ?? []),
        ]
      : [],
  }
}

/** The cost entries of the projects dated `from`–`to` (days, inclusive), summed in SQL. */
async function sumSpend(db: Kysely<Database>, projectIds: number[], from: string, to: string) {
  if (projectIds.length === 0) return 0
  const { rows } = await sql<{ total: number }>`
    SELECT coalesce(sum(amount_pence), 0)::int8 AS total FROM cost_entries
    WHERE project_id IN (${sql.join(projectIds)})
      AND incurred_on BETWEEN ${from}::date AND ${to}::date
  `.execute(db)
  return rows[0]?.total ?? 0
}
