import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import { expect } from 'vitest'
import { postJson, type TestApp } from '../../../test/helpers.ts'

// Rows and requests the people tests share; each test makes its own teams and people.

let seq = 0

/** A team of its own, so a test sees only its own people (`?team=`). */
export async function newTeam(db: Kysely<Database>, name = 'Team') {
  seq += 1
  return db
    .insertInto('teams')
    .values({ slug: `people-w${seq}`, name: `${name} ${seq}` })
    .returning(['id', 'slug', 'name'])
    .executeTakeFirstOrThrow()
}

/** A person straight into the database (the insert trigger opens their membership). */
export async function addPerson(
  db: Kysely<Database>,
  teamId: number,
  fields: { name?: string; startDate?: string | null; endDate?: string | null } = {},
) {
  seq += 1
  return db
    .insertInto('people')
    .values({
      teamId,
      name: fields.name ?? `Person ${seq}`,
      role: 'Engineer',
      contractedHoursPerWeek: 37.5,
      startDate: fields.startDate ?? null,
      endDate: fields.endDate ?? null,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow()
}

export function send(
  ctx: TestApp,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
) {
  return postJson(ctx, path, body, headers, method)
}

/** The audit rows about `entity` whose id is `entityId`, oldest first. */
export function auditRows(db: Kysely<Database>, entity: string, entityId: number) {
  return db
    .selectFrom('auditLog')
    .select(['actorUserId', 'action', 'changes', 'at'])
    .where('entity', '=', entity)
    .where('entityId', '=', String(entityId))
    .orderBy('id')
    .execute()
}

interface Refused {
  error: { code: string; message: string; details?: { path: string; message: string }[] }
}

/** The refusal's body, after checking its status and code. */
export async function expectRefused(res: Response, status: number, code: string) {
  const body = (await res.json()) as Refused
  expect(res.status, JSON.stringify(body)).toBe(status)
  expect(body.error.code).toBe(code)
  return body
}

// The tables a people or team write touches, hashed: equal snapshots mean nothing was written.
const TABLES = ['people', 'team_memberships', 'teams', 'audit_log'] as const

async function snapshot(db: Kysely<Database>) {
  const hashes = await Promise.all(
    TABLES.map(async (name) => {
      const { rows } = await sql<{ hash: string }>`
        SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash
        FROM ${sql.table(name)} t`.execute(db)
      return [name, rows[0]?.hash] as const
    }),
  )
  return Object.fromEntries(hashes)
}

/** The request's answer, after checking that it changed no person, membership, team or audit row. */
export async function changesNothing(
  db: Kysely<Database>,
  request: () => Response | Promise<Response>,
) {
  const before = await snapshot(db)
  const res = await request()
  expect(await snapshot(db)).toEqual(before)
  return res
}
