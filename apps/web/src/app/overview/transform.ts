import type { Overview } from './queries.ts'

/** Nothing in any area: the page shows one "how to add data" state instead of four empty tiles. */
export function isEmptyOverview(o: Overview): boolean {
  return (
    o.services.total === 0 &&
    o.budgets.projects === 0 &&
    o.capacity.teams.length === 0 &&
    o.incidents.open.total === 0 &&
    o.incidents.startedInRange === 0
  )
}
