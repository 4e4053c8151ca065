import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import type { createApp } from '../src/app.ts'
import type { Measured } from './measure.ts'

interface Context {
  app: ReturnType<typeof createApp>
  db: Kysely<Database>
  now: Date
  authorization: string
  shape: { services: number; days: number }
}

const BATCH = 10_000
const BATCHES = Number(process.env.BENCH_INGEST_BATCHES ?? 24)
const MINUTE_MS = 60_000
const DAY_MS = 86_400_000

/**
 * POST /api/v1/checks over a real socket, one client sending 10,000-sample batches back to
 * back, rollups maintained: the fleet's samples minute by minute for the hours before the
 * dataset (late samples, a backfill), so the measured rows are new and every batch touches every
 * service.
 */
export async function measureIngest({ app, db, now, authorization, shape }: Context) {
  const slugs = (await db.selectFrom('services').select('slug').orderBy('id').execute()).map(
    (s) => s.slug,
  )
  // Each run goes back before the earliest sample stored so far, so its rows are new even on a
  // dataset reused from an earlier run (the bench keeps raw samples 120 days).
  const minutes = Math.ceil((BATCHES * BATCH) / slugs.length)
  const { rows } = await sql<{ earliest: Date }>`
    SELECT min(checked_at) AS earliest FROM check_samples
    WHERE checked_at < ${new Date(now.getTime() - (shape.days - 1) * DAY_MS)}`.execute(db)
  const earliest = rows[0]?.earliest ?? new Date(now.getTime() - shape.days * DAY_MS)
  const start = Math.floor(earliest.getTime() / MINUTE_MS - minutes) * MINUTE_MS
  let server: ReturnType<typeof serve> | undefined
  const { port } = await new Promise<AddressInfo>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, resolve)
  })
  try {
    const times: number[] = []
    let inserted = 0
    let minute = 0
    const t0 = performance.now()
    for (let b = 0; b < BATCHES; b++) {
      const samples = []
      while (samples.length < BATCH) {
        const at = new Date(start + minute * MINUTE_MS).toISOString()
        for (const service of slugs) {
          if (samples.length === BATCH) break
          samples.push({ service, at, status: 'up', latencyMs: 40 + (samples.length % 200) })
        }
        minute++
      }
      const t = performance.now()
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/checks`, {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': 'application/json' },
        body: JSON.stringify({ samples }),
      })
      const body = (await res.json()) as { inserted?: number }
      if (!res.ok)
        throw new Error(`POST /api/v1/checks answered ${res.status}: ${JSON.stringify(body)}`)
      inserted += body.inserted ?? 0
      times.push(performance.now() - t)
    }
    const seconds = (performance.now() - t0) / 1000
    times.sort((a, b) => a - b)
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!
    const rate = Math.round(inserted / seconds).toLocaleString('en-GB')
    return {
      name: `POST /api/v1/checks (${BATCHES} × 10,000 samples, one client)`,
      median: at(0.5),
      p95: at(0.95),
      note: `${rate} samples/s sustained (${inserted.toLocaleString('en-GB')} in ${seconds.toFixed(1)} s)`,
    } satisfies Measured
  } finally {
    await new Promise((resolve) => server?.close(resolve))
  }
}
