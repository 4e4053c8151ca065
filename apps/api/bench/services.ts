import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import type { createApp } from '../src/app.ts'
import { measure, type Measured, ok } from './measure.ts'

interface Context {
  app: ReturnType<typeof createApp>
  db: Kysely<Database>
  now: Date
  authorization: string
}

const DAY_MS = 86_400_000
// The naive queries over 64.8M rows take seconds each: fewer runs, the same warm-up.
const RAW_RUNS = Number(process.env.BENCH_RAW_RUNS ?? 3)

/**
 * Each endpoint beside the query a dashboard would run without rollups: the same figures
 * computed straight from check_samples (counts with FILTER, percentile_cont over the latencies).
 */
export async function serviceMeasurements({ app, db, now, authorization }: Context) {
  const get = (url: string) => ok(app.request(url, { headers: { Authorization: authorization } }))
  const slug = 'svc-250'
  const { id } = await db
    .selectFrom('services')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow()
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS)
  const results: Measured[] = []

  results.push(
    await measure(
      `GET /api/v1/services/${slug} (all KPIs, one service)`,
      () => get(`/api/v1/services/${slug}`),
      { versus: 'one service, raw samples' },
    ),
    await measure(
      'one service, raw samples',
      () =>
        sql`
        SELECT count(*) FILTER (WHERE status <> 'down' AND checked_at >= ${ago(1)}) AS up_24h,
          count(*) FILTER (WHERE checked_at >= ${ago(1)}) AS n_24h,
          count(*) FILTER (WHERE status <> 'down' AND checked_at >= ${ago(7)}) AS up_7d,
          count(*) FILTER (WHERE checked_at >= ${ago(7)}) AS n_7d,
          count(*) FILTER (WHERE status <> 'down' AND checked_at >= ${ago(30)}) AS up_30d,
          count(*) FILTER (WHERE checked_at >= ${ago(30)}) AS n_30d,
          count(*) FILTER (WHERE status <> 'down') AS up_90d, count(*) AS n_90d,
          percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY latency_ms)
            FILTER (WHERE checked_at >= ${ago(1)}) AS p_24h,
          percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY latency_ms)
            FILTER (WHERE checked_at >= ${ago(30)}) AS p_30d
        FROM check_samples
        WHERE service_id = ${id} AND checked_at >= ${ago(90)} AND checked_at < ${now}
          AND NOT in_maintenance`.execute(db),
      { runs: RAW_RUNS, warmup: 1 },
    ),
    await measure('GET /api/v1/services (500 services, list)', () => get('/api/v1/services'), {
      versus: 'fleet list, raw samples',
    }),
    await measure(
      'fleet list, raw samples',
      () =>
        sql`
        SELECT service_id,
          count(*) FILTER (WHERE status <> 'down' AND checked_at >= ${ago(1)}) AS up_24h,
          count(*) FILTER (WHERE checked_at >= ${ago(1)}) AS n_24h,
          count(*) FILTER (WHERE status <> 'down' AND checked_at >= ${ago(7)}) AS up_7d,
          count(*) FILTER (WHERE checked_at >= ${ago(7)}) AS n_7d,
          count(*) FILTER (WHERE status <> 'down') AS up_30d, count(*) AS n_30d,
          percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms)
            FILTER (WHERE checked_at >= ${ago(1)}) AS p95_24h
        FROM check_samples
        WHERE checked_at >= ${ago(30)} AND checked_at < ${now} AND NOT in_maintenance
        GROUP BY service_id`.execute(db),
      { runs: RAW_RUNS, warmup: 1 },
    ),
    await measure(
      `GET /api/v1/services/${slug}/series (90 days)`,
      () =>
        get(
          `/api/v1/services/${slug}/series?from=${ago(90).toISOString()}&to=${now.toISOString()}`,
        ),
      { versus: 'series, 90 days, raw samples' },
    ),
    await measure(
      'series, 90 days, raw samples',
      () =>
        sql`
        SELECT date_bin(interval '3 hours', checked_at, ${ago(90)}) AS bucket,
          count(*) FILTER (WHERE status <> 'down')::float / nullif(count(*), 0) AS uptime,
          percentile_cont(ARRAY[0.5, 0.95]) WITHIN GROUP (ORDER BY latency_ms) AS p
        FROM check_samples
        WHERE service_id = ${id} AND checked_at >= ${ago(90)} AND checked_at < ${now}
          AND NOT in_maintenance
        GROUP BY 1 ORDER BY 1`.execute(db),
      { runs: RAW_RUNS, warmup: 1 },
    ),
    await measure('GET /api/v1/overview (30 days, 500 services)', () => get('/api/v1/overview')),
  )
  return results
}
