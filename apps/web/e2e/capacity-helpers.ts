import type { Page, Response } from 'playwright-core'

// The capacity journey's helpers: days in London, and calls to the API from the signed-in page.

export const apiPath = (r: Response) => new URL(r.url()).pathname

/** `YYYY-MM-DD` of today in London (the demo organisation's zone and the browser's). */
export function londonToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date())
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** The Monday of the ISO week holding `day`. */
export function mondayOf(day: string): string {
  const dow = new Date(`${day}T12:00:00Z`).getUTCDay() // 0 Sunday … 6 Saturday
  return addDays(day, -((dow + 6) % 7))
}

/** `7 Dec`: how the allocation editor's preview names a week. */
export const shortDay = (monday: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${monday}T12:00:00Z`),
  )

export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A call to the API from the signed-in page, as the SPA makes them: its session cookie, and the
 * browser's own Sec-Fetch-Site (same-origin), which the CSRF guard asks for.
 */
export async function callApi<T>(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      })
      const text = await res.text()
      return { status: res.status, body: (text ? JSON.parse(text) : null) as unknown }
    },
    { method, path, body },
  ) as Promise<{ status: number; body: T }>
}

/** Deletes the person's bookings and the person; the problem in words, or null. */
export async function removePerson(page: Page, id: number) {
  try {
    const list = await callApi<{ allocations: { id: number }[] }>(
      page,
      'GET',
      `/allocations?person=${id}`,
    )
    if (list.status !== 200) return `GET /allocations?person=${id}: ${list.status}`
    for (const a of list.body.allocations) {
      const gone = await callApi(page, 'DELETE', `/allocations/${a.id}`)
      if (gone.status !== 204) return `DELETE /allocations/${a.id}: ${gone.status}`
    }
    const gone = await callApi(page, 'DELETE', `/people/${id}`)
    return gone.status === 204 ? null : `DELETE /people/${id}: ${gone.status}`
  } catch (err) {
    return `could not delete the journey's person: ${(err as Error).message}`
  }
}
