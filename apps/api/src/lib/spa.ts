import { readFileSync } from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'

/** Serves the built SPA: its files, and index.html for every other non-API path (client routes). */
export function serveSpa(app: Hono<AppEnv>, webRoot: string): void {
  const root = path.relative(process.cwd(), path.resolve(webRoot)) || '.'
  const indexHtml = readFileSync(path.join(webRoot, 'index.html'), 'utf8')
  app.use('/assets/*', async (c, next) => {
    await next()
    // Vite fingerprints asset names, so they can be cached for good.
    if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable')
  })
  app.use('*', serveStatic({ root }))
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound()
    // A missing asset (another build's) is a 404: index.html in its place would break the page
    // with a MIME error and be cached for a year under the asset's name.
    if (c.req.path.startsWith('/assets/')) return c.notFound()
    c.header('Cache-Control', 'no-cache')
    return c.html(indexHtml)
  })
}
