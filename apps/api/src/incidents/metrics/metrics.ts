import { TZDate } from '@date-fns/tz'
import { SEVERITIES, type Severity } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import {
  incidentBudgetShare,
  mtbf,
  mtta,
  mttd,
  mttr,
  ratio,
  repeatIncidents,
  responseTargetStatus,
  slaOutcomes,
  type TargetOutcome,
} from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import { localDay } from '../../lib/calendar.ts'
import type { TimeRange } from '../../lib/range.ts'
import type { Scope } from '../../lib/scope.ts'
import { downtimeByService, downtimeOfIncidents, incidentDowntime } from '../downtime/queries.ts'
import { targetsBySeverity } from '../reads/queries.ts'
import {
  type CohortIncident,
  countByMonthAndSeverity,
  countByService,
  countByTeam,
  countFollowUps,
  listCohortIncidents,
  listRepeatCandidates,
  type MetricsFilter,
} from './queries.ts'
import type { IncidentMetrics } from './schemas.ts'

/** An incident is a repeat when it started at most this many days after one on a same service. */
export const REPEAT_WINDOW_DAYS = 30

const MINUTE_MS = 60_000
const iso = (d: Date | null) => d?.toISOString() ?? null

type Filters = Omit<MetricsFilter, 'range'>

/** The response and reliability figures of the incidents that started in the range. */
export async function incidentMetrics(
  db: Kysely<Database>,
  { range, now, org }: Scope,
  filters: Filters,
): Promise<IncidentMetrics> {
  const f: MetricsFilter = { range, ...filters }
  const tz = org.timezone
  const [rows, monthly, services, teams, followUps, candidates, targets, rangeDowntime] =
    await Promise.all([
      listCohortIncidents(db, f, tz),
      countByMonthAndSeverity(db, f, tz),
      countByService(db, f),
      countByTeam(db, f),
      countFollowUps(db, f, localDay(now, tz)),
      listRepeatCandidates(db, range, REPEAT_WINDOW_DAYS),
      targetsBySeverity(db),
      // MTBF's downtime: the service's, whichever incidents caused it (overlaps counted once).
      downtimeByService(db, range, now, org),
    ])
  const withServices = rows.filter((r) => r.services.length > 0)
  const windows = withServices.map((r) => ({ ...r, services: r.services.map((s) => s.id) }))
  const [downtime, serviceDowntime] = await Promise.all([
    incidentDowntime(db, windows, now, org),
    downtimeOfIncidents(db, windows, now, org),
  ])

  // As of now: an open incident past its target has breached already.
  const outcomeOf = (r: CohortIncident): TargetOutcome[] => {
    const target = targets.get(r.severity)
    return target ? [responseTargetStatus({ ...r, now, target })] : []
  }

  // Counts from SQL; the marginals (per severity, per month) are their sums.
  const count = new Map(monthly.map((m) => [`${m.month}:${m.severity}`, Number(m.count)]))
  const countOf = (month: string, severity: Severity) => count.get(`${month}:${severity}`) ?? 0
  const months = monthsOf(range, tz)
  const bySeverity = Object.fromEntries(
    SEVERITIES.map((s) => [s, months.reduce((n, m) => n + countOf(m, s), 0)]),
  ) as Record<Severity, number>
  const incidents = SEVERITIES.reduce((n, s) => n + bySeverity[s], 0)

  const byMonth = months.map((month) => {
    const inMonth = rows.filter((r) => r.month === month)
    const severities = SEVERITIES.map((s) => {
      const of = inMonth.filter((r) => r.severity === s)
      return [s, { incidents: countOf(month, s), mtta: mtta(of), mttr: mttr(of) }] as const
    })
    return {
      month,
      incidents: SEVERITIES.reduce((n, s) => n + countOf(month, s), 0),
      mtta: mtta(inMonth),
      mttr: mttr(inMonth),
      slaBreachRate: slaOutcomes(inMonth.flatMap(outcomeOf)).breachRate,
      bySeverity: Object.fromEntries(
        severities,
      ) as IncidentMetrics['byMonth'][number]['bySeverity'],
    }
  })

  // Per service, its incidents' downtime on it: their own figures summed, overlaps once.
  const summed = new Map(serviceDowntime.map((d) => [d.serviceId, d.downtimeMinutes]))
  const down = new Map(rangeDowntime.map((d) => [d.serviceId, d.downtimeMinutes]))
  // The range as operating time: nothing after now has happened yet.
  const periodMinutes =
    Math.max(0, Math.min(range.to.getTime(), now.getTime()) - range.from.getTime()) / MINUTE_MS
  const byService = services.map((s) => {
    const downtimeMinutes = summed.get(s.id) ?? 0
    return {
      slug: s.slug,
      name: s.name,
      team:
        s.teamSlug === null || s.teamName === null ? null : { slug: s.teamSlug, name: s.teamName },
      incidents: Number(s.count),
      downtimeMinutes,
      budgetShare: incidentBudgetShare({
        downtimeMinutes,
        target: s.sloTarget,
        windowDays: s.sloWindowDays,
      }),
      mtbfMinutes: mtbf(periodMinutes, down.get(s.id) ?? 0, Number(s.count)),
    }
  })

  const inCohort = new Map(rows.map((r) => [r.id, r]))
  const repeats = repeatIncidents(
    candidates.map((c) => ({ id: c.id, serviceIds: c.serviceIds, startedAt: c.startedAt })),
    REPEAT_WINDOW_DAYS,
  ).flatMap((id) => {
    const r = inCohort.get(id)
    return r ? [r] : []
  })

  const downtimeOf = new Map(downtime.map((d) => [d.incidentId, d]))
  const perIncident = withServices.map((r) => {
    const d = downtimeOf.get(r.id)
    const service = new Map(r.services.map((s) => [s.id, s]))
    return {
      ref: r.ref,
      title: r.title,
      severity: r.severity,
      startedAt: r.startedAt.toISOString(),
      resolvedAt: iso(r.resolvedAt),
      downtimeMinutes: d?.downtimeMinutes ?? 0,
      exact: d?.exact ?? true,
      services: (d?.services ?? []).map((s) => ({
        slug: service.get(s.serviceId)?.slug ?? '',
        name: service.get(s.serviceId)?.name ?? '',
        downtimeMinutes: s.downtimeMinutes,
        budgetShare: s.budgetShare,
      })),
    }
  })
  perIncident.sort(
    (a, b) => b.downtimeMinutes - a.downtimeMinutes || a.startedAt.localeCompare(b.startedAt),
  )

  const { breached, met, pending, breachRate } = slaOutcomes(rows.flatMap(outcomeOf))
  return {
    now: now.toISOString(),
    timezone: tz,
    range: { from: range.from.toISOString(), to: range.to.toISOString() },
    filters: {
      severity: filters.severities ? [...filters.severities] : null,
      service: filters.services ? [...filters.services] : null,
      team: filters.teams ? [...filters.teams] : null,
    },
    incidents,
    bySeverity,
    byService,
    byTeam: teams.map((t) => ({ slug: t.slug, name: t.name, incidents: Number(t.count) })),
    byMonth,
    mtta: mtta(rows),
    mttr: mttr(rows),
    mttd: mttd(rows),
    sla: { breachRate, breached, met, pending },
    followUps,
    repeats: {
      windowDays: REPEAT_WINDOW_DAYS,
      count: repeats.length,
      share: ratio(repeats.length, incidents),
      incidents: repeats.map((r) => ({
        ref: r.ref,
        title: r.title,
        severity: r.severity,
        startedAt: r.startedAt.toISOString(),
        services: r.services.map((s) => s.slug),
      })),
    },
    downtime: {
      minutes: perIncident.reduce((n, d) => n + d.downtimeMinutes, 0),
      incidents: perIncident,
    },
  }
}

/** Every local month (`YYYY-MM`) the range touches, oldest first. */
export function monthsOf(range: TimeRange, timezone: string): string[] {
  const first = new TZDate(range.from.getTime(), timezone)
  const last = new TZDate(range.to.getTime() - 1, timezone)
  const out: string[] = []
  let [y, m] = [first.getFullYear(), first.getMonth()]
  while (y < last.getFullYear() || (y === last.getFullYear() && m <= last.getMonth())) {
    out.push(`${y}-${String(m + 1).padStart(2, '0')}`)
    ;[y, m] = m === 11 ? [y + 1, 0] : [y, m + 1]
  }
  return out
}
