import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '@opsdeck/contract'
import { z } from 'zod'
import { digits } from '../../lib/params.ts'
import { text } from '../../lib/text.ts'
import { SERVICE_STATUSES } from '../schemas.ts'
import { SERVICE_SORTS } from './schemas.ts'

// The read API's queries and path params: GET /services, /:slug, /:slug/series, /:slug/daily.

/** A comma-separated list of `item`s in a query string: `status=down,degraded`. */
const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()))
    .pipe(z.array(item).min(1))

export const ServiceListQuery = z.object({
  status: csv(z.enum(SERVICE_STATUSES)).optional(),
  tier: csv(z.enum(['1', '2', '3']).transform(Number)).optional(),
  /** Owner teams by slug. */
  team: csv(z.string().regex(SLUG_PATTERN, 'must be a team slug')).optional(),
  /** Part of the slug, the name or a tag, any case. */
  q: text().max(100).optional(),
  sort: z.enum(SERVICE_SORTS).default('status'),
  order: z.enum(['asc', 'desc']).default('asc'),
  /** 'false' leaves archived services out, 'true' includes them, 'only' lists them alone. */
  archived: z.enum(['false', 'true', 'only']).default('false'),
})

/** `/:slug` of a service. */
export const ServiceSlugParam = z.object({
  slug: z.string().max(SLUG_MAX_LENGTH).regex(SLUG_PATTERN, 'must be a service slug'),
})

export const DailyQuery = z.object({
  days: digits(z.number().min(1).max(400)).default(90),
})
