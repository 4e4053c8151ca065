import {
  INCIDENT_TEXT_MAX_LENGTH,
  INCIDENT_TITLE_MAX_LENGTH,
  MIN_YEAR,
  SEVERITIES,
  SLUG_MAX_LENGTH,
} from '@opsdeck/contract'
import { z } from 'zod'
import { Instant } from '../lib/range.ts'
import { name, text } from '../lib/text.ts'

// The bodies other tools send, and the answer they get. Alertmanager's is its webhook payload,
// version 4 (prometheus.io/docs/alerting/latest/configuration/#webhook_config): fields opsdeck does
// not read are let through, so a newer Alertmanager's additions are not refused.

// Go writes times as RFC 3339 with up to nine fractional digits, and the zero time
// (0001-01-01T00:00:00Z) for an end not yet known.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/
const Rfc3339 = z
  .string()
  .regex(RFC3339, { error: 'must be an RFC 3339 time, as 2026-06-10T09:58:00.123Z', abort: true })
  .refine((s) => !Number.isNaN(new Date(s).getTime()), 'must be a real date and time')
  .transform((s) => new Date(s))

// Label and annotation sets; Alertmanager may send null for an empty one.
const LabelSet = z
  .record(text(), text())
  .nullish()
  .transform((set) => set ?? {})

const AlertStatus = z.enum(['firing', 'resolved'])

// An alert always has a start; Go's zero time is only ever an end not yet known. A start before
// 1970 would open an incident decades old (and a ref of a year that is no year).
const AlertStart = Rfc3339.refine(
  (at) => at.getUTCFullYear() >= MIN_YEAR,
  `must be in ${MIN_YEAR} or later`,
)

const Alert = z.object({
  status: AlertStatus,
  labels: LabelSet,
  annotations: LabelSet,
  startsAt: AlertStart,
  endsAt: Rfc3339.optional(),
  generatorURL: text().optional(),
  fingerprint: text().max(200).optional(),
})
export type Alert = z.output<typeof Alert>

/** POST /integrations/alertmanager: an alert group, as Alertmanager's webhook sends it. */
export const AlertmanagerPayload = z.object({
  version: z.literal('4', { error: 'must be "4", the Alertmanager webhook payload version' }),
  groupKey: text().min(1, 'must not be empty'),
  truncatedAlerts: z.number().int().min(0).optional(),
  status: AlertStatus,
  receiver: text(),
  groupLabels: LabelSet,
  commonLabels: LabelSet,
  commonAnnotations: LabelSet,
  externalURL: text(),
  alerts: z.array(Alert).min(1, 'must hold at least one alert'),
})
export type AlertmanagerPayload = z.output<typeof AlertmanagerPayload>

/** POST /integrations/webhook: one problem another tool tracks, as it starts and ends. */
export const WebhookPayload = z
  .strictObject({
    /** The sending tool, as the timeline names it: `uptime-kuma`, `grafana`, `backup-script`. */
    source: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9._-]{0,39}$/,
        'must be 1–40 lowercase letters, digits, dots, dashes or underscores naming the tool',
      ),
    /** The problem's id in that tool: one open incident per source and key. */
    key: text().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    status: AlertStatus,
    title: name(INCIDENT_TITLE_MAX_LENGTH).optional(),
    severity: z.enum(SEVERITIES).optional(),
    summary: text()
      .trim()
      .max(INCIDENT_TEXT_MAX_LENGTH, `must be at most ${INCIDENT_TEXT_MAX_LENGTH} characters`)
      .optional(),
    /** Affected services by slug; a slug that is no service's is noted on the timeline. */
    services: z
      .array(z.string().min(1, 'must not be empty').max(SLUG_MAX_LENGTH))
      .max(20, 'must name at most 20 services')
      .optional(),
    /** When the problem began: a firing delivery's time, which tells a new occurrence apart. */
    startedAt: Instant.optional(),
    /** When it ended (resolved); the time received when left out. */
    endedAt: Instant.optional(),
    /** A link back to the problem in the tool: http or https only, as it may become a link. */
    url: text()
      .max(2000, 'must be at most 2000 characters')
      .regex(/^https?:\/\/[^\s]+$/i, 'must be an http:// or https:// address')
      .optional(),
  })
  .superRefine((p, ctx) => {
    if (p.status !== 'firing') return
    for (const field of ['title', 'severity', 'startedAt'] as const) {
      if (p[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'is required when firing' })
      }
    }
  })
export type WebhookPayload = z.output<typeof WebhookPayload>

export const INTAKE_OUTCOMES = ['opened', 'updated', 'resolved', 'ignored', 'duplicate'] as const

/** What a delivery did: 202 when it changed an incident, 200 when it changed nothing. */
export const IntakeAnswer = z.strictObject({
  outcome: z.enum(INTAKE_OUTCOMES),
  /** The incident it opened, updated or resolved, or the one it left as it was; null for none. */
  ref: z.string().nullable(),
  /** Why, in a sentence. */
  detail: z.string(),
})
export type IntakeAnswer = z.output<typeof IntakeAnswer>
