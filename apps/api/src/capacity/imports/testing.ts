import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { expect } from 'vitest'
import { loginAs, postJson, setupApp } from '../../../test/helpers.ts'

// The capacity import tests' app: a manager who imports, a viewer who may not, teams, people and
// projects made straight in the database.
export async function importApp() {
  const ctx = await setupApp(new Date('2026-11-04T12:00:00Z'))
  const manager = (await loginAs(ctx, 'manager')).headers
  const viewer = (await loginAs(ctx, 'viewer')).headers
  const post = async <Body>(path: string, body: unknown, headers = manager) => {
    const res = await postJson(ctx, `/api/v1/capacity${path}`, body, headers)
    return { status: res.status, body: (await res.json()) as Body }
  }
  const get = (path: string, headers: Record<string, string> = viewer) =>
    ctx.app.request(`/api/v1/capacity${path}`, { headers })
  return { ...ctx, manager, viewer, post, get }
}

export async function createTeam(db: Kysely<Database>, slug: string, name = slug) {
  return db
    .insertInto('teams')
    .values({ slug, name })
    .returning('id')
    .executeTakeFirstOrThrow()
    .then((r) => r.id)
}

/** A person straight into the database: 37.5 hours, Monday to Friday, unless given. */
export async function createPerson(
  db: Kysely<Database>,
  teamId: number,
  email: string,
  fields: { startDate?: string | null; endDate?: string | null } = {},
) {
  return db
    .insertInto('people')
    .values({
      teamId,
      name: email.split('@')[0]!,
      email,
      role: 'Engineer',
      contractedHoursPerWeek: 37.5,
      startDate: fields.startDate ?? null,
      endDate: fields.endDate ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .then((r) => r.id)
}

export async function createProject(
  db: Kysely<Database>,
  code: string,
  status: 'active' | 'closed' = 'active',
) {
  return db
    .insertInto('projects')
    .values({ code, name: code, status, startDate: '2026-01-01', endDate: '2027-12-31' })
    .returning('id')
    .executeTakeFirstOrThrow()
    .then((r) => r.id)
}

/** Lines of a CSV joined with CRLF, as a spreadsheet saves them. */
export const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n'

export const expectStatus = (res: { status: number; body: unknown }, status: number) =>
  expect(res.status, JSON.stringify(res.body)).toBe(status)

/** A response's text with its BOM kept (Response#text drops it). */
export const textOf = async (res: Response) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer())

/** A preview's errors as `line column: message`, in order. */
export const errorsOf = (preview: {
  rows: { line: number; errors: { column: string; message: string }[] }[]
}) => preview.rows.flatMap((r) => r.errors.map((e) => `${r.line} ${e.column}: ${e.message}`))
