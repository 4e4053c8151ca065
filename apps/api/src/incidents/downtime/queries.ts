import type { Database } from '@opsdeck/db'
import { downtimeMinutes, incidentBudgetShare } from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import type { Organisation } from '../../lib/organisation.ts'
import type { TimeRange } from '../../lib/range.ts'
// The Services area's window sums: incident downtime is counted as the uptime figures are.
import { inDailyZone, windowCounts, type WindowSpec, windowSpans } from '../../services/queries.ts'

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000

/** An incident as its downtime is read: its window and the services it affected. */
export interface IncidentWindow {
  id: number
  startedAt: Date
  resolvedAt: Date | null
  services: readonly number[]
}

export interface ServiceDowntime {
  serviceId: number
  /** Down samples in the window; samples in maintenance count as neither down nor counted. */
  down: number
  /** Up, degraded and down samples in the window. */
  counted: number
  downtimeMinutes: number
  /** Share of the service's SLO-window error budget; null when its SLO allows no downtime. */
  budgetShare: number | null
}

export interface IncidentDowntime {
  incidentId: number
  /** The window as counted: read from whole hours (`exact` false) it starts at the top of one. */
  from: Date
  to: Date
  exact: boolean
  downtimeMinutes: number
  services: ServiceDowntime[]
}

export interface ServiceDowntimeTotal {
  serviceId: number
  slug: string
  incidents: number
  downtimeMinutes: number
  budgetShare: number | null
}

interface Span {
  key: string
  range: TimeRange
}

interface Facts {
  id: number
  slug: string
  checkIntervalSeconds: number
  sloTarget: number
  sloWindowDays: number
}

const ms = (d: Date) => d.getTime()
const minDate = (...ds: Date[]) => new Date(Math.min(...ds.map(ms)))
const maxDate = (...ds: Date[]) => new Date(Math.max(...ds.map(ms)))

// Raw partitions are dropped by whole days: the last day of retention may already be gone
// (as service-detail.ts decides for its calendar windows).
const rawFromOf = (now: Date, org: Organisation) =>
  ms(now) - (org.rawSampleRetentionDays - 1) * DAY_MS

async function serviceFacts(db: Kysely<Database>, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, Facts>()
  const rows = await db
    .selectFrom('services')
    .select(['id', 'slug', 'checkIntervalSeconds', 'sloTarget', 'sloWindowDays'])
    .where('id', 'in', [...ids])
    .execute()
  return new Map(rows.map((r) => [r.id, r]))
}

/**
 * Down and counted samples per (span, service) of `ids`, in one statement over the rollups:
 * exact to the sample for a span starting inside raw retention, else from whole hours.
 * Empty spans are left out (read from whole hours they would still cover an hour).
 */
async function countSpans(
  db: Kysely<Database>,
  spans: readonly Span[],
  ids: readonly number[],
  now: Date,
  org: Organisation,
) {
  const rawFrom = rawFromOf(now, org)
  const live = spans.filter((s) => ms(s.range.from) < ms(s.range.to))
  const read =
    live.length === 0 || ids.length === 0
      ? { rows: [], specs: [] as WindowSpec[] }
      : await inDailyZone(org.dailyRollupTimezone, async (zone) => {
          const specs = live.map((s) => ({
            key: s.key,
            spans: windowSpans(s.range, zone, ms(s.range.from) >= rawFrom),
          }))
          const c = await windowCounts(db, specs, ids)
          return { result: { rows: c.rows, specs }, seen: [c.dailyZone] }
        })
  const counts = new Map(read.rows.map((r) => [`${r.key}:${r.serviceId}`, r]))
  const spansByKey = new Map(read.specs.map((s) => [s.key, s.spans]))
  return {
    of(key: string, serviceId: number) {
      const r = counts.get(`${key}:${serviceId}`)
      return { down: r?.down ?? 0, counted: r ? r.up + r.degraded + r.down : 0 }
    },
    /** The span as counted (its start at the top of the hour when read from whole hours). */
    counted(span: Span) {
      const from = spansByKey.get(span.key)?.from ?? span.range.from
      return { from, to: span.range.to, exact: ms(span.range.from) >= rawFrom }
    },
  }
}

const minutesOf = (down: number, f: Facts | undefined) =>
  f ? downtimeMinutes({ down, intervalSeconds: f.checkIntervalSeconds }) : 0

const shareOf = (minutes: number, f: Facts | undefined) =>
  f
    ? incidentBudgetShare({
        downtimeMinutes: minutes,
        target: f.sloTarget,
        windowDays: f.sloWindowDays,
      })
    : null

/**
 * Per incident and affected service: the down samples over the incident's window
 * [startedAt, resolvedAt ?? now), as downtime minutes (× the service's check interval) and as a
 * share of its SLO's error budget; one statement for all the incidents and services.
 */
