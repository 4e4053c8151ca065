import {
  ALLOCATION_KIND_LABELS,
  ALLOCATION_KINDS,
  ALLOCATION_STATUSES,
  type AllocationKind,
  type AllocationStatus,
  BANK_HOLIDAY_REGION_LABELS,
  BANK_HOLIDAY_REGIONS,
  type BankHolidayRegion,
  WEEKDAY_LABELS,
} from '@opsdeck/contract'
import type { Parsed } from '../../lib/csv/parse-date.ts'

// The capacity imports' cells read into the API's values, and written back by the exports in a
// form these read again. Limits (hours, percent, decimals) are the API's schemas', checked after.

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const no = (message: string): Parsed<never> => ({ ok: false, message })

const DECIMAL = /^\d+(?:\.\d+)?$/

/** Hours as a number: `37.5`, `22.25`, `0`. */
export function parseHours(text: string): Parsed<number> {
  const cell = text.trim()
  if (!DECIMAL.test(cell)) return no(`${cell} is not a number of hours: write 37.5`)
  return ok(Number(cell))
}

/** A percent of the contracted hours: `50`, `50%`, `12.5 %`. */
export function parsePercent(text: string): Parsed<number> {
  const cell = text.trim()
  const match = /^(\d+(?:\.\d+)?)\s*%?$/.exec(cell)
  if (!match) return no(`${cell} is not a percent: write 50 or 50%`)
  return ok(Number(match[1]))
}

// An optional £, digits with commas only in groups of three (or none), at most two decimals.
const POUNDS = /^£?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/

/** Pounds an hour as integer pence: `45`, `£45.50`, `1,200.00`; never negative. */
export function parsePounds(text: string): Parsed<number> {
  const cell = text.trim()
  const match = POUNDS.exec(cell)
  if (!match) return no(`${cell} is not an amount in pounds an hour: write 45.50 or £45.50`)
  const pounds = Number(match[1]!.replaceAll(',', ''))
  return ok(pounds * 100 + Number((match[2] ?? '').padEnd(2, '0')))
}

/** Pence as pounds with two decimals, `45.50`, as parsePounds reads them. */
export const formatPounds = (pence: number) =>
  `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`

/** A number as short as it goes: 37.5, not 37.50. */
export const formatNumber = (n: number) => String(Number(n))

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']

/** An ISO weekday (1–7) from `Mon`, `Tues`, `thursday`: three letters at least. */
function weekday(word: string): number | null {
  if (word.length < 3) return null
  const i = DAY_NAMES.findIndex((name) => name.startsWith(word))
  return i < 0 ? null : i + 1
}

/**
 * A working pattern as ISO weekdays in order: `Mon-Fri`, `Mon–Wed` (any dash, or "to"), `Mon,Tue,Thu`,
 * `Mon;Wed`, `Mon-Wed, Fri`, full names, any case. A range runs forward (Fri-Mon is refused), and
 * no day is named twice.
 */
export function parseWorkingDays(text: string): Parsed<number[]> {
  const cell = text.trim()
  const normal = cell
    .toLowerCase()
    .replace(/\s+to\s+/g, '-')
    .replace(/\s*[-\u2010-\u2015]\s*/g, '-')
  const tokens = normal.split(/\s*(?:[,;/&+]|\band\b|\s)\s*/).filter(Boolean)
  const help = 'write Mon-Fri, Mon-Wed or Mon,Tue,Thu'
  if (tokens.length === 0) return no(`is empty: ${help}`)
  const days: number[] = []
  for (const token of tokens) {
    const ends = token.split('-')
    const [first, last] = [weekday(ends[0] ?? ''), weekday(ends.at(-1) ?? '')]
    if (ends.length > 2 || first === null || last === null) {
      return no(`${cell} is not a working pattern: ${help}`)
    }
    if (last < first) {
      return no(`${cell} is not a working pattern: a range runs forward, Mon to Sun`)
    }
    for (let d = first; d <= last; d += 1) {
      if (days.includes(d)) return no(`${cell} names ${WEEKDAY_LABELS[d - 1]} twice`)
      days.push(d)
    }
  }
  return ok(days.sort((a, b) => a - b))
}

/** ISO weekdays as parseWorkingDays reads them: runs of three or more as Mon-Wed, `Mon,Tue,Thu`. */
export function formatWorkingDays(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b)
  const parts: string[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j += 1
    const run = sorted.slice(i, j + 1).map((d) => WEEKDAY_LABELS[d - 1]!)
    parts.push(...(run.length >= 3 ? [`${run[0]}-${run.at(-1)}`] : run))
    i = j + 1
  }
  return parts.join(',')
}

const REGION_WORDS: Record<string, BankHolidayRegion> = {
  england: 'GB-ENG',
  wales: 'GB-ENG',
  'england & wales': 'GB-ENG',
}

/** A bank-holiday region from its code or name, any case; empty for the organisation's (null). */
export function parseRegion(text: string): Parsed<BankHolidayRegion | null> {
  const cell = text.trim()
  if (!cell) return ok(null)
  const key = cell.toLowerCase().replace(/\s+/g, ' ')
  const region =
    BANK_HOLIDAY_REGIONS.find(
      (r) => r.toLowerCase() === key || BANK_HOLIDAY_REGION_LABELS[r].toLowerCase() === key,
    ) ?? REGION_WORDS[key]
  if (region) return ok(region)
  const choices = BANK_HOLIDAY_REGIONS.map((r) => `${r} (${BANK_HOLIDAY_REGION_LABELS[r]})`)
  return no(
    `${cell} is not a region: ${choices.join(', ')}, or empty for the organisation’s region`,
  )
}

/** Skills separated by ";", each trimmed; empty ones dropped. */
export const parseSkills = (text: string) =>
  text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)

const KIND_WORDS: Record<string, AllocationKind> = {
  bau: 'run',
  'run/bau': 'run',
  'on-call': 'support',
  'on call': 'support',
  change: 'project',
}

/** An allocation's kind: project, run or support, their labels (Run / BAU), or BAU, on-call. */
export function parseKind(text: string): Parsed<AllocationKind> {
  const cell = text.trim()
  const words = (s: string) =>
    s
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .replace(/ ?\/ ?/g, '/')
  const key = words(cell)
  const kind =
    ALLOCATION_KINDS.find((k) => k === key || words(ALLOCATION_KIND_LABELS[k]) === key) ??
    KIND_WORDS[key]
  if (kind) return ok(kind)
  return no(`${cell || 'An empty cell'} is not a kind: project, run or support`)
}

/** confirmed or tentative, any case; empty for confirmed. */
export function parseStatus(text: string): Parsed<AllocationStatus> {
  const cell = text.trim()
  if (!cell) return ok('confirmed')
  const status = ALLOCATION_STATUSES.find((s) => s === cell.toLowerCase())
  if (status) return ok(status)
  return no(`${cell} is not a status: confirmed or tentative (empty is confirmed)`)
}
