import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { expect } from 'vitest'

// Rows the catalogue's tests make for themselves.

let seq = 0

/** A person (in a team of their own), for a project's owner. */
export async function addPerson(db: Kysely<Database>, name: string) {
  seq += 1
  const team = await db
    .insertInto('teams')
    .values({ slug: `catalogue-${seq}`, name: `Catalogue ${seq}` })
    .returning('id')
    .executeTakeFirstOrThrow()
  return db
    .insertInto('people')
    .values({ teamId: team.id, name, role: 'Engineer', contractedHoursPerWeek: 37.5 })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow()
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

export interface Refused {
  error: { code: string; message: string; details?: { path: string; message: string }[] }
}

/** The refusal's body, after checking its status and code. */
export async function expectRefused(res: Response, status: number, code: string) {
  const body = (await res.json()) as Refused
  expect(res.status, JSON.stringify(body)).toBe(status)
  expect(body.error.code).toBe(code)
  return body
}
