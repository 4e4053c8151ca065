// Money as the projects' forms and tables write and read it: whole pence, exactly.

/** Exact money for a ledger, "£1,234.56"; a credit in brackets as accountants write it, "(£12.50)". */
export function formatPence(pence: number | null, currency = 'GBP'): string {
  if (pence === null) return ''
  const text = new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(
    Math.abs(pence) / 100,
  )
  return pence < 0 ? `(${text})` : text
}

/**
 * Pounds as typed into the amount box, to whole pence: "1234.5", "£1,234.56", and a credit as
 * "-12.50" or "(12.50)"; null when it is not an amount (more than two decimals, "1,2,3", empty).
 */
export function parsePounds(text: string): number | null {
  let s = text.trim().replace(/^£\s*/, '')
  let sign = 1
  const bracketed = /^\((.*)\)$/.exec(s)
  if (bracketed) [sign, s] = [-1, bracketed[1]!.trim()]
  else if (s.startsWith('-')) [sign, s] = [-1, s.slice(1).trim()]
  s = s.replace(/^£\s*/, '')
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(s)) return null
  const [whole, fraction = ''] = s.replaceAll(',', '').split('.') as [string, string?]
  const pence = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  return Number.isSafeInteger(pence) ? sign * pence : null
}

/** Pence as the amount box shows them to edit: "1234.56", "-12.50". */
export const poundsText = (pence: number) =>
  `${pence < 0 ? '-' : ''}${Math.floor(Math.abs(pence) / 100)}.${String(Math.abs(pence) % 100).padStart(2, '0')}`
