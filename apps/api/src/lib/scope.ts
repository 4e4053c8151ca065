import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { getOrganisation, type Organisation } from './organisation.ts'
import { type RangeQuery, resolveRange, type TimeRange } from './range.ts'

/** What every area's summary is computed for: made once per request, shared by the areas. */
export interface Scope {
  range: TimeRange
  now: Date
  org: Organisation
}

export type ScopeResult = { ok: true; scope: Scope } | { ok: false; message: string }

/** Reads the organisation and resolves the requested range in its time zone. */
export async function scopeOf(
  db: Kysely<Database>,
  query: RangeQuery,
  now: Date,
): Promise<ScopeResult> {
  const org = await getOrganisation(db)
  const resolved = resolveRange(query, org.timezone, now)
  if (!resolved.ok) return resolved
  return { ok: true, scope: { range: resolved.range, now, org } }
}
