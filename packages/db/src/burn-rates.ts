import { BURN_WINDOW_MINUTES, BURN_WINDOWS, type BurnWindow } from '@opsdeck/kpi'
import { type Kysely, sql } from 'kysely'
import type { Database } from './schema/index.ts'

/** Disjoint sample counts of one window (maintenance first, else the sample's status). */
export type WindowCounts = { up: number; degraded: number; down: number; maintenance: number }

export type ServiceBurnCounts = {
  serviceId: number
  windows: Record<BurnWindow, WindowCounts>
}

export type BurnRateCountsArgs = {
  now: Date
  /** These services (archived or not); without it, every service not archived. */
  serviceIds?: readonly number[]
}

const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000

/** Samples of [lo, hi) that the window adds (sign 1) or takes away (sign −1). */
type Span = { win: BurnWindow; src: 'raw' | 'hourly'; sign: 1 | -1; lo: Date; hi: Date }

// Each window is [now − w, now), exactly. A window of whole hours is its hourly rollups from the
// hour holding its start to the hour holding now, less the raw samples of that first hour before
// the start and those stamped after now (a clock ahead; normally none). When the start is past
// the half hour, its hour's remainder is read raw instead, whichever is shorter: at most 30
// minutes of raw samples per window, whatever its length. Windows under an hour are raw only.
export function burnRateSpans(now: Date): Span[] {
  const t = now.getTime()
  const hour = Math.floor(t / HOUR_MS) * HOUR_MS
  const spans: Span[] = []
  const add = (win: BurnWindow, src: Span['src'], sign: Span['sign'], lo: number, hi: number) => {
    if (lo < hi) spans.push({ win, src, sign, lo: new Date(lo), hi: new Date(hi) })
  }
  for (const win of BURN_WINDOWS) {
    const lo = t - BURN_WINDOW_MINUTES[win] * MINUTE_MS
    if (BURN_WINDOW_MINUTES[win] < 60) {
      add(win, 'raw', 1, lo, t)
      continue
    }
    const first = Math.floor(lo / HOUR_MS) * HOUR_MS
    if (lo - first <= HOUR_MS / 2) {
      add(win, 'hourly', 1, first, hour + HOUR_MS)
      add(win, 'raw', -1, first, lo)
    } else {
      add(win, 'raw', 1, lo, first + HOUR_MS)
      add(win, 'hourly', 1, first + HOUR_MS, hour + HOUR_MS)
    }
    // Up to the end of now's hour, which no one can have checked yet but a clock ahead.
    add(win, 'raw', -1, t, hour + HOUR_MS)
  }
  return spans
}

/**
 * Per service, its sample counts over each burn-rate window (5 min … 3 days) ending at `now`, in
 * one statement, exact to the sample: hourly rollups and the raw samples of the hours' edges (see
 * burnRateSpans), each table read once with literal bounds.
 */
export async function burnRateCounts(
  db: Kysely<Database>,
  args: BurnRateCountsArgs,
): Promise<ServiceBurnCounts[]> {
  const { rows } = await burnRateCountsQuery(args).execute(db)
  const byService = new Map<number, ServiceBurnCounts>()
  for (const { serviceId, win, ...counts } of rows) {
    let entry = byService.get(serviceId)
    if (!entry) {
      entry = { serviceId, windows: {} as Record<BurnWindow, WindowCounts> }
      byService.set(serviceId, entry)
    }
    entry.windows[win] = counts
  }
  return [...byService.values()]
}

