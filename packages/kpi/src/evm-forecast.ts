import { dayNumber } from './calendar.ts'
import type { CalendarDay } from './calendar.ts'
import { isoDay } from './evm-burn.ts'

const LAST_DAY = dayNumber('9999-12-31')

// Finish forecast by SPI: the planned duration D (days, both ends inclusive) stretched to D / SPI
// whole days from the start. n/a without an SPI above 0, or past year 9999 (a near-zero SPI).
export function forecastFinish(args: {
  start: CalendarDay
  end: CalendarDay
  spi: number | null
}): string | null {
  const start = dayNumber(args.start)
  const end = dayNumber(args.end)
  if (end < start) throw new RangeError('end is before start')
  const { spi } = args
  if (spi === null || !(spi > 0) || !Number.isFinite(spi)) return null
  // A hair below the next whole day counts as that day: 3 / 0.3 is 10.000000000000002 in floating
  // point, and the forecast is then 10 days, not 11.
  const days = Math.ceil((end - start + 1) / spi - 1e-9)
  const finish = start + days - 1
  return finish > LAST_DAY ? null : isoDay(finish)
}
