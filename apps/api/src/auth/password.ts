import { availableParallelism } from 'node:os'
import { hash, type Options, parseOptions, verify } from '@node-rs/argon2'
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@opsdeck/contract'
import { text } from '../lib/text.ts'
import { WorkLimiter } from './hash-limit.ts'

// A NUL or a lone surrogate would reach argon2 as U+FFFD: "x\ud800" and "x\udfff" would be the
// same password. Refused, for new passwords and the ones typed to sign in alike.
export const Password = text().min(1).max(MAX_PASSWORD_LENGTH)

export const NewPassword = text()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH)

// argon2 is slow on purpose: a flood of sign-ins would take every core and the thread pool, and
// starve every other request. Process-wide, at most this many hashes run at once (a core stays
// free for the event loop); a few dozen wait up to 5 s; the rest get 503 overloaded at once.
export const argon2Work = new WorkLimiter({
  concurrency: Math.max(1, Math.min(2, availableParallelism() - 1)),
  queue: 64,
  waitMs: 5_000,
})

/** argon2id (the library's default algorithm) with a fresh random salt, as a PHC string. */
export function hashPassword(password: string, options: Options): Promise<string> {
  return argon2Work.run(() => hash(password, options))
}

/**
 * False for a malformed stored hash too: a broken row must not stop sign-in with a 500. Throws
 * `overloaded` (503) when too many hashes are waiting.
 */
export function verifyPassword(stored: string, password: string): Promise<boolean> {
  return argon2Work.run(() => verify(stored, password).catch(() => false))
}

// One hash per cost setting to verify against when the email is unknown, so that an unknown
// account takes as long to refuse as a wrong password does. Made once, outside the limit: a
// refused first hash must not be remembered.
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
