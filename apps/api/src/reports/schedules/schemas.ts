import { z } from 'zod'
import { IsoInstant } from '../../lib/openapi.ts'
import { name, text } from '../../lib/text.ts'
import { webhookUrlProblem } from './webhook-url.ts'

export const SCHEDULE_KINDS = ['week', 'month', 'quarter'] as const
export const MAX_RECIPIENTS = 20
export const NO_CHANNEL = 'needs at least one email address or a webhook URL'

const RunAtLocal = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a local time HH:MM (00:00 to 23:59)')
const EmailTo = z
  .array(
    z
      .email('must be an email address')
      .max(254)
      .transform((e) => e.toLowerCase()),
  )
  .max(MAX_RECIPIENTS, `must list at most ${MAX_RECIPIENTS} addresses`)
  .transform((list) => [...new Set(list)])
const WebhookUrl = text()
  .max(2000, 'must be at most 2000 characters')
  .regex(/^https?:\/\/[^\s]+$/i, 'must be an http:// or https:// address')
  .refine((u) => URL.canParse(u), 'must be a valid URL')
  .superRefine((u, ctx) => {
    const message = webhookUrlProblem(u)
    if (message) ctx.addIssue({ code: 'custom', message })
  })
const ShareDays = z.number().int().min(1).max(365)

const fields = {
  name: name(120),
  periodKind: z.enum(SCHEDULE_KINDS),
  /** The local time (the organisation's zone) on the first working day of each period. */
  runAtLocal: RunAtLocal,
  emailTo: EmailTo,
  webhookUrl: WebhookUrl.nullable(),
  /** How long the share link in each delivery opens the snapshot. */
  shareDays: ShareDays,
  enabled: z.boolean(),
}

// Strict: a client sending `nextRunAt` or `cron` must hear that they are not fields.
export const NewSchedule = z
  .strictObject({
    ...fields,
    runAtLocal: RunAtLocal.default('08:00'),
    emailTo: EmailTo.default([]),
    webhookUrl: WebhookUrl.nullable().default(null),
    shareDays: ShareDays.default(30),
    enabled: z.boolean().default(true),
  })
  .superRefine((s, ctx) => {
    if (s.emailTo.length === 0 && s.webhookUrl === null) {
      ctx.addIssue({ code: 'custom', path: ['emailTo'], message: NO_CHANNEL })
    }
  })
export type NewSchedule = z.output<typeof NewSchedule>

export const SchedulePatch = z.strictObject({
  name: fields.name.optional(),
  periodKind: fields.periodKind.optional(),
  runAtLocal: RunAtLocal.optional(),
  emailTo: EmailTo.optional(),
  webhookUrl: WebhookUrl.nullable().optional(),
  shareDays: ShareDays.optional(),
  enabled: z.boolean().optional(),
})
export type SchedulePatch = z.output<typeof SchedulePatch>

export const Schedule = z.strictObject({
  id: z.number().int(),
  ...fields,
  name: z.string(),
  emailTo: z.array(z.string()),
  webhookUrl: z.string().nullable(),
  nextRunAt: IsoInstant,
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
})
export const ScheduleList = z.strictObject({ schedules: z.array(Schedule) })

/** One delivery of one run, as the log shows it. */
export const Delivery = z.strictObject({
  id: z.number().int(),
  runFor: IsoInstant,
  channel: z.enum(['email', 'webhook']),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: IsoInstant,
  lastError: z.string().nullable(),
  sentAt: IsoInstant.nullable(),
  snapshotId: z.number().int().nullable(),
  createdAt: IsoInstant,
})
export const DeliveryLog = z.strictObject({ deliveries: z.array(Delivery) })
