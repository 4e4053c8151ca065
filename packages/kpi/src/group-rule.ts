import { uptime } from './uptime.ts'

// A business service ("Payroll") is up in a minute when enough of its component services are.

/** A component's state in one minute: its sample's status, or maintenance, or no sample at all. */
export type ComponentState = 'up' | 'degraded' | 'down' | 'maintenance' | 'no-data'

export type GroupState = 'up' | 'down' | 'maintenance' | 'no-data'

export type GroupRule = { rule: 'all' } | { rule: 'any' } | { rule: 'at_least'; minUp: number }

/** How many components must be up: all of them, one, or the rule's minimum. */
export function upNeeded(rule: GroupRule, components: number): number {
  if (!Number.isInteger(components) || components < 1) {
    throw new RangeError(`a group needs at least one component, got ${components}`)
  }
  if (rule.rule === 'all') return components
  if (rule.rule === 'any') return 1
  if (!Number.isInteger(rule.minUp) || rule.minUp < 1 || rule.minUp > components) {
    throw new RangeError(`minUp must be a whole number in 1..${components}, got ${rule.minUp}`)
  }
  return rule.minUp
}

/**
 * The group's state in one minute. Degraded counts as up. A component in maintenance or without
 * data is neither up nor down: the group is up when the components that are up suffice whatever
 * the others were, down when it would be down even if they had all been up, and otherwise
 * undecided: 'maintenance' when one of the undecided components is in maintenance (planned work
 * explains it), else 'no-data'. Undecided minutes count as neither up nor down.
 */
export function groupState(rule: GroupRule, states: readonly ComponentState[]): GroupState {
  const needed = upNeeded(rule, states.length)
  let up = 0
  let down = 0
  let maintenance = 0
  for (const s of states) {
    if (s === 'up' || s === 'degraded') up++
    else if (s === 'down') down++
    else if (s === 'maintenance') maintenance++
  }
  if (up >= needed) return 'up'
  if (states.length - down < needed) return 'down'
  return maintenance > 0 ? 'maintenance' : 'no-data'
}

/** Minutes of a window by the group's state in each. */
export type GroupMinutes = { up: number; down: number; maintenance: number; noData: number }

/**
 * The group's uptime over a window = up minutes / (up + down minutes); maintenance and no-data
 * minutes count as neither, and coverage = (up + down + maintenance) / all minutes of the window.
 */
export function groupUptime(minutes: GroupMinutes): {
  uptime: number | null
  coverage: number | null
} {
  const { up, down, maintenance, noData } = minutes
  if (!(noData >= 0)) throw new RangeError(`noData must be a count >= 0, got ${noData}`)
  const expected = up + down + maintenance + noData
  const r = uptime({ up, degraded: 0, down, maintenance, expected })
  return { uptime: r.uptime, coverage: r.coverage }
}
