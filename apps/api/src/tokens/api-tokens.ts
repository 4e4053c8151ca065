import type { TokenScope } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { effectiveScopes } from '../auth/access.ts'
import type { TokenActor } from '../auth/actor.ts'
import { randomSecret, sha256 } from '../auth/secret.ts'

export const TOKEN_PREFIX = 'odk_'
// Recording every use of an ingest token would write a row per batch: a minute is precise enough.
const TOUCH_EVERY_MS = 60_000

/** A new token: shown once to its creator, only its hash is kept. */
export function generateApiToken() {
  const token = TOKEN_PREFIX + randomSecret(32)
  return { token, tokenHash: sha256(token) }
}

/**
 * The token's identity when it exists, is not revoked and its creator is not disabled; records when
 * it was last used. Disabling someone must end all their access, tokens they made included; a
 * token with no creator (made by the system) answers to no account. Its scopes are those its
 * creator's current role covers: demoting the creator narrows it, and stops it when none are left.
 */
export async function findApiToken(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<TokenActor['token'] | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined
  const tokenHash = sha256(token)
  const row = await db
    .selectFrom('apiTokens as t')
    .leftJoin('users as u', 'u.id', 't.createdByUserId')
    .select(['t.id', 't.name', 't.scopes', 't.lastUsedAt', 'u.role as creatorRole'])
    .where('t.tokenHash', '=', tokenHash)
    .where('t.revokedAt', 'is', null)
    .where('u.disabledAt', 'is', null)
    .executeTakeFirst()
  const scopes = row && effectiveScopes(row.scopes as TokenScope[], row.creatorRole)
  if (!row || !scopes?.length) return undefined
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
    await db.updateTable('apiTokens').set({ lastUsedAt: now }).where('id', '=', row.id).execute()
  }
  return { id: row.id, name: row.name, scopes }
}
