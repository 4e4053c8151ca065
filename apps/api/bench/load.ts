import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import autocannon from 'autocannon'
import { freePort } from '../faults/app-process.ts'
import { measureFirstLoad } from './first-load.ts'

// `pnpm bench:load`: the dashboard's endpoints under 50 concurrent connections (autocannon, 30 s
// each), next to bare Hono's JSON hello-world measured in the same run, as a markdown table for
// docs/benchmarks.md. It starts the app itself (role api, so the worker's jobs are not in the
// figures) over the demo data in BENCH_LOAD_DATA_DIR (default .data/bench-load, loaded once), or
// measures BENCH_LOAD_URL, a server you started. Over a dataset without demo sign-ins, set
// BENCH_LOAD_EMAIL / BENCH_LOAD_PASSWORD (the app creates that admin on an empty user table).
// BENCH_LOAD_SECONDS, BENCH_LOAD_CONNECTIONS and BENCH_LOAD_ONLY (a regex on the names) narrow it.
const ROOT = path.resolve(import.meta.dirname, '../../..')
const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 30)
const connections = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50)
const only = process.env.BENCH_LOAD_ONLY ? new RegExp(process.env.BENCH_LOAD_ONLY, 'i') : null
const email = process.env.BENCH_LOAD_EMAIL ?? 'manager@demo.opsdeck.local'
const password = process.env.BENCH_LOAD_PASSWORD ?? 'demo-manager-2026'

interface Row {
  name: string
  rps: number
  p50: number
  p99: number
  errors: number
}

const children: ChildProcess[] = []
const stopAll = () => children.forEach((child) => child.kill('SIGTERM'))
process.on('exit', stopAll)

const bare = await startBareHono()
const base = process.env.BENCH_LOAD_URL?.replace(/\/$/, '') ?? (await startApp())
const cookie = await signIn(base)
const today = new Date().toISOString().slice(0, 10)
const yearAgo = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10)
const slug = await firstServiceSlug(base, cookie)

const targets: [name: string, url: string, auth: boolean][] = [
  ['bare Hono JSON hello-world', bare, false],
  ['/healthz', `${base}/healthz`, false],
  ['/api/v1/auth/me', `${base}/api/v1/auth/me`, true],
  ['/api/v1/overview (30 days)', `${base}/api/v1/overview`, true],
  ['/api/v1/overview (12 months)', `${base}/api/v1/overview?from=${yearAgo}&to=${today}`, true],
  ['/api/v1/services', `${base}/api/v1/services`, true],
  [`/api/v1/services/:slug`, `${base}/api/v1/services/${slug}`, true],
  ['/api/v1/incidents', `${base}/api/v1/incidents`, true],
  ['/api/v1/portfolio', `${base}/api/v1/portfolio`, true],
  ['/api/v1/capacity', `${base}/api/v1/capacity`, true],
]

const rows: Row[] = []
for (const [name, url, auth] of targets) {
  if (only && !only.test(name) && rows.length > 0) continue
  // As a browser asks: signed in, and taking gzip.
  const headers: Record<string, string> = { 'accept-encoding': 'gzip', ...(auth && { cookie }) }
  // One request alone, then a short warm-up, so V8 has compiled the route and the pool is open
  // before we count.
  await fetch(url, { headers })
  await autocannon({ url, connections, duration: 3, headers })
  const r = await autocannon({ url, connections, duration: seconds, headers })
  const row = {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  }
  rows.push(row)
  console.error(`${name}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms`)
}

const yardstick = rows[0]!.rps
console.log(
  `\n${connections} connections, ${seconds} s each, ${new Date().toISOString()}\n\n` +
    '| endpoint | req/s | p50 ms | p99 ms | errors | × bare Hono |\n|---|---:|---:|---:|---:|---:|',
)
for (const r of rows) {
  const times = (r.rps / yardstick).toFixed(r.rps / yardstick >= 0.1 ? 2 : 3)
  console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${times} |`)
}

// The Overview's first load in the browser, when the server serves the dashboard.
const page = await fetch(`${base}/`).catch(() => undefined)
if (page?.headers.get('content-type')?.startsWith('text/html')) {
  const load = await measureFirstLoad(base, cookie)
  if (load) {
    console.log(
      `\nOverview first load in Chromium (navigation to the tier table and Needs attention, ` +
        `fresh browser each time): ${load.coldMs.toFixed(0)} ms with its figures computed for ` +
        `the visit, median ${load.warmMs.toFixed(0)} ms of ${load.runs - 1} more`,
    )
  } else console.log('\nno Chromium: the Overview first load was not measured')
}
stopAll()
process.exit(0)

async function startBareHono(): Promise<string> {
  const port = await freePort()
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'bare-hono.ts')], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(child)
  await new Promise((resolve) => child.stdout.once('data', resolve))
  return `http://127.0.0.1:${port}/`
}

async function startApp(): Promise<string> {
  const port = await freePort()
  const child = spawn(process.execPath, ['apps/api/src/index.ts', '--role=api'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      OPSDECK_DATA_DIR: process.env.BENCH_LOAD_DATA_DIR ?? '.data/bench-load',
      OPSDECK_PG_PORT: String(await freePort()),
      // The built dashboard when there is one, for the Overview's first load in Chromium.
      OPSDECK_WEB_DIST: existsSync(path.join(ROOT, 'apps/web/dist/index.html'))
        ? 'apps/web/dist'
        : '',
      ...(process.env.BENCH_LOAD_EMAIL
        ? { OPSDECK_ADMIN_EMAIL: email, OPSDECK_ADMIN_PASSWORD: password }
        : {}),
    },
    // The request log is part of the cost being measured: read it, do not keep it.
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  const last: string[] = []
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.startsWith('opsdeck:')) console.error(line)
      last.push(line)
      if (last.length > 20) last.shift()
    }
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 600_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited:\n${last.join('\n')}`)
    const res = await fetch(`${base}/readyz`).catch(() => undefined)
    if (res?.status === 200) return base
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('the app was not ready in 10 minutes')
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' },
    body: JSON.stringify({ email, password }),
  })
  const cookie = res.headers.get('set-cookie')?.match(/opsdeck_session=[^;]*/)?.[0]
  if (!cookie) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`)
  return cookie
}

async function firstServiceSlug(base: string, cookie: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/services`, { headers: { cookie } })
  const body = (await res.json()) as { services: { slug: string }[] }
  if (!body.services[0]) throw new Error('no services to measure')
  return body.services[0].slug
}
