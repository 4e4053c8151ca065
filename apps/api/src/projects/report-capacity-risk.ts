import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type CapacityRisk, projectCapacityRisks } from '../capacity/queries.ts'
import type { Organisation } from '../lib/organisation.ts'
import { toInstant } from '../lib/range.ts'

const DAY_MS = 86_400_000
const WINDOW_WEEKS = 4
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** The Mondays of the ISO weeks that the days `first`–`last` touch. */
export function periodMondays(first: string, last: string): string[] {
  const start = Date.parse(`${first}T00:00:00Z`)
  const monday = start - ((new Date(start).getUTCDay() + 6) % 7) * DAY_MS
  const out: string[] = []
  for (let n = monday; dayOf(n) <= last; n += 7 * DAY_MS) out.push(dayOf(n))
  return out
}

/**
 * The projects' risk from capacity in the weeks of a period, by code, with the reason in words.
 * capacity/queries.ts answers for four weeks from a `now`, so the period's weeks are read four at
 * a time and a project is at risk when its risky weeks (over-booked or short of people, both kept
 * per week) fall in the period; the reasons of the windows that say so are joined. The capacity
 * model's `now` only extends open incidents' toil, which the risk does not read.
 */
export async function periodCapacityRisks(
  db: Kysely<Database>,
  args: { org: Organisation; firstDay: string; lastDay: string },
): Promise<Map<string, string>> {
  const mondays = periodMondays(args.firstDay, args.lastDay)
  const wanted = new Set(mondays)
  const windows = mondays.filter((_, i) => i % WINDOW_WEEKS === 0)
  const answers = await Promise.all(
    windows.map((monday) =>
      projectCapacityRisks(db, {
        now: toInstant(monday, args.org.timezone, 'start'),
        org: args.org,
      }),
    ),
  )
  const out = new Map<string, string>()
  for (const risks of answers) {
    for (const [code, risk] of risks) {
      if (!inPeriod(risk, wanted)) continue
      const before = out.get(code)
      out.set(code, before === undefined ? risk.text : `${before}; ${risk.text}`)
    }
  }
  return out
}

const inPeriod = (risk: CapacityRisk, wanted: ReadonlySet<string>) =>
  [...risk.overbooked.weeks, ...risk.onLeave.weeks].some((w) => wanted.has(w))