/** The statement, one row per (service, window); exported for EXPLAIN. */
export function burnRateCountsQuery(args: BurnRateCountsArgs) {
  const spans = burnRateSpans(args.now)
  const raw = spanSegments(spans.filter((s) => s.src === 'raw'))
  const hourly = spanSegments(spans.filter((s) => s.src === 'hourly'))
  // The union of the raw spans, so the planner prunes partitions and reads only those ranges.
  const rawRange = sql.join(
    mergeRanges(spans.filter((s) => s.src === 'raw')).map(
      (r) => sql`(c.checked_at >= ${r.lo} AND c.checked_at < ${r.hi})`,
    ),
    sql` OR `,
  )
  const services =
    args.serviceIds === undefined
      ? sql`SELECT id FROM services WHERE archived_at IS NULL`
      : sql`SELECT id FROM services WHERE id = ANY(${[...args.serviceIds]}::bigint[])`

  // Each table is read once: its rows are counted per (service, segment), the segments being the
  // pieces between the spans' edges; each window then adds up the segments it covers.
  return sql<WindowCounts & { serviceId: number; win: BurnWindow }>`
    WITH svc AS (${services}),
    raw AS (
      SELECT c.service_id, width_bucket(c.checked_at, ${raw.bounds}::timestamptz[]) AS seg,
        count(*) FILTER (WHERE NOT c.in_maintenance AND c.status = 'up') AS up,
        count(*) FILTER (WHERE NOT c.in_maintenance AND c.status = 'degraded') AS degraded,
        count(*) FILTER (WHERE NOT c.in_maintenance AND c.status = 'down') AS down,
        count(*) FILTER (WHERE c.in_maintenance) AS maintenance
      FROM check_samples c
      WHERE (${rawRange}) AND c.service_id IN (SELECT id FROM svc)
      GROUP BY 1, 2
    ),
    hourly AS (
      SELECT h.service_id, width_bucket(h.bucket_start, ${hourly.bounds}::timestamptz[]) AS seg,
        sum(h.up) AS up, sum(h.degraded) AS degraded, sum(h.down) AS down,
        sum(h.maintenance) AS maintenance
      FROM check_rollup_hourly h
      WHERE h.bucket_start >= ${hourly.from} AND h.bucket_start < ${hourly.to}
        AND h.service_id IN (SELECT id FROM svc)
      GROUP BY 1, 2
    ),
    parts AS (
      SELECT m.win, r.service_id, m.sign * r.up AS up, m.sign * r.degraded AS degraded,
        m.sign * r.down AS down, m.sign * r.maintenance AS maintenance
      FROM raw r
      JOIN unnest(${raw.wins}::text[], ${raw.segs}::int[], ${raw.signs}::int[]) AS m (win, seg, sign)
        USING (seg)
      UNION ALL
      SELECT m.win, h.service_id, m.sign * h.up, m.sign * h.degraded, m.sign * h.down,
        m.sign * h.maintenance
      FROM hourly h
      JOIN unnest(${hourly.wins}::text[], ${hourly.segs}::int[], ${hourly.signs}::int[])
        AS m (win, seg, sign) USING (seg)
    )
    SELECT svc.id AS service_id, w.win,
      coalesce(sum(p.up), 0)::int AS up, coalesce(sum(p.degraded), 0)::int AS degraded,
      coalesce(sum(p.down), 0)::int AS down, coalesce(sum(p.maintenance), 0)::int AS maintenance
    FROM svc
    CROSS JOIN unnest(${[...BURN_WINDOWS]}::text[]) AS w (win)
    LEFT JOIN parts p ON p.service_id = svc.id AND p.win = w.win
    GROUP BY 1, 2
    ORDER BY 1
  `
}

// Cuts the spans' edges into segments as PostgreSQL's width_bucket(x, bounds) numbers them
// (segment k is [bounds[k - 1], bounds[k]) here, 1-based there) and lists the (window, segment)
// pairs each span covers. Without spans, one empty segment that matches nothing.
export function spanSegments<W extends string>(spans: readonly SignedSpan<W>[]) {
  const bounds = [...new Set(spans.flatMap((s) => [+s.lo, +s.hi]))].sort((a, b) => a - b)
  const wins: W[] = []
  const segs: number[] = []
  const signs: number[] = []
  for (const s of spans) {
    for (let k = 1; k < bounds.length; k++) {
      if (bounds[k - 1]! >= +s.lo && bounds[k]! <= +s.hi) {
        wins.push(s.win)
        segs.push(k)
        signs.push(s.sign)
      }
    }
  }
  const edge = bounds.length === 0 ? [0] : bounds
  return {
    bounds: edge.map((b) => new Date(b)),
    from: new Date(edge[0]!),
    to: new Date(edge.at(-1)!),
    wins,
    segs,
    signs,
  }
}

/** Instants [lo, hi) that a window `win` adds (sign 1) or takes away (sign −1). */
export type SignedSpan<W extends string = string> = { win: W; sign: 1 | -1; lo: Date; hi: Date }

// Overlapping spans (every window's last one is the same) merged: each instant read once.
export function mergeRanges(spans: readonly { lo: Date; hi: Date }[]): { lo: Date; hi: Date }[] {
  const sorted = [...spans].sort((a, b) => +a.lo - +b.lo)
  const merged: { lo: Date; hi: Date }[] = []
  for (const { lo, hi } of sorted) {
    const last = merged.at(-1)
    if (last && +lo <= +last.hi) {
      if (+hi > +last.hi) last.hi = hi
    } else {
      merged.push({ lo, hi })
    }
  }
  return merged
}
