import type { Context, MiddlewareHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { sql } from 'kysely'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import type { AppEnv } from '../app-env.ts'

export interface FiguresCacheOptions {
  /** How long a computed answer is served: the documented staleness of the dashboard's figures. */
  ttlMs: number
  /** Bytes of answers kept at most; the oldest go first. */
  maxBytes?: number
  /** Milliseconds now; tests pass their own. */
  clock?: () => number
}

/** An answer as sent: status, content type and body, and the body gzipped when that is worth it. */
export interface Answer {
  status: number
  type: string
  body: string
  gzip?: Uint8Array<ArrayBuffer> | undefined
}

interface Entry {
  /** When the computation started: the data it read is at least this fresh. */
  at: number
  answer: Promise<Answer>
  bytes: number
  settled: boolean
  /** A computation to replace it is under way. */
  refreshing: boolean
}

/**
 * The dashboard's read answers, shared by everyone asking the same URL within `ttlMs`: a wall
 * screen, a dozen managers and a report run at once cost one computation, not fifty. Identical
 * requests arriving while one is computed wait for it (coalescing); an answer still asked for past
 * half its life is computed again in the background, so that requests do not queue each time one
 * expires. Every write through the API clears it (`invalidate`, see forgetFiguresOnWrite), so a
 * manager sees their change; the worker's writes (probes, ingested samples) show within `ttlMs`.
 * Failures are never kept. Answers must not depend on who asks beyond `access()`.
 */
export class FiguresCache {
  private readonly ttlMs: number
  private readonly maxBytes: number
  private readonly clock: () => number
  private readonly entries = new Map<string, Entry>()
  private bytes = 0

  constructor(opts: FiguresCacheOptions) {
    this.ttlMs = opts.ttlMs
    this.maxBytes = opts.maxBytes ?? 64 * 2 ** 20
    this.clock = opts.clock ?? Date.now
  }

  /** The answer for `key`: one computed less than `ttlMs` ago (or being computed), else `compute`. */
  answer(key: string, compute: () => Promise<Answer>): Promise<Answer> {
    const now = this.clock()
    const hit = this.entries.get(key)
    if (hit && now - hit.at < this.ttlMs) {
      if (hit.settled && !hit.refreshing && now - hit.at >= this.ttlMs / 2) {
        hit.refreshing = true
        this.start(key, compute, now, hit)
      }
      return hit.answer
    }
    if (hit) this.drop(key, hit)
    return this.start(key, compute, now).answer
  }

  private start(key: string, compute: () => Promise<Answer>, now: number, replacing?: Entry) {
    const entry: Entry = { at: now, answer: compute(), bytes: 0, settled: false, refreshing: false }
    if (!replacing) this.entries.set(key, entry)
    entry.answer.then(
      (answer) => {
        entry.settled = true
        entry.bytes = answerBytes(key, answer)
        // Invalidated or replaced meanwhile: computed from data older than a write, so dropped.
        if (this.entries.get(key) !== (replacing ?? entry)) return
        if (replacing) {
          this.drop(key, replacing)
          this.entries.set(key, entry)
        }
        this.bytes += entry.bytes
        this.evict()
      },
      () => {
        // A failed refresh leaves the answer in place until its time is up.
        if (replacing) replacing.refreshing = false
        else if (this.entries.get(key) === entry) this.entries.delete(key)
      },
    )
    return entry
  }

  /** Forgets every answer: called after each write through this process. */
  invalidate() {
    this.entries.clear()
    this.bytes = 0
  }

  get size() {
    return this.entries.size
  }

  private drop(key: string, entry: Entry) {
    this.entries.delete(key)
    this.bytes -= entry.bytes
  }

  private evict() {
    // Map keeps insertion order: the first entries are the oldest.
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) return
      this.drop(key, entry)
    }
  }
}

// The entry, its promise, the answer object and the map's slot: ~0.3 kB measured on Node 24.
const ENTRY_OVERHEAD_BYTES = 512

/**
 * What an answer kept under `key` costs, roughly: its key and body (UTF-16), the gzipped body and
 * the objects around them. The key counts too: a query string may be kilobytes long while the
 * answer (a 404, say) is a few bytes, and a reader could otherwise keep gigabytes of keys.
 */
export function answerBytes(key: string, answer: Answer): number {
  return (key.length + answer.body.length) * 2 + (answer.gzip?.length ?? 0) + ENTRY_OVERHEAD_BYTES
}

