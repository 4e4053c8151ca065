import type { Transaction } from 'kysely'
import type { Database } from '../schema/index.ts'
import type { Rng } from './rng.ts'
import type { TeamSlug } from './people-data.ts'

/** The demo's seed unless told otherwise: the live simulator must use the one the seed used. */
export const DEMO_SEED = 20_260_101

export interface SeedContext {
  db: Transaction<Database>
  rng: Rng
  seed: number
  tz: string
  /** The seed's clock, whole minutes: no data after it except planned work. */
  now: Date
  /** The local calendar day of `now`. */
  today: string
  /** First raw sample (whole UTC hour, rawDays before now). */
  rawStart: Date
  /** First synthesized rollup hour (local midnight, historyMonths before now). */
  historyStart: Date
  /** When the catalogue rows say they were created. */
  createdAt: Date
  log: (line: string) => void
}

export interface SeededPerson {
  id: number
  name: string
  /** The team people-data lists them in: their first team, for one who moved. */
  team: TeamSlug
  /** The current role. */
  role: string
  hours: number
  lead: boolean
  startDate: string
  endDate: string | null
  /** ISO weekdays worked. */
  workingDays: readonly number[]
  /** Their bank-holiday region, or null for the organisation's. */
  region: string | null
  /** Which team, when (lastDay null: still there); one row unless they moved. */
  memberships: readonly { team: TeamSlug; firstDay: string; lastDay: string | null }[]
}

export interface SeededService {
  id: number
  slug: string
  name: string
  tier: 1 | 2 | 3
  team: TeamSlug
  baseMs: number
  degradedMs: number
  checkUrl: string
}

export interface SeededProject {
  id: number
  code: string
  status: 'active' | 'closed'
  startDate: string
  endDate: string
  teams: readonly TeamSlug[]
}
