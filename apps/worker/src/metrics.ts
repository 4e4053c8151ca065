import type { SampleStatus } from '@opsdeck/db'

/**
 * What the worker counts for /metrics. The worker imports nothing from the API and no metrics
 * library: the process that serves /metrics (apps/api/src/lib/metrics.ts) passes its own in, and
 * tests pass a recorder. Without one, nothing is counted.
 */
export interface WorkerMetrics {
  /** A probe check finished: what it found, and how long it took (wall time, in seconds). */
  checked(outcome: SampleStatus, seconds: number): void
  /** A run of a scheduled job ended, or failed. */
  jobRan(job: string, failed: boolean): void
}

export const NO_METRICS: WorkerMetrics = { checked: () => {}, jobRan: () => {} }
