import { ROLES, TOKEN_SCOPES } from '@opsdeck/contract'
import { z } from 'zod'
import { IsoInstant } from '../lib/openapi.ts'
import { name } from '../lib/text.ts'
import { TOKEN_PREFIX } from './api-tokens.ts'

const Scopes = z.array(z.enum(TOKEN_SCOPES))

// Strict: a client that sends `expiresAt` must not get a token that silently never expires.
export const NewToken = z.strictObject({
  name: name(100),
  scopes: Scopes.min(1).transform((s) => [...new Set(s)].sort()),
})

/** A token as the list shows it: never the token itself, nor its hash. */
export const Token = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  scopes: Scopes,
  /** What it may do now: its scopes within its creator's current role. */
  effectiveScopes: Scopes,
  createdAt: IsoInstant,
  lastUsedAt: IsoInstant.nullable(),
  revokedAt: IsoInstant.nullable(),
  createdBy: z
    .strictObject({
      id: z.number().int(),
      email: z.string(),
      role: z.enum(ROLES),
      disabled: z.boolean(),
    })
    .nullable(),
})

export const TokenList = z.strictObject({ tokens: z.array(Token) })

/** The new token, with the secret shown this once. */
export const CreatedToken = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  scopes: Scopes,
  token: z.string().startsWith(TOKEN_PREFIX),
})
