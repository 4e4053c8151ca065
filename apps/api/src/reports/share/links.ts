import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { randomSecret, sha256 } from '../../auth/secret.ts'

export const SHARE_PREFIX = 'ods_'
export const DEFAULT_SHARE_DAYS = 30
/** The PDF printer's own short-lived links: opsdeck's plumbing, not shares anyone made. */
export const RENDER_LABEL = 'PDF rendering'
const DAY_MS = 86_400_000

/**
 * A new link to one snapshot: a 256-bit secret shown once (the link), only its hash kept, so
 * that a copy of the database opens nothing. It expires after `days` and can be revoked.
 */
export async function createShareLink(
  db: Kysely<Database>,
  input: {
    snapshotId: number
    days: number
    label?: string
    createdByUserId: number | null
    now: Date
    /** A lifetime shorter than a day (the PDF renderer's own link): overrides `days`. */
    ttlMs?: number
  },
) {
  const token = SHARE_PREFIX + randomSecret(32)
  const row = await db
    .insertInto('reportShareLinks')
    .values({
      snapshotId: input.snapshotId,
      tokenHash: hashOf(token),
      label: input.label ?? '',
      expiresAt: new Date(input.now.getTime() + (input.ttlMs ?? input.days * DAY_MS)),
      createdByUserId: input.createdByUserId,
    })
    .returning(['id', 'snapshotId', 'label', 'expiresAt', 'createdAt'])
    .executeTakeFirstOrThrow()
  return { ...row, token }
}

export async function listShareLinks(db: Kysely<Database>, snapshotId: number) {
  return db
    .selectFrom('reportShareLinks as l')
    .leftJoin('users as u', 'u.id', 'l.createdByUserId')
    .select([
      'l.id',
      'l.snapshotId',
      'l.label',
      'l.expiresAt',
      'l.revokedAt',
      'l.createdAt',
      'l.lastUsedAt',
      'u.name as createdBy',
    ])
    .where('l.snapshotId', '=', snapshotId)
    .where((eb) =>
      eb.or([eb('l.label', '!=', RENDER_LABEL), eb('l.createdByUserId', 'is not', null)]),
    )
    .orderBy('l.id', 'desc')
    .execute()
}

/** Revokes a link; a second revoke changes nothing. Undefined when there is no such link. */
export async function revokeShareLink(db: Kysely<Database>, id: number, now: Date) {
  const row = await db
    .updateTable('reportShareLinks')
    .set((eb) => ({ revokedAt: eb.fn.coalesce('revokedAt', eb.val(now)) }))
    .where('id', '=', id)
    .returning(['id', 'snapshotId', 'revokedAt'])
    .executeTakeFirst()
  return row
}

/** Removes a link nobody was given (the PDF printer's own). */
export async function deleteShareLink(db: Kysely<Database>, id: number) {
  await db.deleteFrom('reportShareLinks').where('id', '=', id).execute()
}

export type SharedOutcome =
  | { status: 'ok'; snapshotId: number; expiresAt: Date }
  | { status: 'unknown' }
  | { status: 'expired'; at: Date }
  | { status: 'revoked'; at: Date }

/** What a link opens now: its snapshot, or why not. Records its use. */
export async function openShareLink(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<SharedOutcome> {
  if (!token.startsWith(SHARE_PREFIX)) return { status: 'unknown' }
  const row = await db
    .selectFrom('reportShareLinks')
    .select(['id', 'snapshotId', 'expiresAt', 'revokedAt'])
    .where('tokenHash', '=', hashOf(token))
    .executeTakeFirst()
  if (!row) return { status: 'unknown' }
  if (row.revokedAt) return { status: 'revoked', at: row.revokedAt }
  if (row.expiresAt <= now) return { status: 'expired', at: row.expiresAt }
  await db
    .updateTable('reportShareLinks')
    .set({ lastUsedAt: now })
    .where('id', '=', row.id)
    .execute()
  return { status: 'ok', snapshotId: row.snapshotId, expiresAt: row.expiresAt }
}

const hashOf = (token: string) => sha256(token).toString('hex')
