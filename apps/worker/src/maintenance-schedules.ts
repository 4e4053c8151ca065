import {
  type Database,
  type ExpandResult,
  expandMaintenanceSchedules,
  MAINTENANCE_HORIZON_DAYS,
} from '@opsdeck/db'
import type { Kysely } from 'kysely'

/**
 * Keeps every weekly maintenance schedule's occurrences written MAINTENANCE_HORIZON_DAYS (eight
 * weeks) ahead, so that samples arriving in an occurrence find its maintenance_windows row. Run
 * hourly: a worker that was down for less than the horizon misses nothing; several workers
 * running it at once take turns (an advisory lock) and write each occurrence once.
 */
export function extendMaintenanceSchedules(
  db: Kysely<Database>,
  now = new Date(),
): Promise<ExpandResult> {
  return expandMaintenanceSchedules(db, { now, horizonDays: MAINTENANCE_HORIZON_DAYS })
}
