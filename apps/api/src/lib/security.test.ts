import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createDb } from '@opsdeck/db'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { loginAs, SAME_ORIGIN, setupApp, TEST_HASH, type TestApp } from '../../test/helpers.ts'

let ctx: TestApp
let webRoot: string
let spa: ReturnType<typeof createApp>
beforeAll(async () => {
  ctx = await setupApp()
  webRoot = await mkdtemp(path.join(tmpdir(), 'opsdeck-spa-'))
  await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>opsdeck</title>')
  await mkdir(path.join(webRoot, 'assets'))
  await writeFile(path.join(webRoot, 'assets', 'app-abc123.js'), 'console.log(1)')
  spa = createApp({
    db: ctx.db,
    logger: pino({ level: 'silent' }),
    webRoot,
    auth: { hash: TEST_HASH },
  })
})
afterAll(async () => {
  await rm(webRoot, { recursive: true, force: true })
  await ctx.drop()
})

function expectSecurityHeaders(res: Response) {
  const csp = res.headers.get('content-security-policy') ?? ''
  expect(csp).toContain("default-src 'self'")
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
  expect(csp).toContain("frame-ancestors 'none'")
  expect(csp).toContain("object-src 'none'")
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('referrer-policy')).toBe('no-referrer')
  expect(res.headers.get('x-frame-options')).toBe('DENY')
}

describe('security headers', () => {
  it('are on a JSON answer', async () => {
    const res = await ctx.app.request('/healthz')
    expect(res.status).toBe(200)
    expectSecurityHeaders(res)
  })

  it('are on an API answer, which no cache may keep', async () => {
    const { headers } = await loginAs(ctx)
    const res = await ctx.app.request('/api/v1/auth/me', { headers })
    expectSecurityHeaders(res)
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('are on errors: 404, 401 and 503', async () => {
    expectSecurityHeaders(await ctx.app.request('/api/v1/nope'))
    expectSecurityHeaders(await ctx.app.request('/api/v1/overview'))
    const deadDb = createDb('postgres://nobody@127.0.0.1:9/none', { connectionTimeoutMs: 1_000 })
    const broken = createApp({ db: deadDb, logger: pino({ level: 'silent' }) })
    const res = await broken.request('/api/v1/overview', {
      headers: { Cookie: 'opsdeck_session=anything' },
    })
    expect(res.status).toBe(503)
    expectSecurityHeaders(res)
    await deadDb.destroy()
  })

  it('are on the dashboard’s index page and its assets', async () => {
    const index = await spa.request('/services/42')
    expect(index.status).toBe(200)
    expect(await index.text()).toContain('<title>opsdeck</title>')
    expectSecurityHeaders(index)
    const asset = await spa.request('/assets/app-abc123.js')
    expect(asset.status).toBe(200)
    expectSecurityHeaders(asset)
  })
})

describe('body limit', () => {
  it('refuses a body over 1 MiB with 413 and the envelope', async () => {
    const { headers } = await loginAs(ctx, 'admin')
    const res = await ctx.app.request('/api/v1/tokens', {
      method: 'POST',
      headers: { ...headers, ...SAME_ORIGIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(1024 * 1024), scopes: ['read'] }),
    })
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual({
      error: { code: 'payload_too_large', message: 'The request body is larger than 1 MiB' },
    })
    expectSecurityHeaders(res)
  })

  it('counts a streamed body without Content-Length too', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(32)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 5) controller.enqueue(chunk)
        else controller.close()
      },
    })
    const res = await ctx.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body,
      duplex: 'half',
    })
    expect(res.status).toBe(413)
  })

  it('lets a body under the limit through', async () => {
    const res = await ctx.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.c', password: 'p'.repeat(1000) }),
    })
    expect(res.status).toBe(401)
  })
})
