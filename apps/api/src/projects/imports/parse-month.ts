import { format, isValid, parse } from 'date-fns'
import type { Parsed } from '../../lib/csv/parse-date.ts'

// The month forms a plan may use: ISO `2026-03`, `03/2026` (or `3/2026`), `Mar 2026` and
// `March 2026` (English names, any case).
const FORMS: [RegExp, string][] = [
  [/^\d{4}-\d{2}$/, 'yyyy-MM'],
  [/^\d{1,2}\/\d{4}$/, 'M/yyyy'],
  [/^[a-z]{3} \d{4}$/i, 'MMM yyyy'],
  [/^[a-z]{4,9} \d{4}$/i, 'MMMM yyyy'],
]
const REFERENCE = new Date(2000, 0, 1)

/** A calendar month as its first day, `YYYY-MM-01`. */
export function parseMonth(text: string): Parsed<string> {
  const cell = text.trim().replace(/\s+/g, ' ')
  if (!cell) return { ok: false, message: 'is empty: give a month as 2026-03, 03/2026 or Mar 2026' }
  const pattern = FORMS.find(([form]) => form.test(cell))?.[1]
  // date-fns reads month names with their capital only.
  const month = pattern ? parse(capitalise(cell), pattern, REFERENCE) : null
  if (!month || !isValid(month)) {
    return { ok: false, message: `${cell} is not a month: write 2026-03, 03/2026 or Mar 2026` }
  }
  return { ok: true, value: format(month, 'yyyy-MM-01') }
}

const capitalise = (cell: string) => cell.charAt(0).toUpperCase() + cell.slice(1).toLowerCase()
