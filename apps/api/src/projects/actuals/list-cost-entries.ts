import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { ProjectRef } from '../project-ref.ts'
import { type CostEntryCursor, encodeCursor } from './cursor.ts'
import { type CostEntryFilters, costEntryTotal, listCostEntryRows } from './queries.ts'
import type { CostEntryList } from './schemas.ts'

/** One page of a project's cost entries, the filtered set's total, and the next page's cursor. */
export async function listCostEntries(
  db: Kysely<Database>,
  project: Pick<ProjectRef, 'id' | 'code'>,
  filters: CostEntryFilters,
  page: { after?: CostEntryCursor | undefined; limit: number },
): Promise<CostEntryList> {
  // One row past the page says whether another page follows.
  const [rows, total] = await Promise.all([
    listCostEntryRows(db, project.id, filters, { after: page.after, limit: page.limit + 1 }),
    costEntryTotal(db, project.id, filters),
  ])
  const entries = rows.slice(0, page.limit)
  const last = entries.at(-1)
  const nextCursor =
    rows.length > page.limit && last
      ? encodeCursor({ incurredOn: last.incurredOn, id: last.id })
      : null
  return { code: project.code, entries, total, nextCursor }
}
