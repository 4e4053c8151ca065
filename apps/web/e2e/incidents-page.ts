import assert from 'node:assert/strict'
import type { Page, Response } from 'playwright-core'

// What the incidents journey (incidents-journey.ts) reads and does on the Incidents pages: the
// list's statuses, the analytics' figures, an incident's facts, timeline and status moves.
export const TIMEOUT = 60_000 // generous: a loaded 2-core CI machine
export const REF = /^INC-\d{4}-\d{4}$/
export const OPEN = ['Triggered', 'Acknowledged', 'Investigating', 'Identified', 'Monitoring']
export const ENDED = ['Resolved', 'Closed']
export const DURATION = /^(\d+d( \d+h)?|\d+h( \d+m)?|\d+m|\d+s)$/

/** What the journey reads of GET /incidents/metrics (the figures the page formats). */
export interface Metrics {
  timezone: string
  incidents: number
  mttr: { mean: number | null; count: number }
}

export const apiPath = (r: Response) => new URL(r.url()).pathname

/** `1d 3h`, `5h 12m`, `45m`, `30s` in minutes, and how far the display may round it. */
export function minutesOf(text: string): { minutes: number; slack: number } {
  let minutes = 0
  for (const [, n, unit] of text.matchAll(/(\d+)([dhms])/g)) {
    minutes += Number(n) * { d: 1440, h: 60, m: 1, s: 1 / 60 }[unit as 'd' | 'h' | 'm' | 's']
  }
  const slack = text.includes('d') ? 30 : text.includes('s') ? 0.5 / 60 : 0.5
  return { minutes, slack }
}

/** `YYYY-MM-DD` of today in a time zone, and `days` later (negative: earlier). */
export function dayIn(timeZone: string, days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date())
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** The browser's local time `minutes` ago, as a datetime-local field takes it. */
export function localTimeAgo(page: Page, minutes: number): Promise<string> {
  return page.evaluate((minutes) => {
    const d = new Date(Date.now() - minutes * 60_000)
    const pad = (n: number) => String(n).padStart(2, '0')
    const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
    return `${day}T${pad(d.getHours())}:${pad(d.getMinutes())}`
  }, minutes)
}

/** The parts of the Incidents pages the journey reads, and the waits it needs on them. */
export function incidentsPage(page: Page) {
  const table = page.getByRole('table', {
    name: 'Incidents, open first, then by severity, then newest',
  })
  const rows = table.locator('tbody tr')
  // While new figures load, the previous ones stay (dimmed) and the page says "Updating…".
  const settled = () => page.getByText('Updating…').waitFor({ state: 'hidden', timeout: TIMEOUT })
  const noBadValues = async () =>
    assert.equal(await page.getByText(/NaN|Infinity|undefined/).count(), 0, 'no NaN shown')
  const metricsResponse = (from?: string) =>
    page.waitForResponse(
      (r) =>
        apiPath(r) === '/api/v1/incidents/metrics' &&
        r.ok() &&
        (from === undefined || new URL(r.url()).searchParams.get('from') === from),
      { timeout: TIMEOUT },
    )
  // The status is the second data cell (the ref is the row's header).
  const statusesShown = async () => {
    const statuses: string[] = []
    for (const row of await rows.all()) {
      statuses.push((await row.getByRole('cell').nth(1).innerText()).trim())
    }
    return statuses
  }
  const stat = (name: string) => page.getByRole('group', { name, exact: true })
  const facts = page.getByRole('list', { name: 'About this incident' })
  const timeline = page.getByRole('list', { name: 'Timeline, oldest first' })
  const moves = page.getByRole('group', { name: 'Status moves' })
  /** Moves incident `ref` by a button; waits for the new status in the facts and the timeline. */
  const move = async (ref: string, button: string, status: string) => {
    const [moved] = await Promise.all([
      page.waitForResponse((r) => apiPath(r) === `/api/v1/incidents/${ref}/transitions`, {
        timeout: TIMEOUT,
      }),
      moves.getByRole('button', { name: button, exact: true }).click({ timeout: TIMEOUT }),
    ])
    assert.equal(moved.status(), 200, await moved.text())
    await facts.getByText(status, { exact: true }).waitFor({ timeout: TIMEOUT })
    await timeline
      .getByRole('listitem')
      .filter({ hasText: 'Status' })
      .filter({ hasText: status })
      .waitFor({ timeout: TIMEOUT })
    return (await moved.json()) as { startedAt: string; resolvedAt: string | null }
  }
  return {
    rows,
    settled,
    noBadValues,
    metricsResponse,
    statusesShown,
    stat,
    facts,
    timeline,
    moves,
    move,
  }
}
