import { bucketIndexSql } from '@opsdeck/kpi'
import { sql } from 'kysely'
import { upsertHourlyFrom } from '../rollups.ts'
import type { SeedContext } from './context.ts'
import { loadFactorSql, sampleSelect } from './sample-sql.ts'
import { addDays, DAY } from './time.ts'

const utcDay = (at: Date) => at.toISOString().slice(0, 10)

/** One sample a minute per service from rawStart to now, generated inside PostgreSQL. */
export async function seedRawSamples(ctx: SeedContext): Promise<number> {
  const { db, rawStart, now } = ctx
  await sql`SELECT ensure_check_sample_partitions(${addDays(utcDay(rawStart), -1)}::date,
    ${utcDay(new Date(now.getTime() + 7 * DAY))}::date)`.execute(db)
  // Time-major order keeps each day's rows together for the BRIN index.
  const minutes = sql`SELECT p.service_id, g.ts
    FROM generate_series(${rawStart}::timestamptz, ${now}::timestamptz, interval '1 minute') AS g (ts)
    CROSS JOIN seed_service_params p`
  const result = await sql`
    INSERT INTO check_samples (service_id, checked_at, status, in_maintenance, latency_ms,
      http_status, error)
    ${sampleSelect(ctx, minutes)}
  `.execute(db)
  return Number(result.numAffectedRows ?? 0)
}

/**
 * Hourly rollups before the raw window (no raw samples are kept there). Hours touched by an
 * incident or maintenance are generated minute by minute exactly like raw samples and rolled up;
 * every other hour is 60 healthy checks whose histogram is the service's shape shifted to the
 * hour's median latency.
 */
export async function seedHistory(ctx: SeedContext): Promise<number> {
  const { db, historyStart: from, rawStart: to } = ctx
  if (to <= from) return 0
  await sql`CREATE TEMP TABLE seed_history_samples (LIKE check_samples) ON COMMIT DROP`.execute(db)
  const eventful = sql`SELECT hours.service_id, g.ts
    FROM (SELECT DISTINCT service_id, date_trunc('hour', ts, 'UTC') AS hour FROM seed_minute_flags
      WHERE ts >= ${from} AND ts < ${to}) AS hours
    CROSS JOIN LATERAL generate_series(hours.hour, hours.hour + interval '59 minutes',
      interval '1 minute') AS g (ts)`
  await sql`INSERT INTO seed_history_samples ${sampleSelect(ctx, eventful)}`.execute(db)
  await upsertHourlyFrom(db, sql.table('seed_history_samples'), from, to)

  // Stages fenced with OFFSET 0 so each value is computed once, not inlined at every use.
  const tz = sql.lit(ctx.tz)
  const result = await sql`
    INSERT INTO check_rollup_hourly (service_id, bucket_start, samples, up, degraded, down,
      maintenance, latency_count, latency_sum_ms, latency_max_ms, latency_hist)
    SELECT service_id, hour, 60, n - degraded, degraded, 60 - n, 0, n,
      round(latency_ms * weight)::bigint,
      round(latency_ms * power(1.1, hi) * (1 + 0.04 * u2))::int,
      array_fill(0, ARRAY[greatest(${sql.raw(bucketIndexSql)} + lo, 0)]) || shape
    FROM (
      SELECT service_id, hour, median AS latency_ms, u2, lo, hi,
        CASE WHEN blip THEN 59 ELSE 60 END AS n,
        CASE WHEN blip THEN weight_blip ELSE weight END AS weight,
        CASE WHEN blip THEN shape_blip ELSE shape END AS shape,
        -- samples above the degraded threshold: the tail from the first offset past it
        coalesce((CASE WHEN blip THEN tail_blip ELSE tail END)[greatest(1,
          floor(ln(degraded_ms / median) / ln(1.1))::int + 2 - lo)], 0) AS degraded
      FROM (
        SELECT *, base_ms * load * exp(0.12 * sqrt(-2 * ln(u1)) * cos(2 * pi() * u2)) AS median,
          u3 < 60 * blip_rate AS blip
        FROM (
          SELECT p.*, g.hour, g.load,
            ((h & 67108863) + 0.5)::float8 / 67108864 AS u1,
            ((h >> 26) & 67108863)::float8 / 67108864 AS u2,
            ((h >> 52) & 4095)::float8 / 4096 AS u3
          FROM (
            SELECT hour, ${loadFactorSql('local')} AS load
            FROM (SELECT hour, (hour + interval '30 minutes') AT TIME ZONE ${tz} AS local
              FROM generate_series(${from}::timestamptz, ${to}::timestamptz - interval '1 hour',
                interval '1 hour') AS g (hour)) AS g
            OFFSET 0
          ) AS g
          CROSS JOIN seed_service_params p
          CROSS JOIN LATERAL (SELECT hashint8extended(extract(epoch FROM g.hour)::bigint / 60,
            ${sql.raw(String(ctx.seed * 4096 + 2))}::bigint + p.service_id * 4) AS h) AS h
          OFFSET 0
        ) AS u
        OFFSET 0
      ) AS x
      OFFSET 0
    ) AS s
    ON CONFLICT (service_id, bucket_start) DO NOTHING
  `.execute(db)
  return Number(result.numAffectedRows ?? 0)
}
