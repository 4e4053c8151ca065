export { createDb, createPool, kyselyOver, poolOf, type ConnectOptions } from './connect.ts'
export {
  isDatabaseUnavailable,
  isPoolOverloaded,
  isStatementTimeout,
  PoolOverloadedError,
} from './db-errors.ts'
export { ingestSamples, type IngestResult, type IngestSample } from './ingest.ts'
export {
  type FiringSignal,
  type IntakeOutcome,
  type IntakeSignal,
  intakeSignal,
  type ResolvedSignal,
} from './incident-intake.ts'
export { insertNumberedIncident, type NumberedIncident } from './incident-refs.ts'
export { listen, type Listening } from './listen.ts'
export { lockFor, tryLockFor } from './locks.ts'
export {
  expandMaintenanceSchedules,
  MAINTENANCE_HORIZON_DAYS,
  type ExpandOptions,
  type ExpandResult,
} from './maintenance-schedules.ts'
export {
  wallClockInstant,
  weeklyOccurrences,
  type Occurrence,
  type WeeklySchedule,
} from './weekly-occurrences.ts'
export {
  GuardedPool,
  type DatabaseStatusChange,
  type PoolStats,
  type QueryErrorKind,
} from './pool.ts'
export { ReadReplica, type ReplicaChange } from './replica.ts'
export {
  chooseReadTarget,
  formatLsn,
  parseLsn,
  type Lsn,
  type ReadTarget,
  type ReplicaState,
} from './replica-routing.ts'
export { waitForDatabase } from './wait.ts'
export { EmbeddedInUseError, startEmbedded, type EmbeddedServer } from './embedded.ts'
export { migrateToLatest } from './migrate.ts'
export { openDatabase, type OpenedDatabase } from './open.ts'
export type * from './schema/index.ts'
export { ConfigError, DbEnv, envNumber, openOptions, parseEnv, readEnv, runCli } from './env.ts'
export { rebuildAllDailyRollups, rebuildRollups, type RollupRange } from './rollups.ts'
export {
  burnRateCounts,
  type BurnRateCountsArgs,
  mergeRanges,
  type ServiceBurnCounts,
  type SignedSpan,
  spanSegments,
  type WindowCounts,
} from './burn-rates.ts'
export {
  DEMO_SEED,
  DEMO_TIMEZONE,
  isDatabaseEmpty,
  resetDemoData,
  seedDemo,
  simulateDemoChecks,
  type DemoCheckOptions,
  type SeedOptions,
  type SeedResult,
} from './seed/index.ts'
