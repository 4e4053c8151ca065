import { z } from 'zod'

// Pieces the areas' response schemas share.

export const Count = z.number().int().min(0)

/** A fraction in [0, 1] (uptime, coverage, SLO target); null where it is n/a. */
export const Ratio = z.number().min(0).max(1)

/** `{ <key>: count }` for every key of a fixed list (statuses, severities, RAG colours). */
export function countsOf<K extends string>(keys: readonly K[]) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, Count])) as Record<K, typeof Count>)
}
