// Calendar days without time zones: a day is a 'YYYY-MM-DD' string (how the database returns
// `date` columns) or a Date read by its UTC date. Callers turn "today in the organisation's time
// zone" into a day before calling; this package never looks at a clock or a zone.
export type CalendarDay = Date | string

const DAY_MS = 86_400_000

// Capacity works every person's every day: the same few hundred days are read again and again, and
// checking one (a parse and a round trip) cost more than the arithmetic. Only valid days are kept.
const numbers = new Map<string, number>()
const MAX_CACHED_DAYS = 100_000

export function dayNumber(day: CalendarDay): number {
  if (day instanceof Date) {
    const ms = day.getTime()
    if (Number.isNaN(ms)) throw new RangeError('invalid Date')
    return Math.floor(ms / DAY_MS)
  }
  const cached = numbers.get(day)
  if (cached !== undefined) return cached
  const n = parseDay(day)
  if (numbers.size >= MAX_CACHED_DAYS) numbers.clear()
  numbers.set(day, n)
  return n
}

function parseDay(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN
  // Date.UTC rolls 2026-02-30 over to March; only a real day survives the round trip.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
    throw new RangeError(`not a calendar day (YYYY-MM-DD): ${day}`)
  }
  return ms / DAY_MS
}

export function dayParts(day: CalendarDay): { year: number; month: number; day: number } {
  const d = new Date(dayNumber(day) * DAY_MS)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}
