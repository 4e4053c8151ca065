import { INCIDENT_STATUSES, SEVERITIES } from '@opsdeck/contract'
import type { IncidentEventKind } from '@opsdeck/db'
import { z } from 'zod'
import { IsoInstant } from '../../lib/openapi.ts'

// The read API's answers: GET /incidents and /incidents/:ref (queries and params: requests.ts).

/** Minutes, fractional: the SPA formats them (`1h 12m`). */
const Minutes = z.number()

export const TARGET_STATES = ['met', 'breached', 'pending'] as const

/** One response target (acknowledge or resolve) of an incident, against its severity's target. */
export const MilestoneTarget = z.strictObject({
  /** met / breached once the milestone is reached; pending before it, breached once past due. */
  state: z.enum(TARGET_STATES),
  /** From the start to the milestone once reached, else to now. */
  minutes: Minutes.min(0),
  targetMinutes: Minutes.min(0),
  /** Until the target while the milestone is not reached (negative once past it); else null. */
  leftMinutes: Minutes.nullable(),
  dueAt: IsoInstant,
})

/** Null when no target is configured for the incident's severity. */
export const ResponseTargets = z.strictObject({ ack: MilestoneTarget, resolve: MilestoneTarget })

export const Person = z.strictObject({ id: z.number().int(), name: z.string() })

export const AffectedService = z.strictObject({
  slug: z.string(),
  name: z.string(),
  impact: z.enum(['outage', 'degraded']),
})

export const IncidentListItem = z.strictObject({
  ref: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  status: z.enum(INCIDENT_STATUSES),
  startedAt: IsoInstant,
  acknowledgedAt: IsoInstant.nullable(),
  resolvedAt: IsoInstant.nullable(),
  /** From the start to the resolution; to now while open (its age). */
  durationMinutes: Minutes.min(0),
  commander: Person.nullable(),
  /** Outages first, then by name. */
  services: z.array(AffectedService),
  responseTargets: ResponseTargets.nullable(),
})
export type IncidentListItem = z.output<typeof IncidentListItem>

export const IncidentList = z.strictObject({
  now: IsoInstant,
  /** Open first, then by severity (SEV1 first), then newest first. */
  incidents: z.array(IncidentListItem),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
})
export type IncidentList = z.output<typeof IncidentList>

const EVENT_KINDS = [
  'created',
  'status',
  'severity',
  'correction',
  'note',
  'alert',
  'page',
  'services',
  'review',
  'action',
] as const satisfies readonly IncidentEventKind[]

export const TimelineEvent = z.strictObject({
  at: IsoInstant,
  kind: z.enum(EVENT_KINDS),
  /** Plain text: render it as text, never as HTML. */
  body: z.string(),
  /** The user's name, or the name an integration or import gave; null when neither. */
  author: z.string().nullable(),
  /** What changed ({ from, to, field, … }), as the kind has it. */
  data: z.record(z.string(), z.unknown()),
})

export const IncidentReview = z.strictObject({
  rootCause: z.string(),
  contributingFactors: z.string(),
  wentWell: z.string(),
  lessons: z.string(),
  completedAt: IsoInstant.nullable(),
  updatedAt: IsoInstant,
})

export const ActionItem = z.strictObject({
  id: z.number().int(),
  title: z.string(),
  owner: Person.nullable(),
  dueOn: z.iso.date().nullable(),
  status: z.enum(['open', 'done', 'wont_do']),
  completedAt: IsoInstant.nullable(),
  /** Open and due before today in the organisation's time zone. */
  overdue: z.boolean(),
})

/**
 * The downtime the incident caused: per affected service its down samples in the incident's
 * window × the check interval, and the share of the service's error budget that is.
 */
const IncidentDowntime = z.strictObject({
  /** The window as counted: from the top of an hour when older than the raw samples kept. */
  from: IsoInstant,
  to: IsoInstant,
  exact: z.boolean(),
  minutes: Minutes.min(0),
  services: z.array(
    z.strictObject({
      slug: z.string(),
      name: z.string(),
      downSamples: z.number().int().min(0),
      countedSamples: z.number().int().min(0),
      downtimeMinutes: Minutes.min(0),
      /** Of the service's error budget over its SLO window; null with a 100% target. */
      budgetShare: z.number().min(0).nullable(),
    }),
  ),
})

export const IncidentDetail = z.strictObject({
  now: IsoInstant,
  /** The zone `overdue` reads today in (the organisation's). */
  timezone: z.string(),
  incident: IncidentListItem.extend({
    summary: z.string(),
    customerImpact: z.string(),
    detectedAt: IsoInstant.nullable(),
    mitigatedAt: IsoInstant.nullable(),
    closedAt: IsoInstant.nullable(),
    /** Where it came from: manual, alertmanager, webhook, … */
    source: z.string(),
  }),
  /** Every event, oldest first. */
  timeline: z.array(TimelineEvent),
  review: IncidentReview.nullable(),
  downtime: IncidentDowntime,
  /** Follow-ups: by due date (none last), then in the order they were added. */
  actions: z.array(ActionItem),
})
export type IncidentDetail = z.output<typeof IncidentDetail>
