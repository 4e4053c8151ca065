import { formatDay, formatNumber, formatPercent } from '../../lib/format.ts'
import type { PersonWeek, WeekCell } from './queries.ts'

// The heatmap's cells, worked from the API's weeks: which band a week's utilization falls in, what
// the cell prints (colour is never the only cue) and the week labels. Pure, tested without a DOM.

export type Band = 'none' | 'low' | 'moderate' | 'full' | 'over' | 'severe'

/** The bands in legend order, each with the words a cell's name and the legend use. */
export const BANDS: readonly { band: Band; label: string }[] = [
  { band: 'low', label: 'under 50%' },
  { band: 'moderate', label: '50–85%' },
  { band: 'full', label: '85–100%' },
  { band: 'over', label: 'over 100%, to 110%' },
  { band: 'severe', label: 'over 110%' },
  { band: 'none', label: 'no capacity' },
]

export const bandLabel = (band: Band) => BANDS.find((b) => b.band === band)?.label ?? band

/**
 * A week's band. 100% exactly is full, not over (over-allocation is booked > effective). No
 * effective capacity is its own band, unless work is booked on it: that is as over as it gets.
 */
export function bandOf(utilization: number | null, bookedHours: number): Band {
  if (utilization === null) return bookedHours > 0 ? 'severe' : 'none'
  if (utilization < 0.5) return 'low'
  if (utilization < 0.85) return 'moderate'
  if (utilization <= 1) return 'full'
  return utilization <= 1.1 ? 'over' : 'severe'
}

export const isOver = (band: Band) => band === 'over' || band === 'severe'

/** The percent a cell prints: never "100%" for a week that is over, however little. */
export function cellPercent(utilization: number | null): string {
  const text = formatPercent(utilization)
  return utilization !== null && utilization > 1 && text === '100%' ? '101%' : text
}

export const hours = (h: number) => `${formatNumber(h)} h`

export interface Cell {
  band: Band
  /** What the cell prints: the percent, hours booked on no capacity, or nothing. */
  text: string
  over: boolean
  /** A person's week outside this team (before joining it, after leaving it). */
  absent: boolean
  /** The cell's figures in words, for its accessible name. */
  words: string
}

/** A team's, all teams' or a person's week as the heatmap shows it. */
export function heatCell(week: WeekCell | PersonWeek): Cell {
  if ('inTeam' in week && !week.inTeam) {
    return { band: 'none', text: '', over: false, absent: true, words: 'not in this team' }
  }
  const band = bandOf(week.utilization, week.bookedHours)
  const booked = `${hours(week.bookedHours)} booked of ${hours(week.effective)}`
  if (week.utilization === null) {
    return week.bookedHours > 0
      ? {
          band,
          text: hours(week.bookedHours),
          over: true,
          absent: false,
          words: `no capacity, ${booked}`,
        }
      : { band, text: '–', over: false, absent: false, words: 'no capacity' }
  }
  const text = cellPercent(week.utilization)
  return {
    band,
    text,
    over: isOver(band),
    absent: false,
    words: `${text} (${bandLabel(band)}), ${booked}`,
  }
}

/** The ISO week number of a week's Monday (`2026-11-30` → 49). */
export function isoWeekNumber(monday: string): number {
  const [y, m, d] = monday.split('-').map(Number) as [number, number, number]
  // The Thursday of the week decides its year; week 1 holds the year's first Thursday.
  const thursday = Date.UTC(y, m - 1, d + 3)
  const year = new Date(thursday).getUTCFullYear()
  return Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1
}

/** A week column's labels: `W49` over `30 Nov`, and in words for names and tooltips. */
export function weekLabel(monday: string) {
  const number = isoWeekNumber(monday)
  const day = formatDay(monday)
  return {
    number: `W${number}`,
    day: day.replace(/ \d{4}$/, ''),
    words: `week ${number}, from ${day}`,
  }
}

/** Where a week stands against this one: the columns before it are history. */
export const weekTense = (week: string, thisWeek: string) =>
  week === thisWeek ? 'now' : week < thisWeek ? 'past' : 'future'
