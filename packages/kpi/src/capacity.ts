import { ratio } from './ratio.ts'

function assertHours(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be >= 0`)
}

// Effective capacity, utilization and over-allocation are worked day by day in capacity-days.ts.

// Allocation kinds as stored, plus incident hours taken out of capacity. Run = keeping the lights
// on (run, support, incidents); change = project work.
export type WorkKind = 'project' | 'run' | 'support' | 'incident'

export type RunChangeSplit = {
  runHours: number
  changeHours: number
  runShare: number | null
  changeShare: number | null
}

export function runChangeSplit(hoursByKind: Partial<Record<WorkKind, number>>): RunChangeSplit {
  for (const [kind, hours] of Object.entries(hoursByKind)) assertHours(kind, hours)
  const runHours = (hoursByKind.run ?? 0) + (hoursByKind.support ?? 0) + (hoursByKind.incident ?? 0)
  const changeHours = hoursByKind.project ?? 0
  const total = runHours + changeHours
  return {
    runHours,
    changeHours,
    runShare: ratio(runHours, total),
    changeShare: ratio(changeHours, total),
  }
}
