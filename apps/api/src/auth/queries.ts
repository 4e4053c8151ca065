import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'

/** Emails are matched without regard to case (the unique index is on lower(email)). */
export function findUserByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'passwordHash', 'disabledAt'])
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst()
}

export async function findPasswordHash(db: Kysely<Database>, userId: number) {
  const row = await db
    .selectFrom('users')
    .select('passwordHash')
    .where('id', '=', userId)
    .executeTakeFirst()
  return row?.passwordHash
}
