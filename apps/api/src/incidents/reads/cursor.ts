import { SEVERITIES } from '@opsdeck/contract'
import { z } from 'zod'

// The list's keyset: its sort key (open first, severity, newest, id) of the last row sent.
// Opaque to clients (base64url JSON) so the key can change without breaking a documented format.

// started_at to the microsecond, as PostgreSQL holds it: a millisecond Date would skip or repeat
// rows whose start differs below the millisecond.
const MICRO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/

const CursorKey = z.tuple([
  z.boolean(),
  z.enum(SEVERITIES),
  z.string().regex(MICRO_INSTANT),
  z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
])

/** Where a page ends: the sort key of its last incident. */
export interface IncidentCursor {
  ended: boolean
  severity: (typeof SEVERITIES)[number]
  /** started_at as `YYYY-MM-DDTHH:MM:SS.uuuuuuZ`. */
  startedAt: string
  id: number
}

export function encodeCursor(c: IncidentCursor): string {
  const key = [c.ended, c.severity, c.startedAt, c.id]
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

/** The key a cursor holds, or null when it is not one this list gave. */
export function decodeCursor(s: string): IncidentCursor | null {
  try {
    const parsed = CursorKey.safeParse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')))
    if (!parsed.success) return null
    const [ended, severity, startedAt, id] = parsed.data
    return { ended, severity, startedAt, id }
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
