import type { Options as HashOptions } from '@node-rs/argon2'
import type { Role } from '@opsdeck/contract'
import { type Database, lockFor } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { SYSTEM } from '../lib/audit.ts'
import { addUser } from '../users/add-user.ts'
import { hashPassword } from './password.ts'
import { randomSecret } from './secret.ts'

// Published in the README: they exist only while the database holds the generated demo.
export const DEMO_USERS = [
  {
    email: 'manager@demo.opsdeck.local',
    name: 'Demo Manager',
    role: 'manager',
    password: 'demo-manager-2026',
  },
  {
    email: 'viewer@demo.opsdeck.local',
    name: 'Demo Viewer',
    role: 'viewer',
    password: 'demo-viewer-2026',
  },
] as const satisfies { email: string; name: string; role: Role; password: string }[]

const bySystem = (at: Date) => ({ at, requestId: null, actor: SYSTEM })

/**
 * On a database without users, creates the first admin. Returns the password when it was made
 * up here (to be shown once), '' when the given one was used, undefined when users existed.
 * Several instances starting at once create one admin: the check runs under a lock.
 */
export async function ensureFirstAdmin(
  db: Kysely<Database>,
  args: { email: string; password?: string | undefined; hash: HashOptions },
): Promise<string | undefined> {
  const password = args.password ?? randomSecret(18)
  const passwordHash = await hashPassword(password, args.hash)
  return db.transaction().execute(async (trx) => {
    await lockFor(trx, 'opsdeck:first-admin')
    const any = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst()
    if (any) return undefined
    const email = args.email.trim().toLowerCase()
    const now = new Date()
    const admin = { email, name: 'Administrator', role: 'admin' as const, passwordHash, now }
    await addUser(trx, admin, bySystem(now))
    return args.password ? '' : password
  })
}

/** While the database holds the demo, its manager and viewer exist; returns those created now. */
export async function ensureDemoUsers(db: Kysely<Database>, hash: HashOptions): Promise<string[]> {
  const settings = await db.selectFrom('organisationSettings').select('demoData').executeTakeFirst()
  if (!settings?.demoData) return []
  const made: string[] = []
  for (const { password, ...user } of DEMO_USERS) {
    const passwordHash = await hashPassword(password, hash)
    const now = new Date()
    // An email already taken adds nothing: instances starting at once make each user once.
    const added = await db
      .transaction()
      .execute((trx) => addUser(trx, { ...user, passwordHash, now }, bySystem(now)))
    if (added) made.push(user.email)
  }
  return made
}
