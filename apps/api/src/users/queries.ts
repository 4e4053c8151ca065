import type { Role } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import { ACCOUNT_KEY_PREFIX } from '../auth/login-keys.ts'

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

/** The new user, or undefined when the email is taken (compared without case). */
export function insertUser(
  db: Kysely<Database>,
  user: { email: string; name: string; role: Role; passwordHash: string; now: Date },
) {
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
  patch: { name?: string; role?: Role; disabledAt?: Date | null },
) {
  return db
    .updateTable('users')
    .set(patch)
    .where('id', '=', id)
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirstOrThrow()
}

/**
 * Serialises changes that could remove an admin, so two admins demoting each other at once cannot
 * leave nobody able to administer; then counts the enabled admins.
 */
export async function lockAndCountAdmins(db: Kysely<Database>): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('opsdeck:admins'))`.execute(db)
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabledAt', 'is', null)
    .executeTakeFirstOrThrow()
  return row.n
}