/**
 * The answer of `compute()` (a route's own response, 200 or a 4xx), through the app's figures
 * cache, keyed by where it reads, the path and the query (sorted); computed afresh when the app
 * has no cache (tests, OPSDECK_CACHE_SECONDS=0). Only status, content type and body are kept: the
 * request's own headers (its id, say) are this request's.
 */
export async function cached<E extends AppEnv, R extends Response>(
  c: Context<E>,
  compute: () => Promise<R>,
): Promise<R> {
  // c.get, not c.var: c.var copies every variable of the request each time it is read.
  const vars = c as unknown as Context<AppEnv>
  const cache = vars.get('figures')
  const readFrom = vars.get('readFrom')
  const recentWriter = vars.get('recentWriter')
  // A replica's answer kept here may have been computed before it replayed this browser's last
  // write, which the replica has now (read-routing.ts): read-your-writes needs a fresh one.
  if (!cache || (readFrom === 'replica' && recentWriter)) return compute()
  const url = new URL(c.req.url)
  url.searchParams.sort()
  // Answers read from the replica and from the primary are kept apart: whoever reads the primary
  // to see their own write must not be served one from a replica that has not replayed it.
  const key = `${readFrom ?? 'primary'} ${url.pathname}?${url.searchParams.toString()}`
  const answer: Answer = await cache.answer(key, async () => {
    const res = await compute()
    const type = res.headers.get('Content-Type') ?? 'application/json'
    const body = await res.text()
    // Compressed once, sent to every browser: the 500-service list is 720 kB of JSON, 64 kB gzipped.
    const gzip = body.length >= GZIP_FROM_CHARS ? new Uint8Array(await gzipped(body)) : undefined
    return { status: res.status, type, body, gzip }
  })
  c.header('Content-Type', answer.type)
  c.header('Vary', 'Accept-Encoding')
  if (answer.gzip && acceptsGzip(c.req.header('Accept-Encoding'))) {
    c.header('Content-Encoding', 'gzip')
    return c.body(answer.gzip, answer.status as ContentfulStatusCode) as unknown as R
  }
  // The same status and body `compute` answered, so the same typed response for the client.
  return c.body(answer.body, answer.status as ContentfulStatusCode) as unknown as R
}

const GZIP_FROM_CHARS = 1024

/** `Accept-Encoding` names gzip (or `*`) with a weight above zero: `gzip;q=0` refuses it. */
export function acceptsGzip(header: string | undefined): boolean {
  for (const item of (header ?? '').toLowerCase().split(',')) {
    const [coding, ...params] = item.split(';').map((p) => p.trim())
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') continue
    const q = params.find((p) => p.startsWith('q='))
    if (q === undefined || Number(q.slice(2)) > 0) return true
  }
  return false
}
const gzipped = promisify(gzip)

/** POSTs that write nothing: the allocation editor asks for one each time its form settles. */
export const PREVIEWS: ReadonlySet<string> = new Set([
  'POST /api/v1/allocations/preview',
  'POST /api/v1/projects/imports/actuals/preview',
  'POST /api/v1/projects/imports/baselines/preview',
  'POST /api/v1/capacity/imports/people/preview',
  'POST /api/v1/capacity/imports/allocations/preview',
])

// Samples arrive all day from probes and push checks; they show within the cache's staleness
// like the worker's, rather than clearing every figure many times a second.
const NOT_INVALIDATING = new Set(['POST /api/v1/checks', ...PREVIEWS])

/** The channel on which each write is announced to every API instance (index.ts listens). */
export const WRITES_CHANNEL = 'opsdeck_writes'

/**
 * After every write that did not fail, clears this process's figures and actors caches and tells
 * the other API instances to clear theirs (NOTIFY; index.ts listens): a change shows here at once
 * and on the others as soon as the notice arrives (a fraction of a second). If a notice is lost,
 * the caches' staleness still bounds it.
 */
export function forgetFiguresOnWrite(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    const method = c.req.method
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return
    if (c.res.status >= 400 || NOT_INVALIDATING.has(`${method} ${c.req.path}`)) return
    // A request with no live session or token changed nothing the caches hold, though a sign-out
    // without one answers 204: else anyone could clear every instance's caches in a loop. (A
    // sign-in that ends its browser's previous session carries that session: it clears.)
    if (!c.get('actor')) return
    const figures = c.get('figures')
    const actors = c.get('actors')
    if (!figures && !actors) return
    figures?.invalidate()
    actors?.clear()
    await sql`SELECT pg_notify(${WRITES_CHANNEL}, '')`.execute(c.get('db')).catch(() => {})
  }
}
