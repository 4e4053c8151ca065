import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { expect } from 'vitest'
import { loginAs, postJson, setupApp } from '../../../test/helpers.ts'

// The import tests' app: a manager who imports, a viewer who may not, and projects to import into.
export async function importApp() {
  const ctx = await setupApp(new Date('2026-11-04T12:00:00Z'))
  const manager = (await loginAs(ctx, 'manager')).headers
  const viewer = (await loginAs(ctx, 'viewer')).headers
  const post = async <Body>(path: string, body: unknown, headers = manager) => {
    const res = await postJson(ctx, `/api/v1/projects${path}`, body, headers)
    return { status: res.status, body: (await res.json()) as Body }
  }
  const get = (path: string, headers: Record<string, string> = viewer) =>
    ctx.app.request(`/api/v1/projects${path}`, { headers })
  return { ...ctx, manager, viewer, post, get }
}

/** A project for one test: 2026 as its dates unless given. */
export async function createProject(
  db: Kysely<Database>,
  code: string,
  dates = { startDate: '2026-01-01', endDate: '2026-12-31' },
) {
  return db
    .insertInto('projects')
    .values({ code, name: code, status: 'active', ...dates })
    .returning('id')
    .executeTakeFirstOrThrow()
    .then((r) => r.id)
}

/** A project's cost entries, oldest first, as the import wrote them. */
export const entriesOf = (db: Kysely<Database>, projectId: number) =>
  db
    .selectFrom('costEntries')
    .select(['incurredOn', 'amountPence', 'category', 'spendType', 'supplier', 'reference'])
    .select('description')
    .where('projectId', '=', projectId)
    .orderBy('id')
    .execute()

/** Lines of a CSV joined with CRLF, as a spreadsheet saves them. */
export const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n'

export const expectStatus = (res: { status: number; body: unknown }, status: number) =>
  expect(res.status, JSON.stringify(res.body)).toBe(status)

/** A response's text with its BOM kept (Response#text drops it). */
export const textOf = async (res: Response) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer())
