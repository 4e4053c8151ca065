import type { Database } from '@opsdeck/db'
import { downtimeMinutes, sloAttainment } from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import { listServiceIncidents } from '../../incidents/queries.ts'
import type { Scope } from '../../lib/scope.ts'
import { listAlerts } from '../alert-queries.ts'
import { accountingRules } from './accounting.ts'
import {
  budgetOf,
  byKeyAndService,
  countedOf,
  countsOf,
  latencyOf,
  uptimeOver,
  windowBurnRate,
} from './figures.ts'
import { monthOf } from './local-days.ts'
import { incidentJson, maintenanceJson } from './markers.ts'
import { latestSample, maintenanceOverlapping, type ServiceDetailRow } from './queries.ts'
import type { ServiceDetail, WindowKpis } from './schemas.ts'
import { inDailyZone, windowCounts, windowHistograms, type WindowSpec } from './window-sql.ts'
import { spanMinutes, windowSpans } from './window-spans.ts'

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000
const FAR_FUTURE = new Date('2999-12-31T00:00:00Z')

type Window = { key: WindowKpis['window']; from: Date; to: Date; exact: boolean; minutes: number }

/** Everything the detail page shows of one service; `scope.range` is the requested range. */
export async function serviceDetail(
  db: Kysely<Database>,
  s: ServiceDetailRow,
  { range, now, org }: Scope,
): Promise<ServiceDetail> {
  // The retention comes with the organisation's settings, already read for the scope.
  const retention = org.rawSampleRetentionDays
  // Raw partitions are dropped by whole days: the last day of retention may already be gone.
  const rawFrom = now.getTime() - (retention - 1) * DAY_MS
  const rolling = (key: Window['key'], ms: number, exact: boolean): Window => ({
    key,
    from: new Date(now.getTime() - ms),
    to: now,
    exact,
    minutes: ms / 60_000,
  })
  const calendar = (key: Window['key'], r: { from: Date; to: Date }): Window => ({
    key,
    ...r,
    exact: r.from.getTime() >= rawFrom,
    minutes: spanMinutes(r),
  })
  const windows: Window[] = [
    rolling('24h', DAY_MS, true),
    rolling('7d', 7 * DAY_MS, false),
    rolling('30d', 30 * DAY_MS, false),
    rolling('90d', 90 * DAY_MS, false),
    calendar('range', range),
    calendar('month', monthOf(now, org.timezone)),
  ]
  const sloMs = s.sloWindowDays * DAY_MS
  const ago = (ms: number) => ({ from: new Date(now.getTime() - ms), to: now })

  // Every read at once: none needs another's result.
  const [latest, alerts, incidents, maintenance, read] = await Promise.all([
    latestSample(db, { id: s.id, checkIntervalSeconds: s.checkIntervalSeconds }, now),
    listAlerts(db, { serviceId: s.id }),
    listServiceIncidents(db, s.id, { limit: 10 }),
    maintenanceOverlapping(db, s.id, { from: now, to: FAR_FUTURE }, 20),
    inDailyZone(org.dailyRollupTimezone, async (zone) => {
      const specs: WindowSpec[] = [
        ...windows.map((w) => ({ key: w.key, spans: windowSpans(w, zone, w.exact) })),
        { key: 'slo', spans: windowSpans(ago(sloMs), zone, false) },
        // The short burn-rate windows, exact to the sample as the alerts count them (the 24 h
        // one is the 24 h window above, counted once).
        { key: 'burn1h', spans: windowSpans(ago(HOUR_MS), zone, true) },
        { key: 'burn6h', spans: windowSpans(ago(6 * HOUR_MS), zone, true) },
        { key: 'burn24h', spans: windowSpans(ago(DAY_MS), zone, true) },
      ]
      const latency: WindowSpec[] = [
        { key: 'h24', spans: windowSpans(ago(DAY_MS), zone, false) },
        { key: 'd30', spans: windowSpans(ago(30 * DAY_MS), zone, false) },
      ]
      const [c, h] = await Promise.all([
        windowCounts(db, specs, [s.id]),
        windowHistograms(db, latency, [s.id]),
      ])
      return { result: { c, h, specs }, seen: [c.dailyZone, h.dailyZone] }
    }),
  ])

  const count = byKeyAndService(read.c.rows)
  const counts = (key: string) => countsOf(count(key, s.id))
  const hist = byKeyAndService(read.h.rows)
  const spansOf = (key: string) => read.specs.find((x) => x.key === key)?.spans
  const interval = s.checkIntervalSeconds
  const target = s.sloTarget

  const windowKpis = windows.map((w): WindowKpis => {
    const c = counts(w.key)
    // As counted: a window that is not exact starts at the top of its first hour.
    const from = spansOf(w.key)?.from ?? w.from
    const u = uptimeOver(c, { from, to: w.to }, interval, now)
    const elapsed = (Math.min(now.getTime(), w.to.getTime()) - w.from.getTime()) / 60_000
    return {
      window: w.key,
      from: from.toISOString(),
      to: w.to.toISOString(),
      counts: c,
      uptime: u.uptime,
      coverage: u.coverage,
      degradedShare: u.degradedShare,
      downtimeMinutes: downtimeMinutes({ down: c.down, intervalSeconds: interval }),
      sloAttainment: sloAttainment(u.uptime, target),
      errorBudget: budgetOf({
        target,
        windowMinutes: w.minutes,
        elapsedMinutes: elapsed,
        down: c.down,
        counted: countedOf(c),
        intervalSeconds: interval,
        now,
      }),
    }
  })
  const sloBudget = budgetOf({
    target,
    windowMinutes: sloMs / 60_000,
    elapsedMinutes: sloMs / 60_000,
    down: counts('slo').down,
    counted: countedOf(counts('slo')),
    intervalSeconds: interval,
    now,
  })
  const burnOf = (w: '1h' | '6h' | '24h') => windowBurnRate(counts(`burn${w}`), target)

  return {
    now: now.toISOString(),
    timezone: org.timezone,
    service: {
      slug: s.slug,
      name: s.name,
      description: s.description,
      tier: s.tier,
      ownerTeam: s.teamSlug ? { slug: s.teamSlug, name: s.teamName ?? s.teamSlug } : null,
      tags: s.tags,
      runbookUrl: s.runbookUrl,
      dashboardUrl: s.dashboardUrl,
      openIncidentOnPage: s.openIncidentOnPage,
      archivedAt: s.archivedAt?.toISOString() ?? null,
      createdAt: s.createdAt.toISOString(),
      slo: { target, windowDays: s.sloWindowDays },
    },
    check: {
      mode: s.checkMode,
      kind: s.checkKind,
      enabled: s.checkEnabled,
      url: s.checkUrl,
      method: s.checkMethod,
      expectedStatuses: s.checkExpectedStatuses,
      keyword: s.checkKeyword,
      host: s.checkHost,
      port: s.checkPort,
      intervalSeconds: interval,
      timeoutMs: s.checkTimeoutMs,
      degradedLatencyMs: s.degradedLatencyMs,
    },
    status: {
      now: latest.status,
      lastSample: latest.row && {
        at: latest.row.checkedAt.toISOString(),
        status: latest.row.status,
        inMaintenance: latest.row.inMaintenance,
        latencyMs: latest.row.latencyMs,
        httpStatus: latest.row.httpStatus,
        error: latest.row.error,
      },
    },
    windows: windowKpis,
    errorBudget: sloBudget,
    burnRates: {
      h1: burnOf('1h'),
      h6: burnOf('6h'),
      h24: burnOf('24h'),
      window: sloBudget.burnRate,
    },
    latency: { h24: latencyOf(hist('h24', s.id)), d30: latencyOf(hist('d30', s.id)) },
    alerts: alerts.slice(0, 20).map((a) => ({
      id: a.id,
      severity: a.severity,
      rule: a.rule,
      threshold: a.threshold,
      longBurnRate: a.longBurnRate,
      shortBurnRate: a.shortBurnRate,
      peakBurnRate: a.peakBurnRate,
      startedAt: a.startedAt.toISOString(),
      endedAt: a.endedAt?.toISOString() ?? null,
    })),
    incidents: incidents.map(incidentJson),
    maintenance: maintenance.map(maintenanceJson),
    accounting: accountingRules({ intervalSeconds: interval, timezone: org.timezone, retention }),
  }
}
