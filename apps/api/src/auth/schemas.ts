import { ROLES, TOKEN_SCOPES } from '@opsdeck/contract'
import { z } from 'zod'
import { text } from '../lib/text.ts'
import { NewPassword, Password } from './password.ts'

export const LoginBody = z.object({
  email: text().trim().min(1).max(254),
  password: Password,
})

export const PasswordChange = z.object({
  currentPassword: Password,
  newPassword: NewPassword,
})

export const SessionUser = z.strictObject({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
})

export const SignedIn = z.strictObject({ user: SessionUser })

/** Who is calling: a person by their session, or a machine by its token. */
export const Me = z.discriminatedUnion('via', [
  z.strictObject({ via: z.literal('session'), user: SessionUser }),
  z.strictObject({
    via: z.literal('token'),
    token: z.strictObject({
      id: z.number().int(),
      name: z.string(),
      scopes: z.array(z.enum(TOKEN_SCOPES)),
    }),
  }),
])
