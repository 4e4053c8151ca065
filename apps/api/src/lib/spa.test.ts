import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEnv } from '../app-env.ts'
import { serveSpa } from './spa.ts'

let webRoot: string
let app: Hono<AppEnv>
beforeAll(async () => {
  webRoot = await mkdtemp(path.join(tmpdir(), 'opsdeck-spa-'))
  await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>opsdeck</title>')
  await mkdir(path.join(webRoot, 'assets'))
  await writeFile(path.join(webRoot, 'assets', 'app-abc123.js'), 'console.log(1)')
  app = new Hono<AppEnv>()
  serveSpa(app, webRoot)
})
afterAll(() => rm(webRoot, { recursive: true, force: true }))

describe('serveSpa', () => {
  it('answers a client route with index.html, revalidated', async () => {
    const res = await app.request('/services/payroll')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<title>opsdeck</title>')
    expect(res.headers.get('cache-control')).toBe('no-cache')
  })

  it('serves an asset that exists, cached for good', async () => {
    const res = await app.request('/assets/app-abc123.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  // An asset of another build (a tab opened before a deploy, an instance not yet updated) must
  // fail as such: index.html in its place breaks the page, and was cached for a year.
  it('answers a missing asset with 404, not index.html cached for good', async () => {
    const res = await app.request('/assets/index-old0build.css')
    expect(res.status).toBe(404)
    expect(res.headers.get('cache-control') ?? '').not.toContain('immutable')
    expect(await res.text()).not.toContain('<title>opsdeck</title>')
  })
})
