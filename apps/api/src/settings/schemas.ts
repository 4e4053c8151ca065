import {
  BANK_HOLIDAY_REGIONS,
  MAX_RAW_SAMPLE_RETENTION_DAYS,
  MIN_RAW_SAMPLE_RETENTION_DAYS,
} from '@opsdeck/contract'
import { z } from 'zod'
import { IsoInstant } from '../lib/openapi.ts'
import { name } from '../lib/text.ts'
import { timezoneProblem } from './timezones.ts'

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'))

const refine = (problemOf: (s: string) => string | null) => (s: string, ctx: z.RefinementCtx) => {
  const message = problemOf(s)
  if (message) ctx.addIssue({ code: 'custom', message })
}

// A threshold is printed in the RAG reason ("CPI 0.82 < 0.85"): three decimals at most.
const decimals3 = (x: number) => Math.abs(Math.round(x * 1000) - x * 1000) < 1e-6
// One problem per limit: the first check it fails (1e308 is out of range, not also too precise).
// Not `abort: true`, which would also stop the red-vs-amber comparison of the other limits.
const threshold = (within: (x: number) => boolean, range: string) =>
  z
    .number()
    .refine(within, { message: `must be ${range}` })
    .refine(decimals3, {
      message: 'must have at most 3 decimal places',
      when: ({ issues }) => issues.length === 0,
    })

// CPI and SPI are 1 on plan: a limit of 0 never fires, and one above 2 would flag projects
// running at twice the planned efficiency. EAC / BAC is 1 on budget: a limit below 1 flags
// projects forecast under budget, and one above 3 (triple the budget) is no early warning.
const index = threshold((x) => x > 0 && x <= 2, 'more than 0 and at most 2')
const Level = z.strictObject({
  cpi: index,
  spi: index,
  eacOverBac: threshold((x) => x >= 1 && x <= 3, 'from 1 to 3 (100% to 300% of BAC)'),
})

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const bothLevels = (v: unknown) => isRecord(v) && isRecord(v.red) && isRecord(v.amber)

/**
 * Red must fire before amber can stop firing: red CPI and SPI below amber's, red EAC above. A
 * pair is compared only when both its limits passed their own checks, so that each limit gets
 * one problem; the other pairs are compared all the same.
 */
export const RagThresholdsInput = z.strictObject({ red: Level, amber: Level }).superRefine(
  ({ red, amber }, ctx) => {
    const failed = (key: keyof typeof red) =>
      ctx.issues.some(
        (i) => (i.path?.[0] === 'red' || i.path?.[0] === 'amber') && i.path[1] === key,
      )
    for (const [key, label] of [
      ['cpi', 'CPI'],
      ['spi', 'SPI'],
    ] as const) {
      if (!failed(key) && red[key] >= amber[key]) {
        ctx.addIssue({
          code: 'custom',
          path: ['red', key],
          message: `red ${label} limit ${red[key]} must be below amber's ${amber[key]}`,
        })
      }
    }
    if (!failed('eacOverBac') && red.eacOverBac <= amber.eacOverBac) {
      ctx.addIssue({
        code: 'custom',
        path: ['red', 'eacOverBac'],
        message: `red EAC limit ${percent(red.eacOverBac)} of BAC must be above amber's ${percent(amber.eacOverBac)}`,
      })
    }
  },
  // Run although a limit failed (its issue aborts the object's checks by default), once both
  // levels are objects: a missing level is the only problem worth saying.
  { when: ({ value }) => bothLevels(value) },
)

/**
 * Days of raw check samples kept (the worker drops older ones, a day at a time); the hourly and
 * daily rollups keep every figure for longer. At most the 400 days the hourly rollups are kept.
 */
const RawSampleRetentionDays = z
  .number()
  .int()
  .min(MIN_RAW_SAMPLE_RETENTION_DAYS)
  .max(MAX_RAW_SAMPLE_RETENTION_DAYS)

/** Every field optional; unknown ones refused, so a misspelt field is not silently dropped. */
export const SettingsPatch = z.strictObject({
  name: name(200).optional(),
  timezone: z.string().max(64).superRefine(refine(timezoneProblem)).optional(),
  currency: z
    .string()
    .refine((c) => CURRENCIES.has(c), { message: 'must be an ISO 4217 currency code, e.g. GBP' })
    .optional(),
  bankHolidayRegion: z.enum(BANK_HOLIDAY_REGIONS).optional(),
  workingDaysPerWeek: z.number().int().min(1).max(7).optional(),
  ragThresholds: RagThresholdsInput.optional(),
  rawSampleRetentionDays: RawSampleRetentionDays.optional(),
})
export type SettingsPatch = z.infer<typeof SettingsPatch>

const SavedLevel = z.strictObject({ cpi: z.number(), spi: z.number(), eacOverBac: z.number() })

/** The organisation's settings as every page reads them. */
export const Settings = z.strictObject({
  name: z.string(),
  /** IANA; calendar days, weeks and months are counted in it. */
  timezone: z.string(),
  /** ISO 4217. */
  currency: z.string().length(3),
  bankHolidayRegion: z.string(),
  workingDaysPerWeek: z.number().int().min(1).max(7),
  ragThresholds: z.strictObject({ red: SavedLevel, amber: SavedLevel }),
  /** Days of raw check samples kept; the rollups outlive them. */
  rawSampleRetentionDays: z.number().int(),
  updatedAt: IsoInstant,
})

export const SettingsBody = z.strictObject({ settings: Settings })

/** The settings now, and the zone whose days the daily uptime rollups hold. */
export const SettingsUpdated = z.strictObject({
  settings: Settings,
  dailyRollups: z.strictObject({
    /** IANA; the settings' zone, or until the worker has re-labelled them, the previous one. */
    timezone: z.string(),
    /** True while the daily rollups are not yet days of the settings' zone. */
    rebuilding: z.boolean(),
  }),
})
