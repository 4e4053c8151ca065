import { MAX_AMOUNT_PENCE } from '@opsdeck/contract'
import type { Parsed } from '../../lib/csv/parse-date.ts'

// The largest amount a row may carry is the API's (MAX_AMOUNT_PENCE, £10bn).

// An optional £, digits with commas only in groups of three (or none at all), and at most two
// decimals. A minus sign or brackets (the accountants' credit) make it negative, not both.
const AMOUNT = /^£?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/

/**
 * Integer pence from `£1,234.56`, `1234.56`, `1,234`, `-12.50` or `(1,234.56)` (a credit:
 * −123456). Refuses `£1,2,3`, `12.345`, `1.2.3`, letters and an empty cell.
 */
export function parseAmount(text: string): Parsed<number> {
  const cell = text.trim()
  if (!cell) return { ok: false, message: 'is empty: give an amount such as 1234.56' }
  let body = cell.replace(/^-\s*(£?)/, '$1')
  let negative = body !== cell
  if (!negative && /^\(.*\)$/.test(cell)) {
    body = cell.slice(1, -1).trim()
    negative = true
  }
  const match = AMOUNT.exec(body)
  if (!match) {
    return {
      ok: false,
      message: `${cell} is not an amount: write 1234.56, £1,234.56 or (1,234.56) for a credit`,
    }
  }
  const pounds = Number(match[1]!.replaceAll(',', ''))
  const pence = pounds * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  if (pence > MAX_AMOUNT_PENCE) return { ok: false, message: `${cell} is more than £10bn` }
  return { ok: true, value: negative && pence !== 0 ? -pence : pence }
}

/**
 * Pence as an export writes them: `1234.56`, and a credit in brackets, `(12.50)`, which
 * spreadsheets read as a negative number and which cannot start a formula as `-12.50` could.
 */
export function formatAmount(pence: number): string {
  const abs = Math.abs(pence)
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
  return pence < 0 ? `(${text})` : text
}
