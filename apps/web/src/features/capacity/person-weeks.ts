import { WEEKDAY_LABELS } from '@opsdeck/contract'
import { addTotals, emptyTotals, type Utilization, utilizationOf } from '@opsdeck/kpi'
import type { AllocationPreview, CapacityGrid } from './person-queries.ts'

// The person page's shaping: their weeks from the team grids, a preview's before → after, and the
// words for a working pattern. Pure, so the arithmetic is tested without rendering.

export interface PersonWeekRow {
  /** The Monday. */
  week: string
  thisWeek: boolean
  /** Employed and in a team on some day of the week. */
  inTeam: boolean
  capacity: number
  effective: number
  confirmed: Utilization
  withTentative: Utilization
}

/**
 * The person's weeks from the grids of the teams they were in: a week split by a move is the sum
 * of its days in each team (kpi addTotals), its utilization worked by kpi utilizationOf.
 */
export function personWeeks(grids: readonly CapacityGrid[], personId: number): PersonWeekRow[] {
  const first = grids[0]
  if (!first) return []
  const totals = new Map(first.weeks.map((w) => [w, emptyTotals()]))
  const inTeam = new Set<string>()
  for (const grid of grids) {
    for (const team of grid.teams) {
      // Asked with people=true: a team without them has no one of this person's role.
      for (const person of team.people ?? []) {
        if (person.id !== personId) continue
        for (const w of person.weeks) {
          const into = totals.get(w.week)
          if (!into || !w.inTeam) continue
          inTeam.add(w.week)
          addTotals(into, w)
        }
      }
    }
  }
  return first.weeks.map((week) => {
    const t = totals.get(week) ?? emptyTotals()
    return {
      week,
      thisWeek: week === first.thisWeek,
      inTeam: inTeam.has(week),
      capacity: t.capacity,
      effective: t.effective,
      confirmed: utilizationOf(t, false),
      withTentative: utilizationOf(t, true),
    }
  })
}

/** The weeks over 100% (booked above effective capacity), as their Mondays. */
export const overWeeks = (rows: readonly PersonWeekRow[], tentative: boolean) =>
  rows.filter((r) => (tentative ? r.withTentative : r.confirmed).overAllocated).map((r) => r.week)

type Figures = AllocationPreview['weeks'][number]['before']['confirmed']

/** What a change does to a week: 'turns-over' is the one to warn about. */
export type Effect = 'turns-over' | 'stays-over' | 'back-under' | 'under'

const effectOf = (before: Figures, after: Figures): Effect =>
  after.overAllocated
    ? before.overAllocated
      ? 'stays-over'
      : 'turns-over'
    : before.overAllocated
      ? 'back-under'
      : 'under'

export interface PreviewRow {
  week: string
  confirmed: { before: Figures; after: Figures; effect: Effect }
  withTentative: { before: Figures; after: Figures; effect: Effect }
}

/** The preview's weeks, each before → after with and without tentative work. */
export const previewRows = (preview: AllocationPreview): PreviewRow[] =>
  preview.weeks.map(({ week, before, after }) => ({
    week,
    confirmed: {
      before: before.confirmed,
      after: after.confirmed,
      effect: effectOf(before.confirmed, after.confirmed),
    },
    withTentative: {
      before: before.withTentative,
      after: after.withTentative,
      effect: effectOf(before.withTentative, after.withTentative),
    },
  }))

const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' })

/** A week by its Monday, short: `7 Dec`. */
export function weekLabel(monday: string): string {
  const [y, m, d] = monday.split('-').map(Number)
  if (!y || !m || !d) return monday
  return shortDay.format(new Date(y, m - 1, d))
}

/** ISO weekdays as words: runs of three or more with a dash (`Mon–Wed`), the rest by commas. */
export function patternLabel(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b)
  const runs: number[][] = []
  for (const d of sorted) {
    const run = runs.at(-1)
    if (run && run.at(-1) === d - 1) run.push(d)
    else runs.push([d])
  }
  const name = (d: number) => WEEKDAY_LABELS[d - 1] ?? String(d)
  return runs
    .flatMap((run) => (run.length >= 3 ? [`${name(run[0]!)}–${name(run.at(-1)!)}`] : run.map(name)))
    .join(', ')
}

/** Contracted hours and pattern: `22.5 h, Mon–Wed`. */
export const contractLabel = (hours: number, days: readonly number[]) =>
  `${hours.toLocaleString('en-GB', { maximumFractionDigits: 2 })} h, ${patternLabel(days)}`

const DAY_MS = 86_400_000

/** Days from one 'YYYY-MM-DD' to another, inclusive (a move's days in a team). */
export function daysBetween(first: string, last: string): number {
  return (
    Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY_MS) + 1
  )
}
