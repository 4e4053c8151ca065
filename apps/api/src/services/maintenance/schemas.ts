import {
  MAINTENANCE_REASON_MAX_LENGTH,
  MAX_WEEKLY_MAINTENANCE_MINUTES,
  MAX_YEAR,
  MIN_YEAR,
  SLUG_MAX_LENGTH,
  SLUG_PATTERN,
} from '@opsdeck/contract'
import { z } from 'zod'
import { IsoInstant } from '../../lib/openapi.ts'
import { digits, Id } from '../../lib/params.ts'
import { Instant } from '../../lib/range.ts'
import { name } from '../../lib/text.ts'

// Maintenance windows' request and answer shapes (GET/POST/DELETE /services/:slug/maintenance…).

const Slug = z.string().max(SLUG_MAX_LENGTH).regex(SLUG_PATTERN, 'must be a service slug')
export const MaintenanceSlugParam = z.object({ slug: Slug })
export const MaintenanceIdParam = z.object({ slug: Slug, id: Id })

export const MaintenanceQuery = z.object({
  /** Windows that ended up to this many days ago are listed with the upcoming ones. */
  recentDays: digits(z.number().min(1).max(400)).default(30),
})

const Day = z.iso
  .date('must be a day, e.g. 2026-03-29')
  .refine((s) => Number(s.slice(0, 4)) >= MIN_YEAR, `must be in ${MIN_YEAR} or later`)
  .refine((s) => Number(s.slice(0, 4)) <= MAX_YEAR, `must be in ${MAX_YEAR} or earlier`)

const WeeklySpec = z.strictObject({
  /** Monday 1 … Sunday 7. */
  isoWeekday: z
    .number()
    .int()
    .min(1, 'must be 1 (Monday) to 7 (Sunday)')
    .max(7, 'must be 1 (Monday) to 7 (Sunday)'),
  /** On the zone's clock; 24-hour. */
  localStart: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time HH:MM, e.g. 02:00'),
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(
      MAX_WEEKLY_MAINTENANCE_MINUTES,
      `must be at most ${MAX_WEEKLY_MAINTENANCE_MINUTES} (24 hours)`,
    ),
  /** IANA; the organisation's when left out. */
  timezone: z.string().max(64).optional(),
  /** The first and last days (in the zone) an occurrence may start on; no end when left out. */
  startsOn: Day,
  endsOn: Day.nullable().optional(),
})

/**
 * A one-off window `{ startsAt, endsAt, reason }` or a weekly one `{ weekly: {…}, reason }`. One
 * object rather than a union, so that a mistake is named by field rather than "Invalid input".
 */
export const NewMaintenance = z
  .strictObject({
    startsAt: Instant.optional(),
    endsAt: Instant.optional(),
    weekly: WeeklySpec.optional(),
    reason: name(MAINTENANCE_REASON_MAX_LENGTH),
  })
  .superRefine((v, ctx) => {
    for (const field of ['startsAt', 'endsAt'] as const) {
      if (v.weekly && v[field] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'must not be sent with weekly' })
      } else if (!v.weekly && v[field] === undefined) {
        const message = 'is required for a one-off window (send weekly for a recurring one)'
        ctx.addIssue({ code: 'custom', path: [field], message })
      }
    }
  })
  .transform((v) =>
    v.weekly
      ? { kind: 'weekly' as const, reason: v.reason, ...v.weekly, endsOn: v.weekly.endsOn ?? null }
      : { kind: 'one-off' as const, reason: v.reason, startsAt: v.startsAt!, endsAt: v.endsAt! },
  )
export type NewMaintenance = z.output<typeof NewMaintenance>

export const MaintenanceWindow = z.strictObject({
  id: z.number().int(),
  startsAt: IsoInstant,
  endsAt: IsoInstant,
  reason: z.string(),
  /** The weekly schedule that made it; null for a one-off window. */
  scheduleId: z.number().int().nullable(),
  state: z.enum(['upcoming', 'in-progress', 'ended']),
})

export const MaintenanceSchedule = z.strictObject({
  id: z.number().int(),
  isoWeekday: z.number().int().min(1).max(7),
  /** 'HH:MM' on the zone's clock. */
  localStart: z.string(),
  durationMinutes: z.number().int(),
  timezone: z.string(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date().nullable(),
  reason: z.string(),
  /** Its occurrences are written up to here (eight weeks ahead, extended hourly). */
  expandedUntil: IsoInstant.nullable(),
  createdAt: IsoInstant,
})

export const MaintenanceList = z.strictObject({
  /** Upcoming, in progress, and ended within recentDays; by start. */
  windows: z.array(MaintenanceWindow),
  schedules: z.array(MaintenanceSchedule),
})

/** A one-off window (schedule null), or a weekly schedule with the occurrences written so far. */
export const CreatedMaintenance = z.strictObject({
  schedule: MaintenanceSchedule.nullable(),
  windows: z.array(MaintenanceWindow),
})
