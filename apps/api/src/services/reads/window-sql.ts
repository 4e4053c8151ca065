import { type Database, mergeRanges, type SignedSpan, spanSegments } from '@opsdeck/db'
import { HISTOGRAM_BUCKETS } from '@opsdeck/kpi'
import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { TimeRange } from '../../lib/range.ts'
import type { WindowSpans } from './window-spans.ts'

/** A window of the figures, named by `key`, and where its samples are read from. */
export interface WindowSpec {
  key: string
  spans: WindowSpans
}

export interface CountsRow {
  key: string
  serviceId: number
  up: number
  degraded: number
  down: number
  maintenance: number
}

export interface HistRow {
  key: string
  serviceId: number
  /** Merged latency histogram, bucket i at index i (packages/kpi's layout). */
  hist: number[]
  latencyCount: number
  latencyMaxMs: number | null
}

/** Rows read in one statement with the zone whose days the daily rollups held meanwhile. */
export interface InZone<T> {
  rows: T[]
  dailyZone: string
}

const between = (column: string, r: TimeRange) =>
  sql`${sql.ref(column)} >= ${r.from} AND ${sql.ref(column)} < ${r.to}`

const HOUR_MS = 3_600_000

// One service (the detail page) as an equality: a simpler plan, quicker to make.
const ofServices = (ids: readonly number[] | null) =>
  ids === null
    ? sql``
    : ids.length === 1
      ? sql`AND service_id = ${ids[0]}`
      : sql`AND service_id IN (SELECT unnest(${[...ids]}::bigint[]))`

// A raw span is cut at the tops of hours; a piece more than half of its hour (the hour holding
// now, mostly) is read as that hour's rollup less the raw samples of the rest of the hour: the
// same counts, as the rollups are kept in the ingest's transaction, from far fewer rows (after
// now there are normally none). At most half an hour of raw samples per piece is read.
function rawPieces(r: TimeRange): { hourly: TimeRange[]; plus: TimeRange[]; minus: TimeRange[] } {
  const out = { hourly: [] as TimeRange[], plus: [] as TimeRange[], minus: [] as TimeRange[] }
  let at = r.from.getTime()
  const end = r.to.getTime()
  while (at < end) {
    const h0 = Math.floor(at / HOUR_MS) * HOUR_MS
    const h1 = h0 + HOUR_MS
    const to = Math.min(end, h1)
    if (to - at > HOUR_MS / 2) {
      out.hourly.push({ from: new Date(h0), to: new Date(h1) })
      if (h0 < at) out.minus.push({ from: new Date(h0), to: new Date(at) })
      if (to < h1) out.minus.push({ from: new Date(to), to: new Date(h1) })
    } else {
      out.plus.push({ from: new Date(at), to: new Date(to) })
    }
    at = to
  }
  return out
}

type Source = 'daily' | 'hourly' | 'raw'

/** The spans a window adds (or, raw, takes away) from each table. */
function spansOf(w: WindowSpec): Record<Source, SignedSpan[]> {
  const span = (r: TimeRange, sign: 1 | -1 = 1): SignedSpan => ({
    win: w.key,
    sign,
    lo: r.from,
    hi: r.to,
  })
  const { daily, hourly, raw } = w.spans
  const pieces = raw.map(rawPieces)
  return {
    daily: daily.from < daily.to ? [span(daily)] : [],
    hourly: [...hourly, ...pieces.flatMap((p) => p.hourly)].map((r) => span(r)),
    raw: [
      ...pieces.flatMap((p) => p.plus).map((r) => span(r)),
      ...pieces.flatMap((p) => p.minus).map((r) => span(r, -1)),
    ],
  }
}

// Each table's rows counted per (service, segment) in one scan of the spans' union; counted as
// the rollups count them for raw samples: maintenance first, else the sample's status.
const TABLES: Record<Source, { table: string; at: string; counts: string }> = {
  daily: {
    table: 'check_rollup_daily',
    at: 'bucket_start',
    counts: 'sum(up), sum(degraded), sum(down), sum(maintenance)',
  },
  hourly: {
    table: 'check_rollup_hourly',
    at: 'bucket_start',
    counts: 'sum(up), sum(degraded), sum(down), sum(maintenance)',
  },
  raw: {
    table: 'check_samples',
    at: 'checked_at',
    counts: `count(*) FILTER (WHERE NOT in_maintenance AND status = 'up'),
      count(*) FILTER (WHERE NOT in_maintenance AND status = 'degraded'),
      count(*) FILTER (WHERE NOT in_maintenance AND status = 'down'),
      count(*) FILTER (WHERE in_maintenance)`,
  },
}

function sourceCounts(src: Source, spans: readonly SignedSpan[], ids: readonly number[] | null) {
  const { table, at, counts } = TABLES[src]
  const seg = spanSegments(spans)
  // The union of the spans as literal bounds, so the planner prunes partitions and reads only
  // those ranges.
  const ranges = sql.join(
    mergeRanges(spans).map((r) => sql`(${sql.ref(at)} >= ${r.lo} AND ${sql.ref(at)} < ${r.hi})`),
    sql` OR `,
  )
  return sql`
    SELECT m.key, c.service_id, m.sign * c.up AS up, m.sign * c.degraded AS degraded,
      m.sign * c.down AS down, m.sign * c.maintenance AS maintenance
    FROM (
      SELECT service_id, width_bucket(${sql.ref(at)}, ${seg.bounds}::timestamptz[]) AS seg,
        ${sql.raw(counts)}
      FROM ${sql.table(table)}
      WHERE (${ranges}) ${ofServices(ids)}
      GROUP BY 1, 2
    ) AS c (service_id, seg, up, degraded, down, maintenance)
    JOIN unnest(${seg.wins}::text[], ${seg.segs}::int[], ${seg.signs}::int[]) AS m (key, seg, sign)
      USING (seg)`
}

