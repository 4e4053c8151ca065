import { personWeekRisk, PROJECT_RISK_UTILIZATION, projectShortOfPeople } from '@opsdeck/kpi'
import { z } from 'zod'
import type { CapacityModel } from './model/index.ts'
import { mondayOf, sumBy } from './model/weeks.ts'

/** How far ahead a project's people are looked at: this week and the next three. */
export const PROJECT_RISK_WEEKS = 4

/** The ISO weeks (their Mondays), in order, in which it is so. */
const Weeks = z.array(z.iso.date())

/**
 * A live project's risk from capacity over this week and the next three: its people (those with
 * an allocation to it booking hours in those weeks; the confirmed ones, and those with tentative
 * allocations only), and how many of the confirmed ones are booked (confirmed work, all of it,
 * not only this project's) over 110% of their effective capacity, or are on leave for half the
 * week or more, in the weeks they are booked on it (kpi personWeekRisk).
 */
export const CapacityRisk = z.strictObject({
  people: z.strictObject({
    confirmed: z.number().int().min(0),
    /** People booked on it with tentative allocations only (not counted in the risk). */
    tentative: z.number().int().min(0),
  }),
  overbooked: z.strictObject({ count: z.number().int().min(0), weeks: Weeks }),
  onLeave: z.strictObject({ count: z.number().int().min(0), weeks: Weeks }),
  /** "3 of 5 people booked over 110% in weeks 51–52; 2 of 5 on leave half the week or more in week 52". */
  text: z.string(),
})
export type CapacityRisk = z.output<typeof CapacityRisk>

/**
 * Each project's risk from capacity (by code), from the capacity model of `weeks`: only projects
 * with at least one confirmed person over-booked or away (kpi personWeekRisk) in a week they are
 * booked on it. Reuses the model's days (kpi personDays); no arithmetic of its own.
 */
export function projectRisks(
  model: CapacityModel,
  weeks: readonly string[],
): Map<string, CapacityRisk> {
  const wanted = new Set(weeks)
  type Tally = {
    confirmed: Set<number>
    tentative: Set<number>
    over: Set<number>
    overWeeks: Set<string>
    /** By week, its confirmed people booked on it and those of them away. */
    byWeek: Map<string, { on: Set<number>; away: Set<number> }>
  }
  const tallies = new Map<string, Tally>()
  for (const p of model.people) {
    // The person's weeks over-booked (confirmed work), and away half the week or more.
    const byWeek = sumBy(p.days, p.toil, mondayOf)
    const over = new Set<string>()
    const leave = new Set<string>()
    for (const week of weeks) {
      const sum = byWeek.get(week)
      if (!sum) continue
      const risk = personWeekRisk(sum.totals)
      if (risk.overbooked) over.add(week)
      if (risk.away) leave.add(week)
    }
    // The weeks each of the person's projects books hours on them, confirmed or tentative.
    const projects = new Map<string, { status: Set<string>; weeks: Set<string> }>()
    for (const a of p.allocations) {
      if (a.kind !== 'project' || a.project === null) continue
      const booked = a.days
        .filter((d) => total(d.booked.confirmed) + total(d.booked.tentative) > 0)
        .map((d) => mondayOf(d.day))
        .filter((w) => wanted.has(w))
      if (booked.length === 0) continue
      const entry = projects.get(a.project.code) ?? { status: new Set(), weeks: new Set() }
      entry.status.add(a.status)
      if (a.status === 'confirmed') for (const w of booked) entry.weeks.add(w)
      projects.set(a.project.code, entry)
    }
    for (const [code, entry] of projects) {
      let t = tallies.get(code)
      if (!t) {
        t = {
          confirmed: new Set(),
          tentative: new Set(),
          over: new Set(),
          overWeeks: new Set(),
          byWeek: new Map(),
        }
        tallies.set(code, t)
      }
      if (!entry.status.has('confirmed')) {
        t.tentative.add(p.id)
        continue
      }
      t.confirmed.add(p.id)
      for (const w of entry.weeks) {
        if (over.has(w)) {
          t.over.add(p.id)
          t.overWeeks.add(w)
        }
        let week = t.byWeek.get(w)
        if (!week) t.byWeek.set(w, (week = { on: new Set(), away: new Set() }))
        week.on.add(p.id)
        if (leave.has(w)) week.away.add(p.id)
      }
    }
  }
  const out = new Map<string, CapacityRisk>()
  for (const [code, t] of tallies) {
    // Leave puts a project at risk only in a week that half its people are away.
    const leaveWeeks = [...t.byWeek]
      .filter(([, w]) => projectShortOfPeople(w.on.size, w.away.size))
      .map(([week]) => week)
    const leave = new Set(leaveWeeks.flatMap((w) => [...(t.byWeek.get(w)?.away ?? [])]))
    if (t.over.size === 0 && leave.size === 0) continue
    const n = t.confirmed.size
    const overbooked = { count: t.over.size, weeks: [...t.overWeeks].sort() }
    const onLeave = { count: leave.size, weeks: leaveWeeks.sort() }
    const parts: string[] = []
    if (overbooked.count > 0)
      parts.push(
        `${overbooked.count} of ${n} ${n === 1 ? 'person' : 'people'} booked over ${Math.round(PROJECT_RISK_UTILIZATION * 100)}% in ${weeksInWords(overbooked.weeks)}`,
      )
    if (onLeave.count > 0)
      parts.push(
        `${onLeave.count} of ${n}${parts.length === 0 ? ` ${n === 1 ? 'person' : 'people'}` : ''} on leave ${AWAY_WORDS} in ${weeksInWords(onLeave.weeks)}`,
      )
    out.set(code, {
      people: { confirmed: n, tentative: t.tentative.size },
      overbooked,
      onLeave,
      text: parts.join('; '),
    })
  }
  return out
}

/** PROJECT_RISK_AWAY_SHARE (a half) in words. */
const AWAY_WORDS = 'half the week or more'

const total = (h: { project: number; run: number; support: number }) =>
  h.project + h.run + h.support

/** The ISO week number of a week's Monday (`2026-11-30` → 49). */
export function isoWeekNumber(monday: string): number {
  const [y, m, d] = monday.split('-').map(Number) as [number, number, number]
  // The Thursday of the week decides its year; week 1 holds the year's first Thursday.
  const thursday = Date.UTC(y, m - 1, d + 3)
  const year = new Date(thursday).getUTCFullYear()
  return Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1
}

/**
 * Weeks (their Mondays, in order) by ISO number, runs of consecutive weeks joined: `week 52`,
 * `weeks 51–52`, `weeks 49, 51–53, 1` (a run stops at the year's end).
 */
export function weeksInWords(mondays: readonly string[]): string {
  const runs: string[][] = []
  for (const w of mondays) {
    const run = runs.at(-1)
    const last = run?.at(-1)
    // A run stops at a year's end, so that it reads in order: `weeks 52–53, 1–2`.
    const next = last && Date.parse(w) - Date.parse(last) === 7 * 86_400_000
    if (run && last && next && isoWeekNumber(w) > isoWeekNumber(last)) run.push(w)
    else runs.push([w])
  }
  const text = runs
    .map((r) => {
      const [first, last] = [r[0] ?? '', r.at(-1) ?? '']
      return r.length === 1
        ? `${isoWeekNumber(first)}`
        : `${isoWeekNumber(first)}–${isoWeekNumber(last)}`
    })
    .join(', ')
  return `${mondays.length === 1 ? 'week' : 'weeks'} ${text}`
}
