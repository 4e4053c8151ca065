import { mkdtemp, chmod, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { isDatabaseEmpty, migrateToLatest, openDatabase, seedDemo } from '@opsdeck/db'
import { sql } from 'kysely'
import pino from 'pino'
import { createApp } from '../src/app.ts'
import { insertToken } from '../src/tokens/queries.ts'
import { scaleServices } from './scale.ts'

// `pnpm bench`: the dashboard's hot paths on the demo data (or BENCH_DATABASE_URL's), measured
// side by side in one run, since absolute times on a shared 2-core machine mean little.
// BENCH_SERVICES=500 grows the demo to that many services (rollups cloned) first.
const RUNS = Number(process.env.BENCH_RUNS ?? 15)

const dir = await mkdtemp(path.join(tmpdir(), 'opsdeck-bench-'))
await chmod(dir, 0o755)
const database = await openDatabase({
  databaseUrl: process.env.BENCH_DATABASE_URL,
  embeddedDir: path.join(dir, 'postgres'),
  embeddedPort: 54_450,
  // Seeding and cloning rollups run longer than a request ever may.
  statementTimeoutMs: 600_000,
})
const { db } = database
try {
  await migrateToLatest(db)
  if (await isDatabaseEmpty(db)) {
    const t0 = performance.now()
    await seedDemo(db)
    console.log(`seeded demo data in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  }
  const target = Number(process.env.BENCH_SERVICES ?? 0)
  if (target > 0) {
    const t0 = performance.now()
    const added = await scaleServices(db, target)
    console.log(
      `cloned ${added} services' rollups in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    )
  }
  await sql`VACUUM ANALYZE`.execute(db)
  const app = createApp({ db, logger: pino({ level: 'silent' }) })
  // The API wants a caller: a read token, as a reporting script would use.
  const { token } = await insertToken(db, {
    name: 'bench',
    scopes: ['read'],
    createdByUserId: null,
    now: new Date(),
  })
  const headers = { Authorization: `Bearer ${token}` }
  const { rows } = await sql<{ services: number; samples: number; hourly: number }>`
    SELECT (SELECT count(*) FROM services)::int AS services,
      (SELECT count(*) FROM check_samples)::int AS samples,
      (SELECT count(*) FROM check_rollup_hourly)::int AS hourly`.execute(db)
  console.log(`data: ${JSON.stringify(rows[0])}`)

  const to = new Date()
  const from = new Date(to.getTime() - 30 * 86_400_000)
  const yearAgo = new Date(to.getTime() - 365 * 86_400_000)
  const results = [
    await measure('GET /api/v1/overview (30 days)', async () => {
      const res = await app.request('/api/v1/overview', { headers })
      if (!res.ok) throw new Error(`overview answered ${res.status}`)
    }),
    await measure('GET /api/v1/overview (12 months)', async () => {
      const res = await app.request(`/api/v1/overview?from=${yearAgo.toISOString()}`, { headers })
      if (!res.ok) throw new Error(`overview answered ${res.status}`)
    }),
    await measure('30-day uptime, all services, raw samples', () =>
      sql`SELECT service_id, count(*) FILTER (WHERE status <> 'down') AS up, count(*) AS n
        FROM check_samples WHERE checked_at >= ${from} AND checked_at < ${to}
          AND NOT in_maintenance GROUP BY service_id`.execute(db),
    ),
    await measure('30-day uptime, all services, hourly rollup', () =>
      sql`SELECT service_id, sum(up + degraded) AS up, sum(up + degraded + down) AS n
        FROM check_rollup_hourly WHERE bucket_start >= ${from} AND bucket_start < ${to}
        GROUP BY service_id`.execute(db),
    ),
    await measure('30-day uptime, one service, hourly rollup', () =>
      sql`SELECT sum(up + degraded) AS up, sum(up + degraded + down) AS n
        FROM check_rollup_hourly WHERE service_id = 1
          AND bucket_start >= ${from} AND bucket_start < ${to}`.execute(db),
    ),
  ]
  const base = results[3]!.median
  console.log(
    `\n| measurement | median ms | p95 ms | × hourly-rollup query |\n|---|---:|---:|---:|`,
  )
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${(r.median / base).toFixed(2)} |`,
    )
  }
  console.log(`\n${RUNS} runs each after one warm-up; node ${process.version}.`)
} finally {
  await database.close()
  await rm(dir, { recursive: true, force: true })
}

async function measure(name: string, fn: () => Promise<unknown>) {
  await fn()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    await fn()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!
  return { name, median: at(0.5), p95: at(0.95) }
}
