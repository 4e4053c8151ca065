import { z } from 'zod'

// The list's keyset: the sort key (incurred_on desc, id desc) of the last entry sent. Opaque to
// clients (base64url JSON) so the key can change without breaking a documented format.

const CursorKey = z.tuple([z.iso.date(), z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)])

/** Where a page ends: the sort key of its last entry. */
export interface CostEntryCursor {
  incurredOn: string
  id: number
}

export function encodeCursor(c: CostEntryCursor): string {
  return Buffer.from(JSON.stringify([c.incurredOn, c.id])).toString('base64url')
}

/** The key a cursor holds, or null when it is not one this list gave. */
export function decodeCursor(s: string): CostEntryCursor | null {
  try {
    const parsed = CursorKey.safeParse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')))
    if (!parsed.success) return null
    const [incurredOn, id] = parsed.data
    return { incurredOn, id }
  } catch {
    return null
  }
}

/** `cursor` in a query string: nextCursor of the page before. */
export const Cursor = z
  .string()
  .max(200)
  .transform((s, ctx) => {
    const cursor = decodeCursor(s)
    if (!cursor) {
      ctx.addIssue({ code: 'custom', message: 'must be a nextCursor this list returned' })
      return z.NEVER
    }
    return cursor
  })
