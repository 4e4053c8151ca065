import { type Database, rebuildAllDailyRollups, tryLockFor } from '@opsdeck/db'
import type { Kysely, Transaction } from 'kysely'

export type RelabelOutcome =
  /** The daily rollups are already days of the organisation's zone. */
  | { status: 'current' }
  /** Another worker is re-labelling them. */
  | { status: 'busy' }
  /** The zone changed again during the rebuild: rolled back, the next run builds the newest. */
  | { status: 'superseded'; from: string; to: string; ms: number }
  | { status: 'relabelled'; from: string; to: string; rows: number; ms: number }

/**
 * After an admin changes the organisation's time zone, rebuilds every daily rollup as a day of
 * the new zone and records that zone in daily_rollup_timezone, in one transaction. Until it
 * commits, readers see the old days and the old zone together, so their figures stay exact.
 */
export async function relabelDailyRollups(db: Kysely<Database>): Promise<RelabelOutcome> {
  const started = performance.now()
  const ms = () => Math.round(performance.now() - started)
  try {
    return await db.transaction().execute(async (trx): Promise<RelabelOutcome> => {
      // Minutes of work at 500 services: a second worker comes back later rather than wait.
      if (!(await tryLockFor(trx, 'opsdeck:daily-rollup-zone'))) return { status: 'busy' }
      const before = await zones(trx)
      if (before.timezone === before.dailyRollupTimezone) return { status: 'current' }
      const from = before.dailyRollupTimezone
      const to = before.timezone
      // Sets daily_rollup_timezone too, which locks the settings row until the commit.
      const { rows } = await rebuildAllDailyRollups(trx, to)
      const after = await zones(trx)
      if (after.timezone !== to) throw new Superseded({ status: 'superseded', from, to, ms: ms() })
      return { status: 'relabelled', from, to, rows, ms: ms() }
    })
  } catch (err) {
    if (err instanceof Superseded) return err.outcome
    throw err
  }
}

// Thrown to roll the transaction back: its days are of a zone nobody wants any more.
class Superseded extends Error {
  readonly outcome: RelabelOutcome
  constructor(outcome: RelabelOutcome) {
    super('the time zone changed during the re-label')
    this.outcome = outcome
  }
}

const zones = (trx: Transaction<Database>) =>
  trx
    .selectFrom('organisationSettings')
    .select(['timezone', 'dailyRollupTimezone'])
    .executeTakeFirstOrThrow()
