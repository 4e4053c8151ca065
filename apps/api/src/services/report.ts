import type { Database } from '@opsdeck/db'
import { downtimeMinutes, errorBudgetFromSamples, ratio, sloAttainment, uptime } from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
// Incident downtime charged to the budgets: the incidents area's join, as its metrics count it.
import { downtimeByService } from '../incidents/queries.ts'
import {
  type AreaReport,
  figure,
  type ReportFigure,
  type SectionOptions,
} from '../lib/report-section.ts'
import type { Scope } from '../lib/scope.ts'
import { listServiceHealth } from './queries.ts'
import { spanMinutes } from './reads/window-spans.ts'
import {
  listIncidentsByService,
  listServiceNames,
  type ReportService,
  tenth,
  tierRows,
  tiersTable,
  worstServicesTable,
  errorBudgetsTable,
} from './report-tables.ts'

/**
 * The Service health section of a stakeholder report for one period (`scope.range`): uptime and
 * SLO per tier as the summary pools it, and each service's error budget over the period itself
 * (allowed = (1 − target) × the period's minutes). Only what has happened by `now` is counted.
 */
export async function servicesReport(
  db: Kysely<Database>,
  scope: Scope,
  { detail }: SectionOptions = { detail: true },
): Promise<AreaReport> {
  const { range, now, org } = scope
  // The incidents charged to budgets feed the tables and a note only: the costly part, skipped
  // for a trend's earlier periods.
  const [health, names, charged, incidents] = await Promise.all([
    listServiceHealth(db, range, org.dailyRollupTimezone, now),
    listServiceNames(db),
    detail ? downtimeByService(db, range, now, org) : [],
    detail ? listIncidentsByService(db, range, now) : [],
  ])
  const periodMinutes = spanMinutes(range)
  const elapsedMinutes =
    Math.max(0, Math.min(now.getTime(), range.to.getTime()) - range.from.getTime()) / 60_000
  const chargedOf = new Map(charged.map((c) => [c.serviceId, c.downtimeMinutes]))
  const incidentsOf = new Map(incidents.map((i) => [i.serviceId, i]))

  const services = health.map((h): ReportService => {
    const availability = uptime(h).uptime
    const budget = errorBudgetFromSamples({
      target: h.sloTarget,
      windowMinutes: periodMinutes,
      elapsedMinutes,
      down: h.down,
      counted: h.up + h.degraded + h.down,
      intervalSeconds: h.intervalSeconds,
      now,
    })
    const consumed = budget.consumedMinutes
    return {
      ...h,
      name: names.get(h.id) ?? String(h.id),
      availability,
      attainment: sloAttainment(availability, h.sloTarget),
      downtimeMinutes: downtimeMinutes({ down: h.down, intervalSeconds: h.intervalSeconds }),
      allowedMinutes: budget.allowedMinutes,
      consumedMinutes: consumed,
      consumedShare: ratio(consumed, budget.allowedMinutes),
      // As the budget's run-out reads it: something spent and nothing left.
      exhausted: consumed !== null && consumed > 0 && (budget.remainingMinutes ?? 0) <= 0,
      incidentMinutes: chargedOf.get(h.id) ?? 0,
      incidents: incidentsOf.get(h.id) ?? null,
    }
  })

  const tiers = tierRows(services)
  const met = tiers.reduce((n, t) => n + t.met, 0)
  const breached = tiers.reduce((n, t) => n + t.breached, 0)
  const availability = tiers.map((t): ReportFigure =>
    figure({
      key: `availability.tier${t.tier}`,
      label: `Tier ${t.tier} availability`,
      value: t.availability,
      unit: 'share',
      better: 'higher',
      definition: 'uptime',
      target: t.sloTarget,
      targetKind: 'min',
      note:
        `${t.met} of ${t.services} services met their SLO` +
        (t.noData > 0 ? `; ${t.noData} without data` : ''),
    }),
  )
  return {
    area: 'services',
    title: 'Service health',
    figures: [
      ...availability,
      figure({
        key: 'sloMet',
        label: 'Services meeting their SLO',
        value: ratio(met, met + breached),
        unit: 'share',
        better: 'higher',
        definition: 'sloAttainment',
        note: `${met} of ${met + breached} services with data`,
      }),
      figure({
        key: 'budgetsExhausted',
        label: 'Error budgets exhausted',
        value: services.filter((s) => s.exhausted).length,
        unit: 'count',
        better: 'lower',
        definition: 'errorBudget',
        target: 0,
        targetKind: 'max',
      }),
      figure({
        key: 'downtimeMinutes',
        label: 'Downtime',
        value: tenth(services.reduce((n, s) => n + s.downtimeMinutes, 0)),
        unit: 'minutes',
        better: 'lower',
        definition: 'errorBudget',
        note: detail
          ? `${tenth(services.reduce((n, s) => n + s.incidentMinutes, 0))} min during incidents`
          : null,
      }),
    ],
    tables: detail
      ? [tiersTable(tiers), worstServicesTable(services), errorBudgetsTable(services)]
      : [],
  }
}
