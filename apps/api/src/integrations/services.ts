import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { servicesBySlug } from './queries.ts'

/**
 * The services named by slug that an incident can affect, and a sentence for each name that
 * matches none (or an archived one), for the timeline.
 */
export async function matchServices(db: Kysely<Database>, slugs: string[], what: string) {
  const found = new Map((await servicesBySlug(db, slugs)).map((s) => [s.slug, s]))
  const services: { serviceId: number; slug: string }[] = []
  const unknown: string[] = []
  const archived: string[] = []
  for (const slug of slugs) {
    const row = found.get(slug)
    if (!row) unknown.push(slug)
    else if (row.archivedAt !== null) archived.push(slug)
    else services.push({ serviceId: row.id, slug })
  }
  const quoted = (list: string[]) => list.map((s) => `"${s}"`).join(', ')
  const notes = [
    ...(unknown.length ? [`${what} ${quoted(unknown)} matched no service.`] : []),
    ...(archived.length ? [`${what} ${quoted(archived)} is an archived service.`] : []),
  ]
  return { services, unmatched: [...unknown, ...archived], notes }
}

// C0/C1 controls, bidi controls and invisible format characters: a title shows on one line.
const NOT_ONE_LINE = /[\p{Cc}\u202A-\u202E\u2066-\u2069\p{Zl}\p{Zp}]|(?![\u200C\u200D])\p{Cf}/gu

/** Text from another tool made a one-line title of at most `max` characters. */
export function oneLine(s: string, max: number) {
  return clip(s.replace(NOT_ONE_LINE, ' ').replace(/\s+/g, ' ').trim(), max)
}

/** At most `max` UTF-16 units, with an ellipsis when cut, never half a surrogate pair. */
export function clip(s: string, max: number) {
  if (s.length <= max) return s
  const cut = s.slice(0, max - 1)
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`
}
