import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import pino from 'pino'
import { extractText } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../app.ts'
import { loginAs, postJson, TEST_HASH } from '../../../test/helpers.ts'
import { findSnapshot } from '../snapshots/queries.ts'
import { PdfBusyError, pdfRenderer, queuedRenderer } from './render-pdf.ts'

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

describe('the PDF queue', () => {
  it('prints one at a time, shares a print in progress, keeps it, and turns away a long queue', async () => {
    let release = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const printed: number[] = []
    const renderer = queuedRenderer(async (id) => {
      await gate
      printed.push(id)
      return new Uint8Array([id])
    })
    const waiting = [1, 2, 3, 4].map((id) => renderer.render(id))
    const again = renderer.render(1) // the same snapshot: the same print, not a fifth
    await expect(renderer.render(5)).rejects.toBeInstanceOf(PdfBusyError)
    release()
    expect((await Promise.all(waiting)).map((b) => b[0])).toEqual([1, 2, 3, 4])
    expect(await again).toBe(await waiting[0])
    expect(printed).toEqual([1, 2, 3, 4])
    // Kept: asked again, nothing is printed.
    expect(await renderer.render(2)).toBe(await waiting[1])
    expect(printed).toEqual([1, 2, 3, 4])
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
        // A copy: pdf.js may take over the buffer it is given.
        const { totalPages, text } = await extractText(new Uint8Array(pdf), { mergePages: true })
        expect(totalPages).toBeGreaterThan(1)
        expect(text).toContain('Availability 99.93%')
        expect(text).toContain(`${report.organisation} · ${title} · ${report.period.label}`)
        expect(text).toContain(`Page 2 of ${totalPages}`)
        // Its own link is gone once printed.
        const links = await database.db
          .selectFrom('reportShareLinks')
          .select('id')
          .where('snapshotId', '=', id)
          .execute()
        expect(links).toEqual([])
        // The same snapshot again: the PDF kept, not printed again (no page to print from now).
        server.close()
        expect(await renderer.render(id)).toBe(pdf)
      } finally {
        server.close()
      }
    },
    60_000,
  )
})
