// One formatter per kind of figure, so a number reads the same on every page. Null (and anything
// not finite) is "no data" and always reads "n/a", never 0, NaN or Infinity.
export const NA = 'n/a'

const isFigure = (v: number | null | undefined): v is number =>
  typeof v === 'number' && Number.isFinite(v)

/**
 * Money in integer minor units (pence, cents; yen have none) as a short figure in the
 * organisation's currency: `£950`, `£45.3k`, `€1.2m`, `¥3.4bn`; negatives as `-£12k`.
 */
export function formatMoney(minor: number | null | undefined, currency: string): string {
  if (!isFigure(minor)) return NA
  const { parts, digits } = moneyFormat(currency)
  const units = Math.abs(minor) / 10 ** digits
  const negative = minor < 0 && Math.round(units) > 0
  // Intl places the symbol and sign for the currency (`CHF 12k`); the figure is ours, so k, m and
  // bn read the same in every currency.
  return parts
    .map((part) => {
      if (part.type === 'integer') return shortUnits(units)
      if (part.type === 'minusSign') return negative ? part.value : ''
      return part.type === 'decimal' || part.type === 'fraction' ? '' : part.value
    })
    .join('')
}

const moneyFormats = new Map<string, { parts: Intl.NumberFormatPart[]; digits: number }>()

function moneyFormat(currency: string) {
  let format = moneyFormats.get(currency)
  if (!format) {
    format = currencyFormat(currency)
    moneyFormats.set(currency, format)
  }
  return format
}

// narrowSymbol: `$`, not en-GB's `US$`, for an organisation that counts in one currency. A code Intl
// refuses is written out rather than breaking the page.
function currencyFormat(currency: string) {
  try {
    const nf = new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
    })
    return { parts: nf.formatToParts(-1), digits: nf.resolvedOptions().maximumFractionDigits ?? 2 }
  } catch {
    const parts: Intl.NumberFormatPart[] = [
      { type: 'minusSign', value: '-' },
      { type: 'currency', value: currency },
      { type: 'literal', value: '\u00a0' },
      { type: 'integer', value: '0' },
    ]
    return { parts, digits: 2 }
  }
}

function shortUnits(units: number): string {
  // Round first, then pick the unit, so £999,960 reads £1m rather than £1000k.
  if (Math.round(units) < 1000) return String(Math.round(units))
  for (const [size, unit] of [
    [1e3, 'k'],
    [1e6, 'm'],
    [1e9, 'bn'],
  ] as const) {
    const scaled = Math.round((units / size) * 10) / 10
    if (scaled < 1000 || unit === 'bn') return `${trimZero(scaled.toFixed(1))}${unit}`
  }
  return String(units)
}

const trimZero = (s: string) => s.replace(/\.0$/, '')

/**
 * A ratio (0..1, or above for utilization) as a percentage. Uptime wants 2–3 decimals,
 * utilization none. A value that is not exactly 100% (or 0%) never rounds to it: 99.996% uptime
 * reads 99.99%, because "100%" would claim no downtime at all.
 */
export function formatPercent(ratio: number | null | undefined, decimals = 0): string {
  if (!isFigure(ratio)) return NA
  const pct = ratio * 100
  const factor = 10 ** decimals
  let rounded = Math.round(pct * factor) / factor
  if (rounded === 100 && pct < 100) rounded = Math.floor(pct * factor) / factor
  if (rounded === 0 && pct > 0) rounded = Math.ceil(pct * factor) / factor
  return `${rounded.toFixed(decimals)}%`
}

/**
 * Minutes as the two largest units: `45m`, `1h 12m`, `3d 4h`; part of a minute in seconds, none at
 * all `0m` (a count of minutes, say no downtime, not a measured instant).
 */
export function formatDuration(minutes: number | null | undefined): string {
  if (!isFigure(minutes) || minutes < 0) return NA
  if (minutes === 0) return '0m'
  if (minutes < 1) return `${Math.round(minutes * 60)}s`
  const total = Math.round(minutes)
  if (total < 60) return `${total}m`
  if (total < 24 * 60) return joinUnits(Math.floor(total / 60), 'h', total % 60, 'm')
  const hours = Math.round(minutes / 60)
  return joinUnits(Math.floor(hours / 24), 'd', hours % 24, 'h')
}

const joinUnits = (big: number, bigUnit: string, small: number, smallUnit: string) =>
  small === 0 ? `${big}${bigUnit}` : `${big}${bigUnit} ${small}${smallUnit}`

/** Counts and hours: grouped digits, at most one decimal. */
export function formatNumber(value: number | null | undefined): string {
  if (!isFigure(value)) return NA
  return value.toLocaleString('en-GB', { maximumFractionDigits: 1 })
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
})
const instantFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})

/** A calendar day `2026-11-30` as `30 Nov 2026` (no time zone shift: it is a date, not an instant). */
export function formatDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number)
  if (!y || !m || !d) return isoDay
  return dayFormat.format(new Date(y, m - 1, d))
}

/** An ISO instant in the reader's time zone: `27 Nov 2026, 14:02`. */
export function formatInstant(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : instantFormat.format(date)
}

const timestampFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

/** An instant to the second, for logs where order within a minute matters: `27 Nov 2026, 14:02:09`. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : timestampFormat.format(date)
}

/** An ISO instant's calendar day in the reader's time zone: `27 Nov 2026`. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return NA
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dayFormat.format(date)
}
