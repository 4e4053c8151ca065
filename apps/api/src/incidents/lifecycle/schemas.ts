import {
  INCIDENT_IMPACTS,
  INCIDENT_STATUSES,
  INCIDENT_TEXT_MAX_LENGTH,
  INCIDENT_TITLE_MAX_LENGTH,
  SEVERITIES,
  SLUG_MAX_LENGTH,
} from '@opsdeck/contract'
import { z } from 'zod'
import { IsoInstant } from '../../lib/openapi.ts'
import { Instant } from '../../lib/range.ts'
import { name, text } from '../../lib/text.ts'
import { CORRECTABLE_MILESTONES } from './milestones.ts'

// The writes' request and answer shapes. The answers are small: the incident's own fields after
// the write; the detail with its timeline is the reads' (GET /incidents/:ref).

const Title = name(INCIDENT_TITLE_MAX_LENGTH)
const LongText = text()
  .trim()
  .max(INCIDENT_TEXT_MAX_LENGTH, `must be at most ${INCIDENT_TEXT_MAX_LENGTH} characters`)
const Severity = z.enum(SEVERITIES)
const PersonId = z.number().int('must be a person’s id').min(1, 'must be a person’s id')

const Services = z
  .array(
    z.strictObject({
      slug: z.string().min(1, 'must not be empty').max(SLUG_MAX_LENGTH),
      impact: z.enum(INCIDENT_IMPACTS),
    }),
  )
  .min(1, 'must name at least one affected service')
  .max(50, 'must name at most 50 services')
  .superRefine((list, ctx) => {
    const seen = new Set<string>()
    list.forEach((s, i) => {
      if (seen.has(s.slug)) {
        ctx.addIssue({ code: 'custom', path: [i, 'slug'], message: `${s.slug} is named twice` })
      }
      seen.add(s.slug)
    })
  })

/** POST /incidents: a manually declared incident. Times after now are refused by the write. */
export const NewIncident = z.strictObject({
  title: Title,
  severity: Severity,
  summary: LongText.optional(),
  customerImpact: LongText.optional(),
  services: Services,
  commanderPersonId: PersonId.nullable().optional(),
  /** When it began; now when left out. */
  startedAt: Instant.optional(),
  detectedAt: Instant.optional(),
})
export type NewIncident = z.output<typeof NewIncident>

export const Transition = z.strictObject({
  to: z.enum(INCIDENT_STATUSES),
  note: LongText.optional(),
})

export const Correction = z.strictObject({
  field: z.enum(CORRECTABLE_MILESTONES),
  /** null clears the milestone, where the status allows it. */
  value: Instant.nullable(),
  reason: LongText.min(1, 'must say why the time is corrected'),
})

// A note is kept exactly as written (it is shown as text, never as HTML): not trimmed.
export const NewNote = z.strictObject({
  body: text()
    .max(INCIDENT_TEXT_MAX_LENGTH, `must be at most ${INCIDENT_TEXT_MAX_LENGTH} characters`)
    .refine((s) => s.trim().length > 0, 'must not be empty'),
})

/** PATCH /incidents/:ref: fields left out keep their value. */
export const IncidentPatch = z.strictObject({
  title: Title.optional(),
  summary: LongText.optional(),
  customerImpact: LongText.optional(),
  severity: Severity.optional(),
  commanderPersonId: PersonId.nullable().optional(),
  services: Services.optional(),
})
export type IncidentPatch = z.output<typeof IncidentPatch>

const Instants = {
  startedAt: IsoInstant,
  detectedAt: IsoInstant.nullable(),
  acknowledgedAt: IsoInstant.nullable(),
  mitigatedAt: IsoInstant.nullable(),
  resolvedAt: IsoInstant.nullable(),
  closedAt: IsoInstant.nullable(),
}

/** An incident as a write leaves it. */
export const WrittenIncident = z.strictObject({
  ref: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  severity: Severity,
  title: z.string(),
  summary: z.string(),
  customerImpact: z.string(),
  commanderPersonId: z.number().int().nullable(),
  services: z.array(z.strictObject({ slug: z.string(), impact: z.enum(INCIDENT_IMPACTS) })),
  ...Instants,
  updatedAt: IsoInstant,
})
export type WrittenIncident = z.output<typeof WrittenIncident>

/** The note added to an incident's timeline. */
export const AddedNote = z.strictObject({
  ref: z.string(),
  event: z.strictObject({
    id: z.number().int(),
    at: IsoInstant,
    kind: z.literal('note'),
    body: z.string(),
    authorUserId: z.number().int().nullable(),
  }),
})
