import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { AreaReport } from '../lib/report-section.ts'
import type { Organisation } from '../lib/organisation.ts'
import type { Scope } from '../lib/scope.ts'
import { AREA_REPORTS } from './areas.ts'
import { composeReport } from './compose-report.ts'
import { type Period, trailingPeriods } from './period.ts'
import type { Report } from './schemas.ts'

/** How many periods a figure's trend shows, this one included. */
export const TREND_PERIODS = 6

export interface BuildInput {
  period: Period
  now: Date
  org: Organisation
}

/**
 * The report for a period: each area's section for it and for the periods before (the trend),
 * then composed by `composeReport`.
 */
export async function buildReport(db: Kysely<Database>, input: BuildInput): Promise<Report> {
  const { period, now, org } = input
  const periods = trailingPeriods(period, TREND_PERIODS, org.timezone)
  // A period at a time, its areas at once: six rounds of four, not 24 queries at once on the pool.
  const byPeriod: AreaReport[][] = []
  for (const p of periods) {
    const scope: Scope = { range: { from: p.from, to: p.to }, now, org }
    // The earlier periods give the trend and the change: their figures, not their tables.
    const options = { detail: p === period }
    byPeriod.push(await Promise.all(AREA_REPORTS.map((area) => area(db, scope, options))))
  }
  return composeReport({ ...input, periods, byPeriod })
}
