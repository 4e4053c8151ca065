import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { Organisation } from '../../lib/organisation.ts'
import {
  addCounts,
  budgetOf,
  byKeyAndService,
  countedOf,
  countsOf,
  latencyOf,
  uptimeOver,
  windowBurnRate,
} from './figures.ts'
import { lastLocalDays } from './local-days.ts'
import { dailyCounts, listServiceRows, type ServiceFilters } from './queries.ts'
import type { ServiceList, ServiceListItem, ServiceSort } from './schemas.ts'
import { daysWithin, stripOf, sumOfDays } from './strip.ts'
import { inDailyZone, windowCounts, windowHistograms, type WindowSpec } from './window-sql.ts'
import { windowSpans } from './window-spans.ts'

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000
export const STRIP_DAYS = 90
const NO_DAYS = { from: new Date(0), to: new Date(0) }

export interface ListArgs extends ServiceFilters {
  statuses?: readonly ServiceListItem['status'][] | undefined
  sort: ServiceSort
  order: 'asc' | 'desc'
}

/** Every selected service with its figures, in a few statements for all of them. */
export async function listServices(
  db: Kysely<Database>,
  args: ListArgs,
  org: Organisation,
  now: Date,
): Promise<ServiceList> {
  const services = (await listServiceRows(db, args, now)).filter(
    (s) => !args.statuses || args.statuses.includes(s.status),
  )
  const ids = services.map((s) => s.id)
  const sloDays = [...new Set([7, 30, ...services.map((s) => s.sloWindowDays)])]
  const ago = (ms: number) => ({ from: new Date(now.getTime() - ms), to: now })

  const { windows, counts, hists, strip, days, zone } = await inDailyZone(
    org.dailyRollupTimezone,
    async (zone) => {
      // Up to a day: exact to the sample. Longer: from the top of the hour (rollups are hourly).
      const days = lastLocalDays(now, zone, STRIP_DAYS)
      const windows: WindowSpec[] = [
        { key: 'h1', spans: windowSpans(ago(HOUR_MS), zone, true) },
        { key: 'h24', spans: windowSpans(ago(DAY_MS), zone, true) },
        ...sloDays.map((d) => ({ key: `d${d}`, spans: windowSpans(ago(d * DAY_MS), zone, false) })),
      ]
      // The whole days of the longer windows lie within the strip's, which are read anyway:
      // they are added up from it, and the statement reads only the hours at the edges.
      const edges = windows.map((w) => ({ ...w, spans: { ...w.spans, daily: NO_DAYS } }))
      const latencyWindow = [{ key: 'h24', spans: windowSpans(ago(DAY_MS), zone, false) }]
      const [c, h, s] = ids.length
        ? await Promise.all([
            windowCounts(db, edges, ids),
            windowHistograms(db, latencyWindow, ids),
            dailyCounts(db, ids, days),
          ])
        : [null, null, null]
      return {
        result: {
          windows,
          counts: c?.rows ?? [],
          hists: h?.rows ?? [],
          strip: s?.byService,
          days,
          zone,
        },
        seen: [c?.dailyZone ?? '', h?.dailyZone ?? '', s?.dailyZone ?? ''],
      }
    },
  )
  // Which of the strip's days each window holds whole: the same for every service.
  const dayRanges = new Map(windows.map((w) => [w.key, daysWithin(days, w.spans.daily)]))
  const dayRange = (key: string) => dayRanges.get(key) ?? [0, 0]
  const froms = new Map(windows.map((w) => [w.key, w.spans.from]))
  const countedFrom = (key: string) => froms.get(key) ?? now
  const count = byKeyAndService(counts)
  const hist = byKeyAndService(hists)

  const items = services.map((s): ServiceListItem & { statusRank: number } => {
    const c = (key: string) =>
      addCounts(countsOf(count(key, s.id)), sumOfDays(strip?.get(s.id), dayRange(key)))
    // Samples are expected from where the window is counted: the top of the hour for the
    // longer ones, as the detail's windows.
    const up = (key: string) => {
      const u = uptimeOver(c(key), { from: countedFrom(key), to: now }, s.intervalSeconds, now)
      return { uptime: u.uptime, coverage: u.coverage }
    }
    const windowMinutes = s.sloWindowDays * 1440
    const slo = c(`d${s.sloWindowDays}`)
    const budget = budgetOf({
      target: s.sloTarget,
      windowMinutes,
      elapsedMinutes: windowMinutes,
      down: slo.down,
      counted: countedOf(slo),
      intervalSeconds: s.intervalSeconds,
      now,
    })
    return {
      slug: s.slug,
      name: s.name,
      tier: s.tier,
      ownerTeam: s.teamSlug ? { slug: s.teamSlug, name: s.teamName ?? s.teamSlug } : null,
      tags: s.tags,
      archivedAt: s.archivedAt?.toISOString() ?? null,
      status: s.status,
      statusRank: STATUS_RANK[s.status],
      uptime: { h24: up('h24'), d7: up('d7'), d30: up('d30') },
      slo: { target: s.sloTarget, windowDays: s.sloWindowDays },
      errorBudget: budget,
      burnRate: {
        window: budget.burnRate,
        h1: windowBurnRate(c('h1'), s.sloTarget),
      },
      p95LatencyMs: latencyOf(hist('h24', s.id)).p95,
      daily: stripOf(strip?.get(s.id), days),
    }
  })
  const sorted = sortItems(items, args.sort, args.order).map(({ statusRank: _, ...item }) => item)
  return {
    now: now.toISOString(),
    timezone: zone,
    days: days.map((d) => d.day),
    sort: args.sort,
    order: args.order,
    services: sorted,
  }
}

// Worst first when ascending: what needs looking at comes to the top.
const STATUS_RANK = { down: 0, degraded: 1, unknown: 2, maintenance: 3, up: 4 } as const

type Sortable = ServiceListItem & { statusRank: number }
const SORT_VALUE: Record<ServiceSort, (s: Sortable) => string | number | null> = {
  slug: (s) => s.slug,
  name: (s) => s.name.toLowerCase(),
  tier: (s) => s.tier,
  status: (s) => s.statusRank,
  uptime24h: (s) => s.uptime.h24.uptime,
  uptime7d: (s) => s.uptime.d7.uptime,
  uptime30d: (s) => s.uptime.d30.uptime,
  sloTarget: (s) => s.slo.target,
  budgetRemaining: (s) => s.errorBudget.remainingShare,
  burnRate: (s) => s.burnRate.window,
  p95: (s) => s.p95LatencyMs,
}

/** Sorted by the key, n/a last in either order, then by slug. */
function sortItems<T extends Sortable>(items: T[], sort: ServiceSort, order: 'asc' | 'desc') {
  const value = SORT_VALUE[sort]
  const sign = order === 'asc' ? 1 : -1
  return [...items].sort((a, b) => {
    const va = value(a)
    const vb = value(b)
    if (va !== vb) {
      if (va === null) return 1
      if (vb === null) return -1
      return (va < vb ? -1 : 1) * sign
    }
    return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0
  })
}
