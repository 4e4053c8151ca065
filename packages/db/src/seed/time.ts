import { TZDate } from '@date-fns/tz'

// Calendar days are 'YYYY-MM-DD' strings with arithmetic in UTC (no DST in a date); instants
// are Dates built from a local day and time in the organisation's zone.

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

const utc = (day: string) => Date.parse(`${day}T00:00:00Z`)
const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 10)

export function addDays(day: string, n: number): string {
  return fmt(utc(day) + n * DAY)
}

export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY)
}

/** ISO day of week: Monday 1 … Sunday 7. */
export function isoDow(day: string): number {
  return ((new Date(utc(day)).getUTCDay() + 6) % 7) + 1
}

export function mondayOf(day: string): string {
  return addDays(day, 1 - isoDow(day))
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`
}

export function addMonths(day: string, n: number): string {
  const d = new Date(utc(day))
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0))
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay.getUTCDate()))
  return fmt(target.getTime())
}

export function monthEnd(day: string): string {
  return addDays(addMonths(monthStart(day), 1), -1)
}

export function isWeekend(day: string): boolean {
  return isoDow(day) >= 6
}

/** The local calendar day of an instant. */
export function localDay(at: Date, tz: string): string {
  const d = new TZDate(at.getTime(), tz)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export function localHour(at: Date, tz: string): number {
  return new TZDate(at.getTime(), tz).getHours()
}

/** The instant of a local wall-clock time (minutes may exceed 60). */
export function localTime(day: string, hour: number, minute: number, tz: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(new TZDate(y, m - 1, d, hour, minute, tz).getTime())
}

export function floorTo(at: Date, unitMs: number): Date {
  return new Date(Math.floor(at.getTime() / unitMs) * unitMs)
}

export function addMs(at: Date, ms: number): Date {
  return new Date(at.getTime() + ms)
}
