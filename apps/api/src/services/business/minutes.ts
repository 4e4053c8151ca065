import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { decideHours } from './hours.ts'
import {
  type GroupMinuteCounts,
  type GroupSpec,
  rawGroupMinutes,
  type StateMinutes,
  type WindowStart,
} from './raw-minutes.ts'

/**
 * Minutes of each window (all ending at `to`, a whole UTC minute) by the group's state, exactly
 * as rawGroupMinutes counts them from the raw samples: the hours decided whole from the hourly
 * rollups and the samples' minutes (nearly all of them) are added up, and only the others are
 * counted minute by minute. Both statements read one snapshot, so that samples ingested
 * meanwhile count in every hour or in none.
 */
export async function groupMinutes(
  db: Kysely<Database>,
  groups: readonly GroupSpec[],
  windows: readonly WindowStart[],
  to: Date,
): Promise<GroupMinuteCounts> {
  const count = async (trx: Kysely<Database>) => {
    const decided = await decideHours(trx, groups, windows, to)
    return { decided, counted: await rawGroupMinutes(trx, groups, windows, to, decided.undecided) }
  }
  const { decided, counted } = db.isTransaction
    ? await count(db)
    : await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute(count)
  const result: GroupMinuteCounts = new Map()
  for (const g of groups) {
    const byWindow = new Map<string, StateMinutes>()
    for (const w of windows) {
      const raw = counted.get(g.id)?.get(w.key) ?? { up: 0, down: 0, maintenance: 0 }
      byWindow.set(w.key, { ...raw, up: raw.up + (decided.up.get(g.id)?.get(w.key) ?? 0) })
    }
    result.set(g.id, byWindow)
  }
  return result
}
