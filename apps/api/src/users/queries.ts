import type { Role } from '@opsdeck/contract'
import { type Database, lockFor } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import { ACCOUNT_KEY_PREFIX } from '../auth/login-keys.ts'

// The one writer of the users table: every insert and update of a user goes through here.

const PUBLIC_COLUMNS = [
  'id',
  'email',
  'name',
  'role',
  'disabledAt',
  'createdAt',
  'lastLoginAt',
] as const

/** Every user, with the failed sign-ins on their account since `since` (the throttle's window). */
export function listUsers(db: Kysely<Database>, since: Date) {
  return db
    .selectFrom('users')
    .select(PUBLIC_COLUMNS)
    .select(
      sql<number>`(
        SELECT count(*)::int FROM login_failures f
        WHERE f.key = ${ACCOUNT_KEY_PREFIX} || lower(users.email) AND f.at > ${since} AND NOT f.pending
      )`.as('recentFailures'),
    )
    .orderBy('id')
    .execute()
}

export function findUser(db: Kysely<Database>, id: number) {
  return db.selectFrom('users').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst()
}

export interface NewUserRow {
  email: string
  name: string
  role: Role
  passwordHash: string
  now: Date
}

/** The new user, or undefined when the email is taken (compared without case). */
export function insertUser(db: Kysely<Database>, user: NewUserRow) {
  return db
    .insertInto('users')
    .values({
      email: user.email,
      name: user.name,
      role: user.role,
      passwordHash: user.passwordHash,
      passwordChangedAt: user.now,
      createdAt: user.now,
    })
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirst()
}

export function updateUser(
  db: Kysely<Database>,
  id: number,
  patch: { name?: string | undefined; role?: Role | undefined; disabledAt?: Date | null },
) {
  return db
    .updateTable('users')
    .set(patch)
    .where('id', '=', id)
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirstOrThrow()
}

export async function setPasswordHash(
  db: Kysely<Database>,
  userId: number,
  passwordHash: string,
  now: Date,
) {
  await db
    .updateTable('users')
    .set({ passwordHash, passwordChangedAt: now })
    .where('id', '=', userId)
    .execute()
}

/** A sign-in: when it was, and the password's new hash when it was made stronger. */
export async function recordSignIn(
  db: Kysely<Database>,
  userId: number,
  signIn: { now: Date; rehashed: string | undefined },
) {
  await db
    .updateTable('users')
    .set({
      lastLoginAt: signIn.now,
      ...(signIn.rehashed ? { passwordHash: signIn.rehashed } : {}),
    })
    .where('id', '=', userId)
    .execute()
}

/**
 * Serialises changes that could remove an admin, so two admins demoting each other at once cannot
 * leave nobody able to administer; then counts the enabled admins. Call it in a transaction.
 */
export async function lockAndCountAdmins(trx: Kysely<Database>): Promise<number> {
  await lockFor(trx, 'opsdeck:admins')
  const row = await trx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabledAt', 'is', null)
    .executeTakeFirstOrThrow()
  return row.n
}
