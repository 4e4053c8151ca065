import { MAX_AMOUNT_PENCE, MAX_YEAR, MIN_YEAR, PROJECT_TEXT_MAX_LENGTH } from '@opsdeck/contract'
import { z } from 'zod'
import { IsoInstant } from '../../lib/openapi.ts'
import { nameProblem, text } from '../../lib/text.ts'
import { ProjectCodeParam } from '../project-ref.ts'

// The plans' requests and answers: baselines (versions of planned spend per month) and progress.

/** The reason the first baseline gets when none is given. */
export const ORIGINAL_BASELINE = 'Original baseline'
export const BASELINE_REASON_MAX_LENGTH = 500
/** 100 years of months: more than any project, few enough for one statement. */
export const MAX_BASELINE_MONTHS = 1200

const inYears = (s: string) => {
  const year = Number(s.slice(0, 4))
  return year >= MIN_YEAR && year <= MAX_YEAR
}
const YEARS = `must be from ${MIN_YEAR} to ${MAX_YEAR}`

/** A calendar month, `2026-03`. */
export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month (2026-03)')
  .refine(inYears, YEARS)

const Named = z.strictObject({ id: z.number().int(), name: z.string() })

/** POST /projects/:code/baselines: a new version of the plan. */
export const NewBaseline = z.strictObject({
  /** Why the plan changes: required once a baseline exists; the first defaults to "Original baseline". */
  reason: z
    .string()
    .trim()
    .max(BASELINE_REASON_MAX_LENGTH, `must be at most ${BASELINE_REASON_MAX_LENGTH} characters`)
    .superRefine((s, ctx) => {
      const message = nameProblem(s)
      if (message) ctx.addIssue({ code: 'custom', message })
    })
    .default(''),
  months: z
    .array(
      z.strictObject({
        month: Month,
        amountPence: z
          .number()
          .int('must be whole pence')
          .min(0, 'must not be negative')
          .max(MAX_AMOUNT_PENCE, `must be at most ${MAX_AMOUNT_PENCE} pence (£10bn)`),
      }),
    )
    .min(1, 'must hold at least one month')
    .max(MAX_BASELINE_MONTHS, `must hold at most ${MAX_BASELINE_MONTHS} months`)
    .superRefine((months, ctx) => {
      const seen = new Set<string>()
      for (const [i, { month }] of months.entries()) {
        if (seen.has(month)) {
          ctx.addIssue({ code: 'custom', path: [i, 'month'], message: `repeats ${month}` })
        }
        seen.add(month)
      }
    }),
})
export type NewBaseline = z.output<typeof NewBaseline>

export const BaselineVersion = z.strictObject({
  version: z.number().int().min(1),
  reason: z.string(),
  createdAt: IsoInstant,
  /** Null for an API token, the demo data or a deleted user. */
  createdBy: Named.nullable(),
  /** Oldest month first; months not listed plan nothing. */
  months: z.array(z.strictObject({ month: z.string(), amountPence: z.number().int() })),
  total: z.number().int(),
})
export type BaselineVersion = z.output<typeof BaselineVersion>

export const Baselines = z.strictObject({
  code: z.string(),
  /** The version EVM uses (the newest); null when there is none: PV is then linear over the dates. */
  current: z.number().int().nullable(),
  /** The budget (BAC): the sum of the project's budget lines. */
  bac: z.number().int(),
  /** Newest first. */
  versions: z.array(BaselineVersion),
})
export type Baselines = z.output<typeof Baselines>

/** POST's answer: the new version, and BAC beside the plan's total (the UI warns when they differ). */
export const WrittenBaseline = z.strictObject({
  baseline: BaselineVersion,
  bac: z.number().int(),
  planTotal: z.number().int(),
})
export type WrittenBaseline = z.output<typeof WrittenBaseline>

/** A real calendar day (2026-02-31 is refused). */
const Day = z.iso.date('must be a day (2026-10-31)').refine(inYears, YEARS)

export const ProgressParam = ProjectCodeParam.extend({ asOf: Day })

/** PUT /projects/:code/progress/:asOf. */
export const ProgressBody = z.strictObject({
  /** 0–100 with at most two decimals (numeric(5, 2)). */
  percentComplete: z
    .number()
    .min(0, 'must be at least 0')
    .max(100, 'must be at most 100')
    .refine((n) => Number(n.toFixed(2)) === n, 'must have at most two decimals'),
  note: text()
    .trim()
    .max(PROJECT_TEXT_MAX_LENGTH, `must be at most ${PROJECT_TEXT_MAX_LENGTH} characters`)
    .default(''),
})
export type ProgressBody = z.output<typeof ProgressBody>

export const ProgressEntry = z.strictObject({
  asOf: z.iso.date(),
  percentComplete: z.number().min(0).max(100),
  note: z.string(),
  recordedAt: IsoInstant,
  /** Null for an API token, the demo data or a deleted user. */
  recordedBy: Named.nullable(),
})
export type ProgressEntry = z.output<typeof ProgressEntry>

export const ProgressList = z.strictObject({
  code: z.string(),
  /** Newest asOf first; EV uses the latest on or before the reporting day. */
  entries: z.array(ProgressEntry),
})
export type ProgressList = z.output<typeof ProgressList>
