import { ROLES } from '@opsdeck/contract'
import { z } from 'zod'
import { NewPassword } from '../auth/password.ts'
import { IsoInstant } from '../lib/openapi.ts'
import { name } from '../lib/text.ts'

const Name = name(200)

// Strict, like UserPatch: an unknown field (`disabledAt`, `id`) is refused, not silently dropped.
export const NewUser = z.strictObject({
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  name: Name,
  role: z.enum(ROLES),
  password: NewPassword,
})

export const UserPatch = z.strictObject({
  name: Name.optional(),
  role: z.enum(ROLES).optional(),
  disabled: z.boolean().optional(),
})

export const PasswordReset = z.strictObject({ password: NewPassword })

/** A user as admins see one: never the password hash. */
export const User = z.strictObject({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  disabledAt: IsoInstant.nullable(),
  createdAt: IsoInstant,
  lastLoginAt: IsoInstant.nullable(),
})

export const UserList = z.strictObject({
  users: z.array(User.extend({ recentFailures: z.number().int().min(0) })),
})

export const UserBody = z.strictObject({ user: User })

export const Unlocked = z.strictObject({
  /** Failed sign-ins forgotten. */
  cleared: z.number().int().min(0),
})
