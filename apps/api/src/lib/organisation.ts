import type { Database } from '@opsdeck/db'
import { DEFAULT_RAG_THRESHOLDS, type RagThresholds } from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import { z } from 'zod'

const Level = z.object({ cpi: z.number(), spi: z.number(), eacOverBac: z.number() })
const RagThresholdsSetting = z.object({ red: Level, amber: Level })

/**
 * The organisation's settings: its name, calendar, currency, RAG thresholds and how long raw check
 * samples are kept; and the zone whose
 * days the daily rollups hold (its own zone, except until the worker re-labels them after a change).
 */
export async function getOrganisation(db: Kysely<Database>) {
  const row = await db
    .selectFrom('organisationSettings')
    .select([
      'name',
      'timezone',
      'dailyRollupTimezone',
      'currency',
      'bankHolidayRegion',
      'workingDaysPerWeek',
      'ragThresholds',
      'rawSampleRetentionDays',
      'updatedAt',
    ])
    .executeTakeFirstOrThrow()
  return { ...row, ragThresholds: ragThresholdsOf(row.ragThresholds) }
}
export type Organisation = Awaited<ReturnType<typeof getOrganisation>>

// PATCH /settings validates the thresholds; a value written by hand in SQL that is malformed falls
// back to the defaults rather than failing every dashboard.
function ragThresholdsOf(value: unknown): RagThresholds {
  const parsed = RagThresholdsSetting.safeParse(value)
  return parsed.success ? parsed.data : DEFAULT_RAG_THRESHOLDS
}
