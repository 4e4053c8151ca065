import type { AttentionItem, AttentionProvider } from '../lib/attention.ts'
import { isoWeekOf, localDay } from '../lib/calendar.ts'
import { coverRisks } from './grid/cover.ts'
import { forecast } from './grid/forecast.ts'
import { overallocations } from './grid/overallocations.ts'
import { capacityModel } from './model/index.ts'
import { mondaysBetween, shiftDay } from './model/weeks.ts'
import { weeksInWords } from './project-risk.ts'
import { listTierOneOwners } from './queries.ts'

/** People over-allocated in this week and the next (confirmed work). */
export const OVERALLOCATION_WEEKS = 2
/** Cover risk and the forecast: this week and the next eleven. */
export const LOOKAHEAD_WEEKS = 12
/** A person-week booked over this share of effective capacity is critical (as is work on leave). */
export const CRITICAL_UTILIZATION = 1.2

/**
 * Capacity's "needs attention" items, as of today in the organisation's zone, from one capacity
 * model of this week and the next eleven (grid/overallocations, cover and forecast; no arithmetic
 * here):
 * - a person over-allocated (confirmed work) this week or next: warning; critical when a week is
 *   over 120% or has work booked on their leave. One item a person, naming the weeks.
 * - a team owning tier-1 services with fewer than 2 people available on one of the organisation's
 *   working days from today on: warning, one item a team, naming the first such day.
 * - a team whose demand, tentative work included, exceeds its capacity in a week of the forecast:
 *   warning, one item a team, naming the weeks and the highest.
 * None has a start to rank by (`since` null): they are about the weeks ahead.
 */
export const capacityAttention: AttentionProvider = async (db, { now, org }) => {
  const today = localDay(now, org.timezone)
  const thisWeek = isoWeekOf(now, org.timezone)
  const to = shiftDay(thisWeek, 7 * LOOKAHEAD_WEEKS - 1)
  const weeks = mondaysBetween(thisWeek, to)
  const [owners, model] = await Promise.all([
    listTierOneOwners(db),
    capacityModel(db, {
      from: thisWeek,
      to,
      orgRegion: org.bankHolidayRegion,
      timezone: org.timezone,
      now,
    }),
  ])
  const items: AttentionItem[] = []
  const item = (severity: AttentionItem['severity'], title: string, reason: string, href: string) =>
    items.push({ area: 'capacity', severity, title, reason, href, since: null })

  // Over-allocated people: their person-weeks, grouped by person.
  const byPerson = new Map<number, ReturnType<typeof overallocations>>()
  for (const o of overallocations(model, weeks.slice(0, OVERALLOCATION_WEEKS), false)) {
    const list = byPerson.get(o.person.id) ?? []
    list.push(o)
    byPerson.set(o.person.id, list)
  }
  for (const [id, list] of byPerson) {
    const first = list[0]
    if (!first) continue
    const tooHigh = list.some((o) => o.utilization === null || o.utilization > CRITICAL_UTILIZATION)
    const onLeave = list.flatMap((o) => o.leaveConflicts.map((c) => c.day))
    // Weeks with the same figures are told once: "46 of 37.5 h (123%) in weeks 50–51".
    const groups = new Map<string, string[]>()
    for (const o of list) {
      const pct = o.utilization === null ? '' : ` (${Math.round(o.utilization * 100)}%)`
      const key = `${hours(o.booked)} of ${hours(o.effective)} h${pct}`
      groups.set(key, [...(groups.get(key) ?? []), o.week])
    }
    const booked = [...groups].map(([figures, w]) => `${figures} in ${weeksInWords(w)}`)
    const why = [
      tooHigh ? `over ${Math.round(CRITICAL_UTILIZATION * 100)}%` : null,
      onLeave.length > 0 ? `with work booked over leave on ${daysInWords(onLeave)}` : null,
    ].filter((s) => s !== null)
    item(
      tooHigh || onLeave.length > 0 ? 'critical' : 'warning',
      first.person.name,
      `Booked ${booked.join(' and ')}${why.length > 0 ? `, ${why.join(', ')}` : ''}`,
      `/capacity/people/${id}`,
    )
  }

  // Cover risk: a team's first day short from today on, and how many more there are.
  const risks = coverRisks(model, weeks, owners, org)
  for (const team of model.teams) {
    const days = risks
      .filter((r) => r.team.id === team.id)
      .flatMap((r) => r.days.map((d) => ({ ...d, week: r.week, services: r.services })))
      .filter((d) => d.day >= today)
    const first = days[0]
    if (!first) continue
    const more = days.length - 1
    const shortWeeks = [...new Set(days.map((d) => d.week))]
    item(
      'warning',
      team.name,
      `${first.available} ${first.available === 1 ? 'person' : 'people'} available on ${daysInWords([first.day])} for ${first.services.map((s) => s.name).join(', ')}${more > 0 ? `, and ${more} more ${more === 1 ? 'day' : 'days'} short in ${weeksInWords(shortWeeks)}` : ''}`,
      `/capacity?team=${encodeURIComponent(team.slug)}`,
    )
  }

  // The forecast, tentative work included: a team's weeks over 100% and the highest of them.
  for (const row of forecast(model, weeks, true).teams) {
    const over = row.weeks.filter((w) => w.over)
    const top = over.reduce<(typeof over)[number] | null>(
      (best, w) =>
        best === null || (w.utilization ?? Infinity) > (best.utilization ?? Infinity) ? w : best,
      null,
    )
    if (!top) continue
    const pct = top.utilization === null ? '' : ` (${Math.round(top.utilization * 100)}%)`
    item(
      'warning',
      row.team.name,
      `Booked over capacity, tentative work included, in ${weeksInWords(over.map((w) => w.week))}: ${over.length > 1 ? 'at most ' : ''}${hours(top.demand)} of ${hours(top.effective)} h${pct}${over.length > 1 ? ` in ${weeksInWords([top.week])}` : ''}`,
      `/capacity?team=${encodeURIComponent(row.team.slug)}&tentative=1`,
    )
  }
  return items
}

/** Hours with at most two decimals: `37.5`, `33.75`, `46`. */
const hours = (h: number) => `${Number(h.toFixed(2))}`

// Made once: a formatter is costly to make, and is used for every team short of cover.
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
})

/** Days as `Fri 15 Jan`, joined: `Wed 4 Nov, Thu 5 Nov`. */
function daysInWords(days: readonly string[]): string {
  const format = dayFormat
  return [...new Set(days)]
    .sort()
    .map((d) => format.format(new Date(`${d}T12:00:00Z`)).replace(',', ''))
    .join(', ')
}
