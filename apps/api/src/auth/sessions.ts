import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { SessionUser } from './actor.ts'
import { randomSecret, sha256 } from './secret.ts'

// last_seen_at moves at most once a minute: idle expiry needs no finer grain, and a busy
// dashboard must not write a row on every request.
const TOUCH_EVERY_MS = 60_000

interface SessionTimes {
  now: Date
  idleMs: number
  maxMs: number
}

/** A new session with a fresh token (never reused across logins); returns the cookie value. */
export async function createSession(
  db: Kysely<Database>,
  args: { userId: number; now: Date; maxMs: number; ip: string | null; userAgent: string | null },
) {
  const token = randomSecret(16)
  const tokenHash = sha256(token)
  await db
    .insertInto('sessions')
    .values({
      tokenHash,
      userId: args.userId,
      createdAt: args.now,
      lastSeenAt: args.now,
      expiresAt: new Date(args.now.getTime() + args.maxMs),
      ip: args.ip,
      userAgent: args.userAgent?.slice(0, 512) ?? null,
    })
    .execute()
  return { token, sessionId: tokenHash.toString('hex') }
}

/** The signed-in user of a live session (not idle, not past its end, user not disabled). */
export async function findSession(
  db: Kysely<Database>,
  token: string,
  t: SessionTimes,
): Promise<{ user: SessionUser; sessionId: string } | undefined> {
  const tokenHash = sha256(token)
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(['users.id', 'users.email', 'users.name', 'users.role', 'sessions.lastSeenAt'])
    .where('sessions.tokenHash', '=', tokenHash)
    .where('sessions.expiresAt', '>', t.now)
    // expires_at holds the maximum in force at sign-in; checking today's too means lowering
    // OPSDECK_SESSION_MAX_DAYS shortens sessions that already exist.
    .where('sessions.createdAt', '>', new Date(t.now.getTime() - t.maxMs))
    .where('sessions.lastSeenAt', '>', new Date(t.now.getTime() - t.idleMs))
    .where('users.disabledAt', 'is', null)
    .executeTakeFirst()
  if (!row) return undefined
  if (t.now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ lastSeenAt: t.now })
      .where('tokenHash', '=', tokenHash)
      .execute()
  }
  const user = { id: row.id, email: row.email, name: row.name, role: row.role }
  return { user, sessionId: tokenHash.toString('hex') }
}

export async function deleteSession(db: Kysely<Database>, sessionId: string) {
  await db.deleteFrom('sessions').where('tokenHash', '=', Buffer.from(sessionId, 'hex')).execute()
}

/** Ends every session of a user, or every one but `keep` (the one changing its password). */
export async function deleteUserSessions(db: Kysely<Database>, userId: number, keep?: string) {
  let q = db.deleteFrom('sessions').where('userId', '=', userId)
  if (keep) q = q.where('tokenHash', '<>', Buffer.from(keep, 'hex'))
  const result = await q.executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Drops a user's idle or ended sessions, so the table does not grow with every sign-in. */
export async function deleteStaleSessions(db: Kysely<Database>, userId: number, t: SessionTimes) {
  await db
    .deleteFrom('sessions')
    .where('userId', '=', userId)
    .where((eb) =>
      eb.or([
        eb('expiresAt', '<=', t.now),
        eb('createdAt', '<=', new Date(t.now.getTime() - t.maxMs)),
        eb('lastSeenAt', '<=', new Date(t.now.getTime() - t.idleMs)),
      ]),
    )
    .execute()
}
