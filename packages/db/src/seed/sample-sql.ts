import { type RawBuilder, sql, type Transaction } from 'kysely'
import type { Database } from '../schema/index.ts'
import { latencyShape } from './latency-shape.ts'
import { createRng } from './rng.ts'

/** What the sample generator needs: its seed (hashed with each minute) and the local zone. */
export interface SampleStream {
  seed: number
  tz: string
}

export interface ParamsInput {
  id: number
  slug: string
  tier: number
  baseMs: number
  degradedMs: number
}

/**
 * A service's latency character, drawn from a stream of its own (seed and slug), so the live
 * simulator derives the same values as the seed did, whatever other services exist.
 */
export function serviceParams(seed: number, s: ParamsInput) {
  const rng = createRng(seed).fork(`service-params:${s.slug}`)
  const sigma = 0.22 + rng.float() * 0.18
  const base = Math.round(s.baseMs * (0.85 + rng.float() * 0.3))
  const blip = s.tier <= 1 ? 0.00004 : s.tier === 2 ? 0.0001 : 0.0002
  return { sigma, base, blip, shape: latencyShape(sigma) }
}

// Per-service sample behaviour, kept in a temporary table that the generators join.
export async function createServiceParams(
  db: Transaction<Database>,
  seed: number,
  services: ParamsInput[],
): Promise<void> {
  const rows = services.map((s) => {
    const { sigma, base, blip, shape } = serviceParams(seed, s)
    return sql`(${s.id}::bigint, ${base}::float8, ${sigma}::float8, ${s.degradedMs}::int, ${blip}::float8,
      ${`{${shape.counts.join(',')}}`}::int[], ${`{${shape.countsBlip.join(',')}}`}::int[],
      ${`{${shape.tail.join(',')}}`}::int[], ${`{${shape.tailBlip.join(',')}}`}::int[],
      ${shape.lo}::int, ${shape.hi}::int, ${shape.weight}::float8, ${shape.weightBlip}::float8)`
  })
  await sql`
    CREATE TEMP TABLE seed_service_params ON COMMIT DROP AS
    SELECT * FROM (VALUES ${sql.join(rows)}) AS v (service_id, base_ms, sigma, degraded_ms,
      blip_rate, shape, shape_blip, tail, tail_blip, lo, hi, weight, weight_blip)
  `.execute(db)
}

// The first whole minute at or after an instant: samples are taken on the minute.
const ceilMinute = (col: string) => {
  const floor = `date_trunc('minute', ${col}, 'UTC')`
  return sql.raw(`(${floor} + CASE WHEN ${col} > ${floor} THEN interval '1 minute' ELSE '0' END)`)
}

/**
 * The minutes in [from, to] on which something happened to a service: incident impact
 * (2 outage, 1 degraded) from started_at until mitigated_at (else resolved_at, else still going
 * at `to`), and maintenance windows, some of which take the service down.
 */
export async function createMinuteFlags(
  db: Transaction<Database>,
  seed: number,
  { from, to }: { from: Date; to: Date },
): Promise<void> {
  await sql`
    CREATE TEMP TABLE seed_minute_flags ON COMMIT DROP AS
    SELECT service_id, ts, max(level) AS level, bool_or(maint) AS maint,
      bool_or(maint_down) AS maint_down
    FROM (
      SELECT s.service_id, g.ts, CASE s.impact WHEN 'outage' THEN 2 ELSE 1 END AS level,
        false AS maint, false AS maint_down
      FROM incident_services s JOIN incidents i ON i.id = s.incident_id
      CROSS JOIN LATERAL (SELECT coalesce(i.mitigated_at, i.resolved_at,
        ${to}::timestamptz + interval '1 minute') AS ends) e
      CROSS JOIN LATERAL generate_series(${ceilMinute('i.started_at')}, e.ends, interval '1 minute') AS g (ts)
      WHERE g.ts < e.ends AND e.ends > ${from} AND i.started_at <= ${to}
      UNION ALL
      SELECT m.service_id, g.ts, 0, true, (hashint8extended(m.id, ${seed}) & 7) < 5
      FROM maintenance_windows m
      CROSS JOIN LATERAL generate_series(${ceilMinute('m.starts_at')}, m.ends_at, interval '1 minute') AS g (ts)
      WHERE g.ts < m.ends_at AND m.ends_at > ${from} AND m.starts_at <= ${to}
    ) AS x
    WHERE ts >= ${from} AND ts <= ${to}
    GROUP BY 1, 2
  `.execute(db)
  await sql`ANALYZE seed_minute_flags`.execute(db)
}

// Relative load by local hour: busy in working hours on weekdays, quiet at night and weekends.
// prettier-ignore
const WEEKDAY = [0.75, 0.72, 0.72, 0.72, 0.74, 0.78, 0.85, 0.98, 1.2, 1.45, 1.55, 1.5, 1.38, 1.45, 1.5, 1.42, 1.3, 1.1, 0.95, 0.9, 0.86, 0.82, 0.8, 0.77]
// prettier-ignore
const WEEKEND = [0.75, 0.72, 0.72, 0.72, 0.72, 0.74, 0.76, 0.8, 0.86, 0.9, 0.92, 0.92, 0.9, 0.9, 0.9, 0.88, 0.86, 0.84, 0.83, 0.82, 0.8, 0.78, 0.77, 0.76]

