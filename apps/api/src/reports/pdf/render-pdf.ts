import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { createShareLink, deleteShareLink, RENDER_LABEL } from '../share/links.ts'
import { findSnapshot } from '../snapshots/queries.ts'

/** Why a PDF cannot be made here; the message says what to do instead. */
export class PdfUnavailableError extends Error {}

/** Too many PDFs waiting to be printed: try again shortly. */
export class PdfBusyError extends Error {}

export interface PdfRenderer {
  /** The snapshot as an A4 PDF; throws PdfUnavailableError when this server cannot make one. */
  render: (snapshotId: number) => Promise<Uint8Array>
}

export interface PdfOptions {
  db: Kysely<Database>
  /** The operating system's Chromium (none can be downloaded here). */
  chromiumPath: string
  /** Where this server's dashboard answers, e.g. http://127.0.0.1:3000; null in a worker alone. */
  baseUrl: string | null
  now?: () => Date
  /** How long the page may take to load and draw, in ms (default 30 s). */
  timeoutMs?: number
}

// The page opens through a share link of its own that lives a few minutes: the same read-only
// view anyone with a link sees, so the renderer needs no session and can reach nothing else.
const RENDER_LINK_MS = 5 * 60_000
const PRINT_HINT = "use the browser's Print (Ctrl+P) on the report page instead"

// A snapshot never changes, so its PDF is printed once and kept (the last few, in memory).
const CACHED = 16
// Printing takes seconds: beyond this many waiting, a request is turned away (503, retry).
const MAX_WAITING = 4

/**
 * Renders a snapshot's page in headless Chromium and prints it: A4, with the organisation, report
 * and period in the header and page numbers in the footer. One render at a time per process, the
 * same snapshot asked for again while printing shares that print, the last few are kept, and a
 * queue longer than MAX_WAITING is refused: a share link opens this to anyone who has it.
 */
export function pdfRenderer(options: PdfOptions): PdfRenderer {
  return queuedRenderer((snapshotId) => renderOnce(options, snapshotId))
}

/** `print` one snapshot at a time, kept once printed, refused beyond MAX_WAITING. */
export function queuedRenderer(print: (snapshotId: number) => Promise<Uint8Array>): PdfRenderer {
  let queue: Promise<unknown> = Promise.resolve()
  let waiting = 0
  const done = new Map<number, Uint8Array>()
  const printing = new Map<number, Promise<Uint8Array>>()
  return {
    render: (snapshotId) => {
      const kept = done.get(snapshotId)
      if (kept) return Promise.resolve(kept)
      const inFlight = printing.get(snapshotId)
      if (inFlight) return inFlight
      if (waiting >= MAX_WAITING) {
        return Promise.reject(new PdfBusyError('Reports are being printed: try again shortly'))
      }
      waiting += 1
      const run = queue
        .then(() => print(snapshotId))
        .then((pdf) => {
          done.set(snapshotId, pdf)
          if (done.size > CACHED) done.delete(done.keys().next().value as number)
          return pdf
        })
        .finally(() => {
          waiting -= 1
          printing.delete(snapshotId)
        })
      printing.set(snapshotId, run)
      queue = run.catch(() => undefined)
      return run
    },
  }
}

async function renderOnce(o: PdfOptions, snapshotId: number): Promise<Uint8Array> {
  if (!existsSync(o.chromiumPath)) {
    throw new PdfUnavailableError(
      `PDF export needs Chromium, which is not installed at ${o.chromiumPath} (install it, e.g. \`apt-get install -y chromium\`, or set OPSDECK_CHROMIUM_PATH): ${PRINT_HINT}`,
    )
  }
  if (!o.baseUrl) {
    throw new PdfUnavailableError(
      `this process serves no pages to print (set OPSDECK_RENDER_URL to an API instance): ${PRINT_HINT}`,
    )
  }
  const snapshot = await findSnapshot(o.db, snapshotId)
  if (!snapshot) throw new RangeError(`no snapshot ${snapshotId}`)
  const now = o.now?.() ?? new Date()
  const link = await createShareLink(o.db, {
    snapshotId,
    days: 0,
    ttlMs: RENDER_LINK_MS,
    label: RENDER_LABEL,
    createdByUserId: null,
    now,
  })
  const browser = await chromium.launch({
    executablePath: o.chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  })
  try {
    const page = await browser.newPage()
    page.setDefaultTimeout(o.timeoutMs ?? 30_000)
    await page.emulateMedia({ media: 'print' })
    await page.goto(`${o.baseUrl}/shared/${link.token}`, { waitUntil: 'networkidle' })
    await page.getByRole('heading', { name: snapshot.title, level: 1 }).waitFor()
    const { report } = snapshot
    const header = `${report.organisation} · ${report.title} · ${report.period.label}`
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      margin: { top: '18mm', bottom: '16mm', left: '12mm', right: '12mm' },
      headerTemplate: `<div style="font-size:8px;width:100%;padding:0 12mm;color:#555">${escapeHtml(header)}</div>`,
      footerTemplate:
        '<div style="font-size:8px;width:100%;padding:0 12mm;text-align:right;color:#555">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
    })
    return new Uint8Array(pdf)
  } finally {
    await browser.close().catch(() => undefined)
    // The link was the printer's alone: gone, not left revoked in the snapshot's list.
    await deleteShareLink(o.db, link.id).catch(() => undefined)
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
