import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import pino from 'pino'
import { extractText } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../app.ts'
import { loginAs, postJson, TEST_HASH } from '../../../test/helpers.ts'
import { listShareLinks } from '../share/links.ts'
import { findSnapshot } from '../snapshots/queries.ts'
import { pdfRenderer } from './render-pdf.ts'

// Without Chromium (or a page to print), PDF export says so plainly and points at the browser's
// Print: 503 pdf_unavailable, never a 500. The real PDF is checked in the browser journey.
let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database.drop())

const appWith = (pdf?: Parameters<typeof createApp>[0]['pdf']) => {
  const app = createApp({
    db: database.db,
    logger: pino({ level: 'silent' }),
    auth: { hash: TEST_HASH },
    pdf,
  })
  return { app, db: database.db }
}

async function frozenSnapshot(ctx: ReturnType<typeof appWith>) {
  const { headers } = await loginAs(ctx, 'manager')
  const res = await postJson(ctx, '/api/v1/reports/snapshots', { period: 'month' }, headers)
  const { id } = (await res.json()) as { id: number }
  return { id, headers }
}

describe('GET /api/v1/reports/snapshots/:id/pdf', () => {
  it('is 503 pdf_unavailable when the server has no renderer', async () => {
    const ctx = appWith()
    const { id, headers } = await frozenSnapshot(ctx)
    const res = await ctx.app.request(`/api/v1/reports/snapshots/${id}/pdf`, { headers })
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({
      error: { code: 'pdf_unavailable', message: expect.stringContaining('Print') },
    })
  })

  it('is 503 naming the missing Chromium and what to do', async () => {
    const ctx = appWith(
      pdfRenderer({
        db: database.db,
        chromiumPath: '/nowhere/chromium',
        baseUrl: 'http://127.0.0.1:9',
      }),
    )
    const { id, headers } = await frozenSnapshot(ctx)
    const res = await ctx.app.request(`/api/v1/reports/snapshots/${id}/pdf`, { headers })
    expect(res.status).toBe(503)
    const { error } = (await res.json()) as { error: { message: string } }
    expect(error.message).toContain('/nowhere/chromium')
    expect(error.message).toContain('OPSDECK_CHROMIUM_PATH')
  })

  it('is 404 for an unknown snapshot, and for a share link that opens nothing', async () => {
    const ctx = appWith()
    const { headers } = await loginAs(ctx, 'viewer')
    expect(
      (await ctx.app.request('/api/v1/reports/snapshots/999999/pdf', { headers })).status,
    ).toBe(404)
    expect((await ctx.app.request('/api/v1/shared/ods_nothing/pdf')).status).toBe(404)
  })
})

// The renderer itself, on a page standing in for the report's (the dashboard's own is printed in
// the browser journey): A4 pages with the header and page numbers, the page's text inside.
describe('pdfRenderer', () => {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  it.skipIf(!existsSync(chromium))(
    'prints the page a share link opens, with header and footer',
    async () => {
      const ctx = appWith()
      const { id } = await frozenSnapshot(ctx)
      const { report, title } = (await findSnapshot(database.db, id))!
      const tall = Array.from({ length: 80 }, (_, i) => `<p>Row ${i}</p>`).join('')
      const server = createServer((req, res) => {
        const ok = req.url?.startsWith('/shared/ods_')
        res.writeHead(ok ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' })
        res.end(ok ? `<h1>${title}</h1><p>Availability 99.93%</p>${tall}` : 'no')
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const { port } = server.address() as AddressInfo
      try {
        const renderer = pdfRenderer({
          db: database.db,
          chromiumPath: chromium,
          baseUrl: `http://127.0.0.1:${port}`,
        })
        const pdf = await renderer.render(id)
        const { totalPages, text } = await extractText(pdf, { mergePages: true })
        expect(totalPages).toBeGreaterThan(1)
        expect(text).toContain('Availability 99.93%')
        expect(text).toContain(`${report.organisation} · ${title} · ${report.period.label}`)
        expect(text).toContain(`Page 2 of ${totalPages}`)
        // Its own link is revoked once printed.
        const links = await database.db
          .selectFrom('reportShareLinks')
          .select('revokedAt')
          .where('snapshotId', '=', id)
          .execute()
        expect(links.map((l) => l.revokedAt === null)).toEqual([false])
        // … and not listed among the snapshot's shares.
        expect(await listShareLinks(database.db, id)).toEqual([])
      } finally {
        server.close()
      }
    },
    60_000,
  )
})
