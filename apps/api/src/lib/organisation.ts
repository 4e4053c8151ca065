import type { Database } from '@opsdeck/db'
import { DEFAULT_RAG_THRESHOLDS, type RagThresholds } from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import { z } from 'zod'

const Level = z.object({ cpi: z.number(), spi: z.number(), eacOverBac: z.number() })
const RagThresholdsSetting = z.object({ red: Level, amber: Level })

export async function getOrganisation(db: Kysely<Database>) {
  const row = await db
    .selectFrom('organisationSettings')
    .select([
      'name',
      'timezone',
      'currency',
      'bankHolidayRegion',
      'workingDaysPerWeek',
      'ragThresholds',
    ])
    .executeTakeFirstOrThrow()
  return { ...row, ragThresholds: ragThresholdsOf(row.ragThresholds) }
}
export type Organisation = Awaited<ReturnType<typeof getOrganisation>>

// The setting is edited by admins as JSON: a malformed value falls back to the defaults.
function ragThresholdsOf(value: unknown): RagThresholds {
  const parsed = RagThresholdsSetting.safeParse(value)
  return parsed.success ? parsed.data : DEFAULT_RAG_THRESHOLDS
}
