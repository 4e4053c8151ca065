import { TZDate } from '@date-fns/tz'
import type { Database } from '@opsdeck/db'
import { percentile, uptime } from '@opsdeck/kpi'
import { differenceInCalendarDays, format, startOfDay } from 'date-fns'
import type { Kysely } from 'kysely'
import { listServiceIncidents } from '../../incidents/queries.ts'
import type { TimeRange } from '../../lib/range.ts'
import type { Scope } from '../../lib/scope.ts'
import { burnDown } from './burn-down.ts'
import { incidentJson, maintenanceJson } from './markers.ts'
import { maintenanceOverlapping, type ServiceDetailRow } from './queries.ts'
import type { ServiceSeries } from './schemas.ts'
import { dailySeries, hourlySeries, rawSeries, type SeriesRow } from './series-queries.ts'
import { inDailyZone } from './window-sql.ts'
import { lastLocalDays } from './local-days.ts'

export const MAX_POINTS = 1000
const HOUR_S = 3600
const DAY_MS = 86_400_000
// Finest first: the first that keeps the range within MAX_POINTS is used.
const RAW_STEPS = [60, 300, 900, 1800]
const HOURLY_STEPS = [3600, 3 * 3600]

type Source = ServiceSeries['source']

/** The bucket for a range: raw samples while they are kept, else hours, else local days. */
export function chooseBucket(range: TimeRange, rawFrom: Date): { seconds: number; source: Source } {
  const rangeS = (range.to.getTime() - range.from.getTime()) / 1000
  // One more bucket than the range holds whole when it starts mid-bucket.
  const fits = (s: number) => Math.ceil(rangeS / s) + 1 <= MAX_POINTS
  if (range.from.getTime() >= rawFrom.getTime()) {
    const raw = RAW_STEPS.find(fits)
    if (raw) return { seconds: raw, source: 'raw' }
  }
  const hourly = HOURLY_STEPS.find(fits)
  if (hourly) return { seconds: hourly, source: 'hourly' }
  return { seconds: 86_400, source: 'daily' }
}

/** Uptime and latency over the range in at most MAX_POINTS buckets, with markers and burn-down. */
export async function serviceSeries(
  db: Kysely<Database>,
  s: ServiceDetailRow,
  { range, now, org }: Scope,
): Promise<ServiceSeries> {
  // The retention comes with the organisation's settings, already read for the scope.
  const retention = org.rawSampleRetentionDays
  const rawFrom = new Date(now.getTime() - (retention - 1) * DAY_MS)
  const bucket = chooseBucket(range, rawFrom)
  const interval = s.checkIntervalSeconds

  // The points, the markers and the burn-down at once: none needs another's result.
  const pointsRead = inDailyZone(org.dailyRollupTimezone, async (zone) => {
    if (bucket.source === 'daily') {
      const first = startOfDay(new TZDate(range.from.getTime(), zone))
      const count = differenceInCalendarDays(new TZDate(range.to.getTime() - 1, zone), first) + 1
      const days = lastLocalDays(new Date(range.to.getTime() - 1), zone, count)
      const from = days[0]?.from ?? range.from
      const read = await dailySeries(
        db,
        s.id,
        { from, to: range.to },
        format(first, 'yyyy-MM-dd'),
        zone,
      )
      const byK = new Map(read.rows.map((r) => [r.k, r]))
      const points = days.map((d, k) => point(d.from, d.to, byK.get(k), interval, now))
      return { result: points, seen: [read.dailyZone] }
    }
    const step = bucket.seconds
    // Buckets from the range's start (its hour for rollups), whole minutes or hours.
    const origin = floorTo(range.from, bucket.source === 'raw' ? step : HOUR_S)
    const span = { from: origin, to: range.to }
    const rows =
      bucket.source === 'raw'
        ? await rawSeries(db, s.id, span, step)
        : await hourlySeries(db, s.id, span, step)
    const byK = new Map(rows.map((r) => [Number(r.k), r]))
    const count = Math.ceil((range.to.getTime() - origin.getTime()) / 1000 / step)
    const points = Array.from({ length: count }, (_, k) => {
      const at = new Date(origin.getTime() + k * step * 1000)
      return point(at, new Date(at.getTime() + step * 1000), byK.get(k), interval, now)
    })
    return { result: points, seen: [] }
  })

  const [points, maintenance, incidents, budget] = await Promise.all([
    pointsRead,
    maintenanceOverlapping(db, s.id, range),
    listServiceIncidents(db, s.id, { range, limit: 200 }),
    burnDown(db, s, now),
  ])
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    bucketSeconds: bucket.seconds,
    source: bucket.source,
    points,
    markers: {
      maintenance: maintenance.map(maintenanceJson),
      incidents: incidents.map(incidentJson),
    },
    budget,
  }
}

const floorTo = (d: Date, seconds: number) =>
  new Date(Math.floor(d.getTime() / 1000 / seconds) * seconds * 1000)

function point(at: Date, end: Date, row: SeriesRow | undefined, interval: number, now: Date) {
  const counts = row
    ? { up: row.up, degraded: row.degraded, down: row.down, maintenance: row.maintenance }
    : { up: 0, degraded: 0, down: 0, maintenance: 0 }
  const observedMs = Math.max(0, Math.min(end.getTime(), now.getTime()) - at.getTime())
  const u = uptime({ ...counts, expected: observedMs / 1000 / interval })
  const hist: number[] = []
  row?.pos?.forEach((p, i) => {
    hist[p] = (hist[p] ?? 0) + (row.n?.[i] ?? 0)
  })
  for (let i = 0; i < hist.length; i++) hist[i] ??= 0
  const maxMs = row?.maxMs ?? null
  return {
    at: at.toISOString(),
    counts,
    uptime: u.uptime,
    coverage: observedMs > 0 ? u.coverage : null,
    p50: percentile(hist, 0.5, { maxMs }),
    p95: percentile(hist, 0.95, { maxMs }),
  }
}
