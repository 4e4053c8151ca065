import type { TokenScope } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { effectiveScopes } from '../auth/access.ts'
import { generateApiToken } from './api-tokens.ts'

export async function listTokens(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('apiTokens as t')
    .leftJoin('users as u', 'u.id', 't.createdByUserId')
    .select([
      't.id',
      't.name',
      't.scopes',
      't.createdAt',
      't.lastUsedAt',
      't.revokedAt',
      'u.id as creatorId',
      'u.email as creatorEmail',
      'u.role as creatorRole',
      'u.disabledAt as creatorDisabledAt',
    ])
    .orderBy('t.id', 'desc')
    .execute()
  return rows.map(({ creatorId, creatorEmail, creatorRole, creatorDisabledAt, ...t }) => {
    const scopes = t.scopes as TokenScope[]
    const createdBy =
      creatorId !== null && creatorEmail !== null && creatorRole !== null
        ? {
            id: creatorId,
            email: creatorEmail,
            role: creatorRole,
            disabled: creatorDisabledAt !== null,
          }
        : null
    // What it may do now (see findApiToken): nothing once revoked or while its creator is disabled.
    const stopped = t.revokedAt !== null || createdBy?.disabled === true
    const effective = stopped ? [] : effectiveScopes(scopes, createdBy?.role ?? null)
    return { ...t, scopes, effectiveScopes: effective, createdBy }
  })
}

/** Stores the new token's hash; the token itself is returned to be shown once. */
export async function insertToken(
  db: Kysely<Database>,
  args: { name: string; scopes: TokenScope[]; createdByUserId: number | null; now: Date },
) {
  const { token, tokenHash } = generateApiToken()
  const row = await db
    .insertInto('apiTokens')
    .values({
      name: args.name,
      scopes: args.scopes,
      tokenHash,
      createdByUserId: args.createdByUserId,
      createdAt: args.now,
    })
    .returning(['id', 'name', 'scopes'])
    .executeTakeFirstOrThrow()
  return { id: row.id, name: row.name, scopes: row.scopes as TokenScope[], token }
}

/** 'revoked' when this call revoked it, 'already' when it was, undefined when there is none. */
export async function revokeToken(db: Kysely<Database>, id: number, now: Date) {
  const row = await db
    .selectFrom('apiTokens')
    .select('revokedAt')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!row) return undefined
  if (row.revokedAt) return 'already' as const
  await db.updateTable('apiTokens').set({ revokedAt: now }).where('id', '=', id).execute()
  return 'revoked' as const
}
