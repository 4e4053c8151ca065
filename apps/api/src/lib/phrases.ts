// Figures in the words of a one-line reason ("Down for 1 h 5 min", "runs out on 14 Dec"), written
// on the server so that every client says the same thing.

const MINUTE_MS = 60_000

/** Minutes as the two largest units: `under a minute`, `12 min`, `1 h 5 min`, `3 d 4 h`. */
export function durationInWords(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`bad duration ${minutes}`)
  if (minutes < 1) return 'under a minute'
  const total = Math.round(minutes)
  if (total < 60) return `${total} min`
  if (total < 24 * 60) return join(Math.floor(total / 60), 'h', total % 60, 'min')
  const hours = Math.round(minutes / 60)
  return join(Math.floor(hours / 24), 'd', hours % 24, 'h')
}

const join = (big: number, bigUnit: string, small: number, smallUnit: string) =>
  small === 0 ? `${big} ${bigUnit}` : `${big} ${bigUnit} ${small} ${smallUnit}`

/** The time from `from` to `to` in words. */
export const elapsedInWords = (from: Date, to: Date) =>
  durationInWords(Math.max(0, to.getTime() - from.getTime()) / MINUTE_MS)

/** A day in the zone: `14 Dec`, with the year when it is not `now`'s year there (`3 Jan 2027`). */
export function dayInWords(at: Date, timezone: string, now: Date): string {
  const year = formatter(timezone, 'year')
  const sameYear = year.format(at) === year.format(now)
  return formatter(timezone, sameYear ? 'day' : 'dayAndYear').format(at)
}

// Making an Intl.DateTimeFormat costs far more than using one, and the Overview's reasons ask for
// hundreds of days: one per zone and shape, kept.
const FORMATS = {
  year: { year: 'numeric' },
  day: { day: 'numeric', month: 'short' },
  dayAndYear: { day: 'numeric', month: 'short', year: 'numeric' },
} as const
const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(timeZone: string, shape: keyof typeof FORMATS): Intl.DateTimeFormat {
  const key = `${timeZone} ${shape}`
  let made = formatters.get(key)
  if (!made) {
    made = new Intl.DateTimeFormat('en-GB', { ...FORMATS[shape], timeZone })
    formatters.set(key, made)
  }
  return made
}

/** A ratio as a percentage with no trailing zeros: 0.999 → `99.9%`, 0.9995 → `99.95%`. */
export const percentInWords = (ratio: number, maxDecimals = 3) =>
  `${Number((ratio * 100).toFixed(maxDecimals))}%`

/** A multiple: `16×` from 10 up, else one decimal (`6.2×`, `3×`). */
export const timesInWords = (x: number) => `${x >= 10 ? Math.round(x) : Number(x.toFixed(1))}×`
