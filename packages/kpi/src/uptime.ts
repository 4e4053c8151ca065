import { ratio } from './ratio.ts'

// Disjoint sample counts for one service over one window, as summed from the rollups.
export type SampleCounts = {
  up: number
  degraded: number
  down: number
  maintenance: number
  // Samples the schedule should have produced in the window (window / check interval).
  expected?: number | null
}

export type UptimeResult = {
  uptime: number | null
  degradedShare: number | null
  coverage: number | null
}

function assertCount(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite count >= 0, got ${value}`)
  }
}

// Degraded counts as up (it is reported separately); maintenance counts as neither. With no
// in-scope samples the answer is "no data" (null), never 100%.
export function uptime(counts: SampleCounts): UptimeResult {
  const { up, degraded, down, maintenance, expected } = counts
  assertCount('up', up)
  assertCount('degraded', degraded)
  assertCount('down', down)
  assertCount('maintenance', maintenance)
  const inScope = up + degraded + down
  let coverage: number | null = null
  if (expected !== undefined && expected !== null) {
    assertCount('expected', expected)
    const share = ratio(inScope + maintenance, expected)
    // A probe that ran a little more often than scheduled is complete, not "more than complete".
    coverage = share === null ? null : Math.min(1, share)
  }
  return {
    uptime: ratio(up + degraded, inScope),
    degradedShare: ratio(degraded, inScope),
    coverage,
  }
}

// Downtime as the error budget consumes it: each down sample stands for one check interval.
export function downtimeMinutes(args: { down: number; intervalSeconds: number }): number {
  assertCount('down', args.down)
  assertCount('intervalSeconds', args.intervalSeconds)
  return (args.down * args.intervalSeconds) / 60
}
