import { SLUG_MAX_LENGTH, SLUG_PATTERN, TEAM_NAME_MAX_LENGTH } from '@opsdeck/contract'
import { z } from 'zod'
import { IsoInstant } from '../../lib/openapi.ts'
import { name } from '../../lib/text.ts'

// Teams: a slug (for good: services and links know the team by it) and a name.

/** As the teams table's CHECK has it: lowercase letters, digits and hyphens. */
const Slug = z
  .string()
  // One message for an empty slug, not also the pattern's.
  .min(1, { message: 'must not be empty', abort: true })
  .max(SLUG_MAX_LENGTH, `must be at most ${SLUG_MAX_LENGTH} characters`)
  .regex(
    SLUG_PATTERN,
    'must be lowercase letters, digits and hyphens, starting with a letter or digit',
  )

const TeamName = name(TEAM_NAME_MAX_LENGTH)

export const NewTeam = z.strictObject({ slug: Slug, name: TeamName })
export type NewTeam = z.output<typeof NewTeam>

/** The name; the slug is the team's for good. */
export const TeamPatch = z.strictObject({ name: TeamName })
export type TeamPatch = z.output<typeof TeamPatch>

export const TeamParam = z.object({ slug: Slug })

export const Team = z.strictObject({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  /** People in the team today (by their memberships) and working here today. */
  members: z.number().int().min(0),
  createdAt: IsoInstant,
})
export type Team = z.output<typeof Team>

/** By name. */
export const TeamList = z.strictObject({ teams: z.array(Team) })
