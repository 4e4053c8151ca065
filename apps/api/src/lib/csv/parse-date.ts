import { format, isValid, parse } from 'date-fns'

/** A parsed cell: its normalised value, or why it is not one. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

// ISO first; otherwise UK day/month/year (a day or month of one digit too). US month/day order is
// never guessed: 03/31/2026 has no month 31 and is refused, 12/01/2026 is 12 January.
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
const UK_DAY = /^\d{1,2}\/\d{1,2}\/\d{4}$/
const REFERENCE = new Date(2000, 0, 1)

/**
 * A calendar day as `YYYY-MM-DD` from `2026-03-31`, `31/03/2026` or `1/3/2026`. date-fns parses
 * strictly: 31/02/2026 is not a date (never rolled over to 3 March).
 */
export function parseDay(text: string): Parsed<string> {
  const cell = text.trim()
  if (!cell) return { ok: false, message: 'is empty: give a date as 2026-03-31 or 31/03/2026' }
  const pattern = ISO_DAY.test(cell) ? 'yyyy-MM-dd' : UK_DAY.test(cell) ? 'd/M/yyyy' : null
  if (!pattern) {
    return { ok: false, message: `${cell} is not a date: write 2026-03-31 or 31/03/2026` }
  }
  const day = parse(cell, pattern, REFERENCE)
  if (!isValid(day)) return { ok: false, message: `${cell} is not a date` }
  return { ok: true, value: format(day, 'yyyy-MM-dd') }
}
