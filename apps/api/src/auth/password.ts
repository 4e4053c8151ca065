import { hash, type Options, parseOptions, verify } from '@node-rs/argon2'
import { z } from 'zod'

export const MIN_PASSWORD_LENGTH = 12
// argon2 takes any length, but hashing megabytes per request is a cheap denial of service.
export const MAX_PASSWORD_LENGTH = 1024

export const NewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH)

/** argon2id (the library's default algorithm) with a fresh random salt, as a PHC string. */
export function hashPassword(password: string, options: Options): Promise<string> {
  return hash(password, options)
}

/** False for a malformed stored hash too: a broken row must not stop sign-in with a 500. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

// One hash per cost setting to verify against when the email is unknown, so that an unknown
// account takes as long to refuse as a wrong password does.
const dummies = new Map<string, Promise<string>>()

export function dummyHash(options: Options): Promise<string> {
  const key = JSON.stringify(options)
  let dummy = dummies.get(key)
  if (!dummy) {
    dummy = hash('opsdeck-no-such-account', options)
    dummies.set(key, dummy)
  }
  return dummy
}

/** True when a stored hash was made with weaker settings than the current ones. */
export function needsRehash(stored: string, options: Options): boolean {
  try {
    const p = parseOptions(stored)
    return (
      !stored.startsWith('$argon2id$') ||
      p.memoryCost < (options.memoryCost ?? 19_456) ||
      p.timeCost < (options.timeCost ?? 2) ||
      p.parallelism < (options.parallelism ?? 1)
    )
  } catch {
    return true
  }
}
