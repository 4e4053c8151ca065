import { type Kysely, sql } from 'kysely'
import { rebuildDailyRollups, rebuildRollups } from '../rollups.ts'
import type { Database } from '../schema/index.ts'
import { seedBusinessServices } from './business-services.ts'
import { seedCapacity } from './capacity.ts'
import { DEMO_SEED, type SeedContext } from './context.ts'
import { seedIncidents } from './incidents.ts'
import { seedMaintenance } from './maintenance.ts'
import { seedWeeklyMaintenance } from './maintenance-weekly.ts'
import { seedOrganisation, seedServices } from './organisation.ts'
import { seedProjects } from './projects.ts'
import { createRng } from './rng.ts'
import { createMinuteFlags, createServiceParams } from './sample-sql.ts'
import { SERVICES } from './services-data.ts'
import { addMonths, DAY, floorTo, HOUR, localDay, localTime, MINUTE } from './time.ts'
import { countRows, isDatabaseEmpty } from './reset.ts'
import { seedHistory, seedRawSamples } from './uptime.ts'

export { DEMO_SEED } from './context.ts'
export { simulateDemoChecks, type DemoCheckOptions } from './live.ts'
export { isDatabaseEmpty, resetDemoData } from './reset.ts'

export interface SeedOptions {
  /** The clock the data is relative to (default: the current time, to the minute). */
  now?: Date
  seed?: number
  log?: (line: string) => void
  /** Smaller data for tests: the first N catalogue services, raw days, months of rollups. */
  services?: number
  rawDays?: number
  historyMonths?: number
}

export interface SeedResult {
  now: Date
  rawStart: Date
  historyStart: Date
  rows: Record<string, number>
}

export const DEMO_TIMEZONE = 'Europe/London'

/**
 * Fills an empty database with a year of a UK council IT department, in one transaction.
 * Same seed and same `now` give the same rows (ids included, on a freshly reset database).
 */
export async function seedDemo(db: Kysely<Database>, opts: SeedOptions = {}): Promise<SeedResult> {
  const tz = DEMO_TIMEZONE
  const now = floorTo(opts.now ?? new Date(), MINUTE)
  const today = localDay(now, tz)
  const rawStart = new Date(floorTo(now, HOUR).getTime() - (opts.rawDays ?? 30) * DAY)
  const monthsBack = localTime(addMonths(today, -(opts.historyMonths ?? 13)), 0, 0, tz)
  const historyStart = monthsBack < rawStart ? monthsBack : rawStart
  const seed = (opts.seed ?? DEMO_SEED) >>> 0
  const log = opts.log ?? (() => {})
  const rows: Record<string, number> = {}

  await db.transaction().execute(async (trx) => {
    // The sample generation is one big statement; JIT compilation would only add seconds.
    await sql`SET LOCAL statement_timeout = '10min'`.execute(trx)
    await sql`SET LOCAL jit = off`.execute(trx)
    await sql`SET LOCAL work_mem = '256MB'`.execute(trx)
    if (!(await isDatabaseEmpty(trx))) {
      throw new Error('the database already has services; reset it first (db:seed --reset)')
    }
    const ctx: SeedContext = {
      db: trx,
      rng: createRng(seed),
      seed,
      tz,
      now,
      today,
      rawStart,
      historyStart,
      log,
      createdAt: new Date(historyStart.getTime() - 60 * DAY),
    }
    const step = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
      const started = performance.now()
      const result = await fn()
      log(`  ${label.padEnd(34)} ${((performance.now() - started) / 1000).toFixed(1)} s`)
      return result
    }
    const people = await step('organisation, teams, people', () => seedOrganisation(ctx))
    const services = await step('services', () =>
      seedServices(ctx, opts.services ?? SERVICES.length),
    )
    await step('business services', () => seedBusinessServices(ctx, services))
    await step('maintenance windows', () => seedMaintenance(ctx, services))
    // Before the samples: the past weekly occurrences must be there to mark theirs.
    await step('weekly maintenance', () => seedWeeklyMaintenance(ctx, services))
    await step('incidents', () => seedIncidents(ctx, services, people))
    const projects = await step('projects', () => seedProjects(ctx, people))
    await step('allocations, leave, closures, toil', () => seedCapacity(ctx, people, projects))
    await step('sample inputs', async () => {
      await createServiceParams(trx, seed, services)
      await createMinuteFlags(trx, seed, { from: historyStart, to: now })
    })
    await step('raw samples', () => seedRawSamples(ctx))
    await step('older hourly rollups', () => seedHistory(ctx))
    // The sample at `now` itself is included, hence the extra minute.
    await step('rollups over the raw window', () =>
      rebuildRollups(trx, { from: rawStart, to: new Date(now.getTime() + MINUTE), timezone: tz }),
    )
    await step('older daily rollups', () =>
      rebuildDailyRollups(trx, { from: historyStart, to: rawStart, timezone: tz }),
    )
    // Dashboards read the rollups at once; autovacuum gets round to the raw partitions shortly.
    await step('analyze rollups', () =>
      sql`ANALYZE check_rollup_hourly, check_rollup_daily`.execute(trx),
    )
    Object.assign(rows, await countRows(trx))
  })
  return { now, rawStart, historyStart, rows }
}
