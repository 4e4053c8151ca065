import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import { beforeEach, expect } from 'vitest'
import {
  createToken,
  loginAs,
  postJson,
  SAME_ORIGIN,
  type TestUser,
  useClockedApp,
} from '../../../test/helpers.ts'

let n = 0

/**
 * The app for a capacity write test: a manager signed in afresh for each test, the clock at
 * `start`, teams, people and projects made straight in the database.
 */
export function capacityTestApp(start: Date) {
  const ctx = useClockedApp(start)
  let manager: { user: TestUser; headers: Record<string, string> } | undefined
  beforeEach(async () => {
    manager = await loginAs(ctx, 'manager')
  })
  const signedIn = () => {
    if (!manager) throw new Error('the manager signs in before each test')
    return manager
  }
  const headersOr = (headers?: Record<string, string>) => headers ?? signedIn().headers
  const send = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    body === undefined
      ? ctx.app.request(`/api/v1/${path}`, {
          method,
          headers: { ...headersOr(headers), ...SAME_ORIGIN },
        })
      : postJson(ctx, `/api/v1/${path}`, body, headersOr(headers), method)
  return {
    ctx,
    manager: signedIn,
    /** A person in a new team: full time (37.5 h, Monday to Friday) unless told otherwise. */
    person: async (
      fields: {
        contractedHoursPerWeek?: number
        workingDays?: number[]
        startDate?: string | null
        endDate?: string | null
        bankHolidayRegion?: string | null
      } = {},
    ) => {
      n += 1
      const team = await ctx.db
        .insertInto('teams')
        .values({ slug: `team-${n}`, name: `Team ${n}` })
        .returning(['id', 'slug'])
        .executeTakeFirstOrThrow()
      const person = await ctx.db
        .insertInto('people')
        .values({
          teamId: team.id,
          name: `Person ${n}`,
          role: 'Engineer',
          contractedHoursPerWeek: 37.5,
          startDate: null,
          endDate: null,
          bankHolidayRegion: null,
          ...fields,
        })
        .returning(['id', 'name'])
        .executeTakeFirstOrThrow()
      return { ...person, team }
    },
    project: async (status: 'active' | 'closed' | 'cancelled' = 'active') => {
      n += 1
      return ctx.db
        .insertInto('projects')
        .values({
          code: `CAP-${n}`,
          name: `Capacity project ${n}`,
          startDate: '2026-01-01',
          endDate: '2027-12-31',
          status,
        })
        .returning(['id', 'code', 'name'])
        .executeTakeFirstOrThrow()
    },
    /** The audit rows of an entity, oldest first. */
    auditOf: (entity: string, entityId: number | string) =>
      ctx.db
        .selectFrom('auditLog')
        .select(['action', 'changes', 'actorUserId'])
        .where('entity', '=', entity)
        .where('entityId', '=', String(entityId))
        .orderBy('id')
        .execute(),
    get: (path: string, headers?: Record<string, string>) =>
      ctx.app.request(`/api/v1/${path}`, { headers: headersOr(headers) }),
    send,
    /** A viewer's and a read token's headers: both are refused every write. */
    readers: async () => [
      (await loginAs(ctx, 'viewer')).headers,
      (await createToken(ctx.db, ['read'])).headers,
    ],
  }
}

/** Every row of the capacity tables and the audit log: equal snapshots mean nothing was written. */
export async function capacityRows(db: Kysely<Database>) {
  const tables = [
    'allocations',
    'time_off',
    'closure_days',
    'incident_responder_hours',
    'audit_log',
  ]
  const rows: Record<string, unknown> = {}
  for (const table of tables) {
    const { rows: all } = await sql<{ row: string }>`
      SELECT t::text AS row FROM ${sql.table(table)} t ORDER BY 1`.execute(db)
    rows[table] = all.map((r) => r.row)
  }
  return rows
}

/** The response, after checking that it changed no capacity row and wrote no audit row. */
export async function refusedWithoutWriting(
  db: Kysely<Database>,
  request: () => Response | Promise<Response>,
  status: number,
) {
  const before = await capacityRows(db)
  const res = await request()
  const body = (await res.json()) as {
    error: { code: string; message: string; details?: { path: string; message: string }[] }
  }
  expect(res.status, JSON.stringify(body)).toBe(status)
  expect(await capacityRows(db)).toEqual(before)
  return body.error
}
