import { readFileSync } from 'node:fs'
import { createPool, ReadReplica } from '@opsdeck/db'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { ErrorEnvelope } from '../lib/openapi.ts'
import { Metrics } from '../lib/metrics.ts'
import {
  createToken,
  expectMatches,
  loginAs,
  postJson,
  setupApp,
  type TestApp,
} from '../../test/helpers.ts'

let ctx: TestApp
let read: Record<string, string>
beforeAll(async () => {
  ctx = await setupApp()
  read = (await createToken(ctx.db, ['read'])).headers
})
afterAll(() => ctx.drop())

interface Sample {
  name: string
  labels: Record<string, string>
  value: number
}

// Prometheus text format 0.0.4: `# HELP`/`# TYPE` lines, then `name{label="value",…} number`
// (NaN in any case, as Go's ParseFloat reads it: prom-client writes `Nan` for an event-loop
// mean not yet measured). Every other line fails the test: the whole exposition is held to it.
function parse(text: string): Sample[] {
  const samples: Sample[] = []
  for (const line of text.split('\n')) {
    if (line === '' || /^# (HELP|TYPE) \w+ /.test(line)) continue
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (-?[\d.e+-]+|NaN|[+-]Inf)$/i.exec(line)
    expect(m, `not a sample line: ${line}`).not.toBeNull()
    const labels: Record<string, string> = {}
    for (const [, key, value] of (m![2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[key!] = value!
    }
    samples.push({ name: m![1]!, labels, value: Number(m![3]) })
  }
  return samples
}

async function scrape(app = ctx.app, headers = read) {
  const res = await app.request('/metrics', { headers })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
  return parse(await res.text())
}

/** The samples of `name` whose labels include `labels`. */
const find = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  )

describe('GET /metrics', () => {
  it('is refused without a token, in the error envelope', async () => {
    const res = await ctx.app.request('/metrics')
    expect(res.status).toBe(401)
    expect(expectMatches(ErrorEnvelope, await res.json())).toMatchObject({
      error: { code: 'unauthenticated' },
    })
    const ingestOnly = await createToken(ctx.db, ['ingest'])
    expect((await ctx.app.request('/metrics', { headers: ingestOnly.headers })).status).toBe(403)
  })

  it('counts requests by route pattern: two services are one series, never their slugs', async () => {
    for (const slug of ['metrics-one', 'metrics-two']) {
      const res = await ctx.app.request(`/api/v1/services/${slug}`, { headers: read })
      expect(res.status).toBe(404)
    }
    const samples = await scrape()
    const route = '/api/v1/services/:slug'
    const labels = { method: 'GET', route, status: '404' }
    expect(find(samples, 'opsdeck_http_requests_total', labels)).toMatchObject([{ value: 2 }])
    expect(find(samples, 'opsdeck_http_request_duration_seconds_count', labels)).toMatchObject([
      { value: 2 },
    ])
    const inf = find(samples, 'opsdeck_http_request_duration_seconds_bucket', {
      ...labels,
      le: '+Inf',
    })
    expect(inf).toMatchObject([{ value: 2 }])
    const routes = new Set(samples.flatMap((s) => s.labels.route ?? []))
    expect([...routes].filter((r) => r.includes('metrics-'))).toEqual([])
  })

  it('names the route of a request its access check refused, and one no route matched', async () => {
    // Anonymous: access() answers 401 before the handler, still the route's.
    await ctx.app.request('/api/v1/services/metrics-anonymous')
    for (const path of [
      '/wp-login.php',
      '/api/v1/metrics-nothing/1',
      '/api/v1/metrics-nothing/2',
    ]) {
      expect((await ctx.app.request(path, { headers: read })).status).toBe(404)
    }
    const samples = await scrape()
    expect(
      find(samples, 'opsdeck_http_requests_total', {
        route: '/api/v1/services/:slug',
        status: '401',
      }),
    ).toMatchObject([{ value: 1 }])
    expect(
      find(samples, 'opsdeck_http_requests_total', { route: 'unmatched', status: '404' }),
    ).toMatchObject([{ value: 3 }])
    expect(samples.filter((s) => /metrics-nothing|wp-login/.test(s.labels.route ?? ''))).toEqual([])
  })

  it('shows the request pool, query errors by kind, the process, and the scrape itself', async () => {
    const samples = await scrape()
    for (const name of ['in_use', 'idle', 'waiting', 'max']) {
      expect(find(samples, `opsdeck_db_pool_${name}`, { pool: 'request' })).toHaveLength(1)
    }
    expect(find(samples, 'opsdeck_db_pool_max', { pool: 'request' })[0]?.value).toBeGreaterThan(0)
    const kinds = find(samples, 'opsdeck_db_query_errors_total', { pool: 'request' })
    expect(kinds.map((s) => s.labels.kind).sort()).toEqual([
      'other',
      'overloaded',
      'statement_timeout',
      'unavailable',
    ])
    expect(find(samples, 'process_cpu_user_seconds_total')).toHaveLength(1)
    expect(find(samples, 'nodejs_eventloop_lag_p99_seconds')).toHaveLength(1)
    expect(
      find(samples, 'opsdeck_probe_checks_total')
        .map((s) => s.labels.outcome)
        .sort(),
    ).toEqual(['degraded', 'down', 'up'])
    // The scrapes before this one were counted like any request.
    const scrapes = find(samples, 'opsdeck_http_requests_total', { route: '/metrics' })
    expect(scrapes.find((s) => s.labels.status === '200')?.value).toBeGreaterThan(0)
  })

  it('counts check samples stored, already stored and refused', async () => {
    const slug = 'metrics-ingest'
    await ctx.db
      .insertInto('services')
      .values({ slug, name: slug, tier: 3, sloTarget: 0.99 })
      .execute()
    const ingest = (await createToken(ctx.db, ['ingest'])).headers
    const at = new Date(Date.now() - 60_000).toISOString()
    const sample = { service: slug, at, status: 'up', latencyMs: 5 }
    const later = { ...sample, at: new Date(Date.now() - 30_000).toISOString() }
    expect((await postJson(ctx, '/api/v1/checks', { samples: [sample] }, ingest)).status).toBe(200)
    const replay = { samples: [sample, later] }
    expect((await postJson(ctx, '/api/v1/checks', replay, ingest)).status).toBe(200)
    const unknown = { samples: [{ ...sample, service: 'metrics-none' }, sample, later] }
    expect((await postJson(ctx, '/api/v1/checks', unknown, ingest)).status).toBe(422)
    const samples = await scrape()
    const outcome = (o: string) =>
      find(samples, 'opsdeck_ingest_samples_total', { outcome: o })[0]?.value
    expect([outcome('accepted'), outcome('duplicate'), outcome('rejected')]).toEqual([2, 1, 3])
  })

  it('may be read by a signed-in person too', async () => {
    const viewer = await loginAs(ctx, 'viewer')
    expect((await ctx.app.request('/metrics', { headers: viewer.headers })).status).toBe(200)
  })

  it('counts what the worker it is given reports, in the same registry', async () => {
    const metrics = new Metrics()
    const app = createApp({ db: ctx.db, logger: pino({ level: 'silent' }), metrics })
    metrics.checked('down', 0.2)
    metrics.jobRan('retention', false)
    metrics.jobRan('retention', true)
    metrics.jobRan('partitions', false)
    metrics.delivered('email', 'sent')
    const samples = await scrape(app)
    expect(find(samples, 'opsdeck_probe_checks_total', { outcome: 'down' })[0]?.value).toBe(1)
    expect(find(samples, 'opsdeck_probe_duration_seconds_count')[0]?.value).toBe(1)
    expect(find(samples, 'opsdeck_job_runs_total', { job: 'retention' })[0]?.value).toBe(2)
    expect(find(samples, 'opsdeck_job_failures_total', { job: 'retention' })[0]?.value).toBe(1)
    expect(find(samples, 'opsdeck_job_failures_total', { job: 'partitions' })[0]?.value).toBe(0)
    expect(
      find(samples, 'opsdeck_report_deliveries_total', { channel: 'email', outcome: 'sent' })[0]
        ?.value,
    ).toBe(1)
    // Another app's registry is its own: it saw none of this.
    expect(find(await scrape(), 'opsdeck_job_runs_total')).toEqual([])
  })

  it("shows the read replica's pool beside the request pool when there is one", async () => {
    // The test database stands in for the replica: not a standby, so reads stay on the primary.
    const primary = createPool(ctx.url, { max: 1, onError: () => {} })
    const replica = new ReadReplica(primary, ctx.url, ctx.url, { maxLagMs: 10_000, max: 3 })
    try {
      const app = createApp({ db: ctx.db, logger: pino({ level: 'silent' }), replica })
      const samples = await scrape(app)
      expect(find(samples, 'opsdeck_db_pool_max').map((s) => [s.labels.pool, s.value])).toEqual([
        ['request', 4],
        ['replica', 3],
      ])
    } finally {
      await replica.close()
      await primary.end()
    }
  })

  it('exposes every metric docs/grafana-dashboard.json charts', async () => {
    type Dashboard = {
      schemaVersion: number
      __inputs: { name: string }[]
      panels: { targets?: { expr: string }[] }[]
    }
    const file = new URL('../../../../docs/grafana-dashboard.json', import.meta.url)
    const dashboard = JSON.parse(readFileSync(file, 'utf8')) as Dashboard
    expect(dashboard.schemaVersion).toBe(39)
    expect(dashboard.__inputs.map((i) => i.name)).toEqual(['DS_PROMETHEUS'])
    const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr))
    const queried = new Set(
      exprs.flatMap((e) => e.match(/\b(?:opsdeck|process|nodejs)_\w+/g) ?? []),
    )
    const res = await ctx.app.request('/metrics', { headers: read })
    const exposed = new Set(
      [...(await res.text()).matchAll(/^# TYPE (\w+) (\w+)$/gm)].flatMap(([, name, type]) =>
        type === 'histogram' ? [`${name}_bucket`, `${name}_sum`, `${name}_count`] : [name!],
      ),
    )
    expect(queried.size).toBeGreaterThan(10)
    expect([...queried].filter((name) => !exposed.has(name))).toEqual([])
  })

  it('is not there when switched off (OPSDECK_METRICS=off): 404 for everyone', async () => {
    const app = createApp({ db: ctx.db, logger: pino({ level: 'silent' }), metrics: null })
    for (const headers of [{}, read]) {
      const res = await app.request('/metrics', { headers })
      expect(res.status).toBe(404)
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } })
    }
  })
})
