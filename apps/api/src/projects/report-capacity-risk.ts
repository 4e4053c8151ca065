import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { projectCapacityRisks } from '../capacity/queries.ts'
import type { Organisation } from '../lib/organisation.ts'
import { toInstant } from '../lib/range.ts'

const DAY_MS = 86_400_000
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** The Monday of the ISO week holding `first` and the Sunday of the one holding `last`. */
export function periodWeeks(first: string, last: string): { from: string; to: string } {
  const mondayOf = (day: string) => {
    const at = Date.parse(`${day}T00:00:00Z`)
    return at - ((new Date(at).getUTCDay() + 6) % 7) * DAY_MS
  }
  return { from: dayOf(mondayOf(first)), to: dayOf(mondayOf(last) + 6 * DAY_MS) }
}

/**
 * The projects' risk from capacity in the weeks a period touches, by code, with the reason in
 * words naming those weeks only. The capacity model's `now` only extends open incidents' toil,
 * which the risk does not read.
 */
export async function periodCapacityRisks(
  db: Kysely<Database>,
  args: { org: Organisation; firstDay: string; lastDay: string },
): Promise<Map<string, string>> {
  const weeks = periodWeeks(args.firstDay, args.lastDay)
  const risks = await projectCapacityRisks(db, {
    now: toInstant(weeks.from, args.org.timezone, 'start'),
    org: args.org,
    weeks,
  })
  return new Map([...risks].map(([code, risk]) => [code, risk.text]))
}