export async function incidentDowntime(
  db: Kysely<Database>,
  incidents: readonly IncidentWindow[],
  now: Date,
  org: Organisation,
): Promise<IncidentDowntime[]> {
  const ids = [...new Set(incidents.flatMap((i) => i.services))]
  const spans = incidents.map((i) => ({
    key: String(i.id),
    // Never past now; an incident not yet started (a clock ahead) is an empty window.
    range: { from: i.startedAt, to: maxDate(i.startedAt, minDate(i.resolvedAt ?? now, now)) },
  }))
  const [facts, counts] = await Promise.all([
    serviceFacts(db, ids),
    countSpans(db, spans, ids, now, org),
  ])
  return incidents.map((incident, n) => {
    const span = spans[n] as Span
    const services = [...new Set(incident.services)].map((serviceId): ServiceDowntime => {
      const f = facts.get(serviceId)
      const { down, counted } = counts.of(span.key, serviceId)
      const minutes = minutesOf(down, f)
      return {
        serviceId,
        down,
        counted,
        downtimeMinutes: minutes,
        budgetShare: shareOf(minutes, f),
      }
    })
    const total = services.reduce((sum, s) => sum + s.downtimeMinutes, 0)
    return { incidentId: incident.id, ...counts.counted(span), downtimeMinutes: total, services }
  })
}

/**
 * Per service, the downtime of the incidents that overlap `range`, clipped to it (and to now),
 * with its share of the service's error budget. A service's overlapping incidents (a duplicate
 * opened beside the first) are merged first, so that no down sample is counted twice.
 */
export async function downtimeByService(
  db: Kysely<Database>,
  range: TimeRange,
  now: Date,
  org: Organisation,
): Promise<ServiceDowntimeTotal[]> {
  const end = minDate(range.to, now)
  const rows = await db
    .selectFrom('incidents as i')
    .innerJoin('incidentServices as is', 'is.incidentId', 'i.id')
    .select(['i.id', 'is.serviceId', 'i.startedAt', 'i.resolvedAt'])
    .where('i.startedAt', '<', end)
    .where((eb) => eb.or([eb('i.resolvedAt', 'is', null), eb('i.resolvedAt', '>', range.from)]))
    .execute()
  const windows = rows.map((r) => ({
    id: r.id,
    serviceId: r.serviceId,
    from: maxDate(r.startedAt, range.from),
    to: minDate(r.resolvedAt ?? end, end),
  }))
  return mergedDowntime(db, windows, now, org)
}

/**
 * Per service, the downtime of the given incidents over their whole windows (as each incident
 * shows it), overlapping incidents of one service merged: what their per-incident figures sum
 * to, less the minutes two of them share.
 */
export async function downtimeOfIncidents(
  db: Kysely<Database>,
  incidents: readonly IncidentWindow[],
  now: Date,
  org: Organisation,
): Promise<ServiceDowntimeTotal[]> {
  const windows = incidents.flatMap((i) =>
    [...new Set(i.services)].map((serviceId) => ({
      id: i.id,
      serviceId,
      from: i.startedAt,
      to: minDate(i.resolvedAt ?? now, now),
    })),
  )
  return mergedDowntime(db, windows, now, org)
}

/** Down samples per service over the union of its windows, in one statement. */
async function mergedDowntime(
  db: Kysely<Database>,
  windows: readonly { id: number; serviceId: number; from: Date; to: Date }[],
  now: Date,
  org: Organisation,
): Promise<ServiceDowntimeTotal[]> {
  const rawFrom = rawFromOf(now, org)
  const byService = new Map<number, { incidents: Set<number>; windows: TimeRange[] }>()
  for (const r of windows) {
    const w = { from: r.from, to: r.to }
    if (ms(w.from) >= ms(w.to)) continue
    const entry = byService.get(r.serviceId) ?? { incidents: new Set(), windows: [] }
    entry.incidents.add(r.id)
    entry.windows.push(ms(w.from) >= rawFrom ? w : wholeHours(w))
    byService.set(r.serviceId, entry)
  }
  const spans = [...byService].flatMap(([serviceId, e]) =>
    merge(e.windows).map((w, n) => ({ key: `${serviceId}:${n}`, range: w, serviceId })),
  )
  const ids = [...byService.keys()]
  const [facts, counts] = await Promise.all([
    serviceFacts(db, ids),
    countSpans(db, spans, ids, now, org),
  ])
  const totals = [...byService].map(([serviceId, e]): ServiceDowntimeTotal => {
    const f = facts.get(serviceId)
    const down = spans
      .filter((s) => s.serviceId === serviceId)
      .reduce((sum, s) => sum + counts.of(s.key, serviceId).down, 0)
    const minutes = minutesOf(down, f)
    return {
      serviceId,
      slug: f?.slug ?? '',
      incidents: e.incidents.size,
      downtimeMinutes: minutes,
      budgetShare: shareOf(minutes, f),
    }
  })
  return totals.sort(
    (a, b) => b.downtimeMinutes - a.downtimeMinutes || a.slug.localeCompare(b.slug),
  )
}

// A window read from whole hours covers the hours that hold its ends: widened to them before
// merging, two windows sharing an hour are merged rather than both counting it.
const wholeHours = (w: TimeRange): TimeRange => ({
  from: new Date(Math.floor(ms(w.from) / HOUR_MS) * HOUR_MS),
  to: new Date(Math.ceil(ms(w.to) / HOUR_MS) * HOUR_MS),
})

/** Overlapping or touching windows joined, in time order. */
function merge(windows: readonly TimeRange[]): TimeRange[] {
  const sorted = [...windows].sort((a, b) => ms(a.from) - ms(b.from))
  const out: TimeRange[] = []
  for (const w of sorted) {
    const last = out.at(-1)
    if (last && ms(w.from) <= ms(last.to)) last.to = maxDate(last.to, w.to)
    else out.push({ ...w })
  }
  return out
}
