import {
  DESCRIPTION_MAX_LENGTH,
  GROUP_RULES,
  MAX_GROUP_COMPONENTS,
  SERVICE_NAME_MAX_LENGTH,
} from '@opsdeck/contract'
import { z } from 'zod'
import { IsoInstant } from '../../lib/openapi.ts'
import { Count, Ratio } from '../../lib/schema-parts.ts'
import { name, text } from '../../lib/text.ts'
import { SloTarget, Slug } from '../catalogue/schemas.ts'
import { SERVICE_STATUSES } from '../schemas.ts'

// Business services (service groups): a name for what people use ("Payroll"), up by a roll-up
// rule over component services.

const Components = z
  .array(Slug)
  .min(1, 'must hold at least one service')
  .max(MAX_GROUP_COMPONENTS, `must hold at most ${MAX_GROUP_COMPONENTS} services`)
  .superRefine((slugs, ctx) => {
    slugs.forEach((slug, i) => {
      if (slugs.indexOf(slug) < i) {
        ctx.addIssue({ code: 'custom', path: [i], message: `lists '${slug}' again` })
      }
    })
  })

const MinUp = z.number().int('must be a whole number').min(1, 'must be at least 1')

const fields = {
  name: name(SERVICE_NAME_MAX_LENGTH),
  description: text()
    .trim()
    .max(DESCRIPTION_MAX_LENGTH, `must be at most ${DESCRIPTION_MAX_LENGTH} characters`),
  sloTarget: SloTarget,
  rule: z.enum(GROUP_RULES),
  /** For 'at_least': how many components must be up. */
  minUp: MinUp.nullable(),
  /** The component services' slugs. */
  components: Components,
}

interface RuleFields {
  rule: (typeof GROUP_RULES)[number]
  minUp: number | null
  components: readonly string[]
}

/**
 * What is wrong with a rule, its minimum and its components together. `given` names the fields
 * the request sent: a minimum above the number of components is blamed on the one that changed.
 */
export function ruleProblems(r: RuleFields, given: ReadonlySet<string>) {
  const problems: { field: 'minUp' | 'components'; message: string }[] = []
  if (r.rule === 'at_least' && r.minUp === null) {
    problems.push({ field: 'minUp', message: "is required for the 'at_least' rule" })
  } else if (r.rule !== 'at_least' && r.minUp !== null && given.has('minUp')) {
    problems.push({ field: 'minUp', message: "goes with the 'at_least' rule only (send null)" })
  } else if (r.rule === 'at_least' && r.minUp !== null && r.minUp > r.components.length) {
    const count = r.components.length
    problems.push(
      given.has('components') && !given.has('minUp')
        ? { field: 'components', message: `must hold at least minUp (${r.minUp}) services` }
        : { field: 'minUp', message: `must be at most the number of components (${count})` },
    )
  }
  return problems
}

export const NewBusinessService = z
  .strictObject({
    slug: Slug,
    ...fields,
    description: fields.description.optional(),
    minUp: fields.minUp.optional(),
  })
  .superRefine(
    (b, ctx) => {
      const given = new Set(Object.keys(b))
      for (const p of ruleProblems({ ...b, minUp: b.minUp ?? null }, given)) {
        ctx.addIssue({ code: 'custom', path: [p.field], message: p.message })
      }
    },
    // Once rule, minimum and components passed their own checks, whatever the other fields did.
    {
      when: ({ value, issues }) =>
        typeof value === 'object' &&
        value !== null &&
        !issues.some((i) => ['rule', 'minUp', 'components'].includes(String(i.path?.[0]))),
    },
  )
export type NewBusinessService = z.output<typeof NewBusinessService>

/** Every field optional; components, when sent, replace the list. The slug cannot change. */
export const BusinessServicePatch = z.strictObject({
  name: fields.name.optional(),
  description: fields.description.optional(),
  sloTarget: fields.sloTarget.optional(),
  rule: fields.rule.optional(),
  minUp: fields.minUp.optional(),
  components: fields.components.optional(),
})
export type BusinessServicePatch = z.output<typeof BusinessServicePatch>

export const GROUP_STATES = ['up', 'down', 'maintenance', 'no-data'] as const

/** A window ending now: the group's uptime and its minutes by state. */
export const GroupWindow = z.strictObject({
  from: IsoInstant,
  to: IsoInstant,
  /** Up minutes / (up + down minutes); null when no minute was up or down. */
  uptime: Ratio.nullable(),
  /** (Up + down + maintenance minutes) / minutes in the window. */
  coverage: Ratio.nullable(),
  minutes: z.strictObject({ up: Count, down: Count, maintenance: Count, noData: Count }),
})

export const BusinessService = z.strictObject({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  rule: z.enum(GROUP_RULES),
  /** Set for 'at_least' only. */
  minUp: z.number().int().nullable(),
  components: z.array(
    z.strictObject({
      slug: z.string(),
      name: z.string(),
      /** As the services list says it: the newest sample within three check intervals. */
      status: z.enum(SERVICE_STATUSES),
    }),
  ),
  /** The rule applied to the components' status now. */
  status: z.enum(GROUP_STATES),
  uptime: z.strictObject({ h24: GroupWindow, d7: GroupWindow, d30: GroupWindow }),
  sloTarget: Ratio,
  /** Uptime over the last 30 days against the target; null without data. */
  sloMet: z.boolean().nullable(),
  archivedAt: IsoInstant.nullable(),
  createdAt: IsoInstant,
})
export type BusinessService = z.output<typeof BusinessService>

export const BusinessServiceBody = z.strictObject({ businessService: BusinessService })

export const BusinessServiceList = z.strictObject({
  now: IsoInstant,
  /** Those not archived, by name. */
  businessServices: z.array(BusinessService),
})
export type BusinessServiceList = z.output<typeof BusinessServiceList>
