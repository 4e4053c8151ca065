import { SEVERITIES, SLUG_PATTERN } from '@opsdeck/contract'
import { z } from 'zod'
import { digits } from '../../lib/params.ts'
import { RangeQuery } from '../../lib/range.ts'
import { text } from '../../lib/text.ts'
import { Cursor } from './cursor.ts'

// The read API's queries and path params: GET /incidents and /incidents/:ref.

export const INCIDENT_LIST_STATUSES = ['open', 'ended', 'all'] as const
export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 100

/**
 * A parameter that may be repeated (`severity=SEV1&severity=SEV2`) or comma-separated
 * (`severity=SEV1,SEV2`), as a list of `item`s.
 */
const repeatable = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()),
    )
    .pipe(z.array(item).min(1))

const Slug = z.string().regex(SLUG_PATTERN, 'must be a slug')

export const IncidentListQuery = z.object({
  /** open: not yet resolved; ended: resolved or closed. */
  status: z.enum(INCIDENT_LIST_STATUSES).default('all'),
  severity: repeatable(z.enum(SEVERITIES)).optional(),
  /** Affected services by slug: incidents touching any of them. */
  service: repeatable(Slug).optional(),
  /** Owner teams by slug: incidents touching a service any of them owns. */
  team: repeatable(Slug).optional(),
  /** Part of the title or the ref, any case. */
  q: text().max(100).optional(),
  /** Bounds on startedAt (from inclusive, to exclusive; a day `to` is the whole day). */
  from: RangeQuery.shape.from,
  to: RangeQuery.shape.to,
  cursor: Cursor.optional(),
  limit: digits(z.number().min(1).max(MAX_PAGE_SIZE)).default(DEFAULT_PAGE_SIZE),
})
export type IncidentListQuery = z.output<typeof IncidentListQuery>