/**
 * Sample counts per (window, service), summed in one statement from the daily and hourly
 * rollups and the raw samples of each window's spans, each table read once whatever the number
 * of windows (a few scans to plan, not one per span); `ids` null for every service.
 */
export async function windowCounts(
  db: Kysely<Database>,
  windows: readonly WindowSpec[],
  ids: readonly number[] | null,
): Promise<InZone<CountsRow>> {
  const spans = windows.map(spansOf)
  const parts = (['daily', 'hourly', 'raw'] as const).flatMap((src) => {
    const of = spans.flatMap((s) => s[src])
    return of.length ? [sourceCounts(src, of, ids)] : []
  })
  const union = parts.length
    ? sql.join(parts, sql` UNION ALL `)
    : sql`SELECT NULL::text AS key, NULL::bigint AS service_id, 0 AS up, 0 AS degraded, 0 AS down, 0 AS maintenance`
  const { rows } = await sql<CountsRow & { dailyZone: string }>`
    WITH agg AS (
      SELECT key, service_id, sum(up)::int AS up, sum(degraded)::int AS degraded,
        sum(down)::int AS down, sum(maintenance)::int AS maintenance
      FROM (${union}) AS parts
      WHERE key IS NOT NULL
      GROUP BY key, service_id
    )
    SELECT z.daily_rollup_timezone AS daily_zone, agg.*
    FROM organisation_settings z LEFT JOIN agg ON true
  `.execute(db)
  return inZone(rows)
}

// The merged histogram as one array: a sum per bucket position over the rows, no unnest.
export const HIST_SUMS = sql.raw(
  `ARRAY[${Array.from(
    { length: HISTOGRAM_BUCKETS },
    (_, i) => `coalesce(sum(latency_hist[${i + 1}]), 0)`,
  ).join(', ')}]::int[]`,
)

/**
 * Merged latency histograms per (window, service) from the rollups of each window's spans
 * (whole hours: raw spans are read as the hours that hold them).
 */
export async function windowHistograms(
  db: Kysely<Database>,
  windows: readonly WindowSpec[],
  ids: readonly number[] | null,
): Promise<InZone<HistRow>> {
  const parts = windows.flatMap((w) => {
    const cols = sql`${w.key}::text AS key, service_id, latency_hist, latency_count, latency_max_ms`
    const { daily, hourly, raw } = w.spans
    const hours = [...hourly, ...raw.map(toWholeHours)]
    const out: RawBuilder<unknown>[] = []
    if (daily.from < daily.to) {
      out.push(
        sql`SELECT ${cols} FROM check_rollup_daily WHERE ${between('bucket_start', daily)} ${ofServices(ids)}`,
      )
    }
    for (const h of hours) {
      out.push(
        sql`SELECT ${cols} FROM check_rollup_hourly WHERE ${between('bucket_start', h)} ${ofServices(ids)}`,
      )
    }
    return out
  })
  if (parts.length === 0) return { rows: [], dailyZone: '' }
  const { rows } = await sql<HistRow & { dailyZone: string }>`
    WITH agg AS (
      SELECT key, service_id, ${HIST_SUMS} AS hist, sum(latency_count)::int AS latency_count,
        max(latency_max_ms) AS latency_max_ms
      FROM (${sql.join(parts, sql` UNION ALL `)}) AS parts
      GROUP BY key, service_id
    )
    SELECT z.daily_rollup_timezone AS daily_zone, agg.*
    FROM organisation_settings z LEFT JOIN agg ON true
  `.execute(db)
  return inZone(rows)
}

const toWholeHours = (r: TimeRange): TimeRange => ({
  from: new Date(Math.floor(r.from.getTime() / HOUR_MS) * HOUR_MS),
  to: r.to,
})

function inZone<T extends { key: string | null; dailyZone: string }>(
  rows: T[],
): InZone<Omit<T, 'dailyZone'>> {
  const dailyZone = rows[0]?.dailyZone ?? ''
  const kept = rows
    .filter((r) => r.key !== null)
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- checked by the caller
    .map(({ dailyZone, ...row }) => row)
  return { rows: kept, dailyZone }
}

// A re-label of the daily rollups takes seconds at least: two between two reads do not happen.
const MAX_ATTEMPTS = 3

/**
 * Runs `read` with the spans of `zone`'s days and, should a statement have seen the daily
 * rollups in another zone (the worker re-labelled them meanwhile), again in that zone: whole
 * days are never taken as days of the wrong zone. `read` returns the zones its statements saw.
 */
export async function inDailyZone<T>(
  zone: string,
  read: (zone: string) => Promise<{ result: T; seen: readonly string[] }>,
): Promise<T> {
  let current = zone
  for (let attempt = 1; ; attempt++) {
    const { result, seen } = await read(current)
    const other = seen.find((z) => z !== '' && z !== current)
    if (other === undefined) return result
    if (attempt === MAX_ATTEMPTS) throw new Error('the daily rollups kept changing zone')
    current = other
  }
}
