import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { encodeCursor, type IncidentCursor } from './cursor.ts'
import { toListItem } from './list-item.ts'
import { type IncidentFilters, listIncidentRows, targetsBySeverity } from './queries.ts'
import type { IncidentList } from './schemas.ts'

/** One page of the incidents list and the cursor of the next, null on the last. */
export async function listIncidents(
  db: Kysely<Database>,
  filters: IncidentFilters,
  page: { after?: IncidentCursor | undefined; limit: number },
  now: Date,
): Promise<IncidentList> {
  // One row past the page says whether another page follows.
  const [rows, targets] = await Promise.all([
    listIncidentRows(db, filters, { after: page.after, limit: page.limit + 1 }),
    targetsBySeverity(db),
  ])
  const shown = rows.slice(0, page.limit)
  const last = shown.at(-1)
  const nextCursor =
    rows.length > page.limit && last
      ? encodeCursor({
          ended: last.ended,
          severity: last.severity,
          startedAt: last.startedKey,
          id: last.id,
        })
      : null
  return {
    now: now.toISOString(),
    incidents: shown.map((row) => toListItem(row, targets, now)),
    nextCursor,
  }
}
