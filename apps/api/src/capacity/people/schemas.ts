import { SLUG_PATTERN } from '@opsdeck/contract'
import { z } from 'zod'
import { text } from '../../lib/text.ts'

/** The most people GET /people answers with: a picker's worth; `truncated` says more matched. */
export const MAX_PEOPLE = 500

export const PeopleQuery = z.object({
  /** Part of the name, any case; surrounding spaces are ignored, and an empty one filters nothing. */
  q: text().trim().max(100, 'must be at most 100 characters').optional(),
  /** The team's slug. */
  team: z.string().regex(SLUG_PATTERN, 'must be a team slug').optional(),
})

export const Person = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  email: z.string().nullable(),
  // people.team_id is NOT NULL: everyone has a team.
  team: z.strictObject({ slug: z.string(), name: z.string() }),
})

export const PeopleList = z.strictObject({
  /** By name. */
  people: z.array(Person),
  /** More people matched than the MAX_PEOPLE listed. */
  truncated: z.boolean(),
})
