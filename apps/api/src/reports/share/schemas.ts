import { z } from 'zod'
import { IsoInstant } from '../../lib/openapi.ts'
import { name } from '../../lib/text.ts'
import { Snapshot } from '../snapshots/schemas.ts'
import { DEFAULT_SHARE_DAYS } from './links.ts'

export const NewShareLink = z.strictObject({
  days: z.number().int().min(1).max(365).default(DEFAULT_SHARE_DAYS),
  label: name(100).optional(),
})

const LinkFields = {
  id: z.number().int(),
  snapshotId: z.number().int(),
  label: z.string(),
  expiresAt: IsoInstant,
  createdAt: IsoInstant,
}

/** The new link, with its secret: shown this once. */
export const CreatedShareLink = z.strictObject({ ...LinkFields, token: z.string() })

export const ShareLinkList = z.strictObject({
  links: z.array(
    z.strictObject({
      ...LinkFields,
      revokedAt: IsoInstant.nullable(),
      lastUsedAt: IsoInstant.nullable(),
      createdBy: z.string().nullable(),
    }),
  ),
})

export const SharedSnapshot = z.strictObject({ expiresAt: IsoInstant, snapshot: Snapshot })
export const TokenParam = z.object({ token: z.string().min(1).max(200) })

export type CreatedShareLink = z.output<typeof CreatedShareLink>