/** The load factor for a column holding a local timestamp (`ts AT TIME ZONE tz`). */
export function loadFactorSql(local: string): RawBuilder<number> {
  return sql.raw(`(CASE WHEN extract(isodow FROM ${local}) >= 6
    THEN ('{${WEEKEND.join(',')}}'::float8[])[extract(hour FROM ${local})::int + 1]
    ELSE ('{${WEEKDAY.join(',')}}'::float8[])[extract(hour FROM ${local})::int + 1] END)`)
}

// Four uniforms in [0, 1) from two 64-bit hashes, 26 bits each (u1 avoids 0 for ln()).
export const UNIFORMS = sql.raw(`((h1 & 67108863) + 0.5)::float8 / 67108864 AS u1,
  ((h1 >> 26) & 67108863)::float8 / 67108864 AS u2, (h2 & 67108863)::float8 / 67108864 AS u3,
  ((h2 >> 26) & 67108863)::float8 / 67108864 AS u4`)

/**
 * check_samples rows for a relation `minutes (service_id, ts)`. Randomness comes from a hash of
 * (service, minute) and the seed, never random(), so the output does not depend on row order.
 * Each stage is fenced with OFFSET 0 so PostgreSQL computes a value once instead of inlining
 * the expression wherever it is used.
 */
export function sampleSelect(ctx: SampleStream, minutes: RawBuilder<unknown>): RawBuilder<unknown> {
  // Hash the minute number with a seed per (run, service, stream): 4x cheaper than hashing text.
  const minute = sql.raw(`extract(epoch FROM m.ts)::bigint / 60`)
  const stream = (k: number) => sql.raw(`${ctx.seed * 4096 + k}::bigint + m.service_id * 4`)
  return sql`
    SELECT service_id, ts AS checked_at,
      CASE WHEN kind IN ('maintenance', 'outage', 'blip') THEN 'down'
        WHEN kind = 'degraded' OR lat > degraded_ms THEN 'degraded' ELSE 'up' END AS status,
      maint AS in_maintenance,
      CASE kind WHEN 'normal' THEN round(lat)::int
        WHEN 'degraded' THEN round(degraded_ms * (1.05 + u2) + lat * 0.2)::int
        WHEN 'maintenance' THEN round(20 + 30 * u1)::int
        WHEN 'outage' THEN CASE WHEN u4 < 0.6 THEN round(20 + 80 * u1)::int END END AS latency_ms,
      CASE WHEN kind IN ('normal', 'degraded') THEN 200
        WHEN kind = 'maintenance' OR (kind = 'outage' AND u4 < 0.6) THEN 503 END AS http_status,
      CASE kind WHEN 'maintenance' THEN 'HTTP 503: planned maintenance'
        WHEN 'outage' THEN CASE WHEN u4 < 0.6 THEN 'HTTP 503 Service Unavailable'
          ELSE 'timeout after 10000 ms' END
        WHEN 'blip' THEN CASE WHEN u4 < 0.5 THEN 'connection reset by peer'
          ELSE 'timeout after 10000 ms' END END AS error
    FROM (
      SELECT *,
        CASE WHEN maint_down THEN 'maintenance' WHEN level = 2 THEN 'outage'
          WHEN level = 1 THEN 'degraded' WHEN level IS NULL AND NOT maint AND u3 < blip_rate
          THEN 'blip' ELSE 'normal' END AS kind,
        -- log-normal around the hour's load, with rare 3-8x spikes
        base_ms * ${loadFactorSql('local')} * exp(sigma * sqrt(-2 * ln(u1)) * cos(2 * pi() * u2))
          * CASE WHEN u4 < 0.003 THEN 3 + u4 * 1666 ELSE 1 END AS lat
      FROM (
        SELECT m.service_id, m.ts, m.local, p.base_ms, p.sigma, p.degraded_ms, p.blip_rate,
          f.level, coalesce(f.maint, false) AS maint, coalesce(f.maint_down, false) AS maint_down,
          ${UNIFORMS}
        FROM (
          SELECT m.service_id, m.ts, m.ts AT TIME ZONE ${ctx.tz} AS local,
            hashint8extended(${minute}, ${stream(0)}) AS h1,
            hashint8extended(${minute}, ${stream(1)}) AS h2
          FROM (${minutes}) AS m
          OFFSET 0
        ) AS m
        JOIN seed_service_params p ON p.service_id = m.service_id
        LEFT JOIN seed_minute_flags f ON f.service_id = m.service_id AND f.ts = m.ts
        OFFSET 0
      ) AS b
      OFFSET 0
    ) AS k
  `
}
