import { formatDay, formatPercent } from '../../lib/format.ts'

// The 90-day strip: one bar per day, coloured by that day's uptime against the service's SLO.
// Colour is never the only signal: every bar has a title and the strip a written summary.

/** met: at or above the SLO; below: under it by less than its allowance again; far: more. */
export type DayLevel = 'met' | 'below' | 'far' | 'no-data'

export const DAY_LEVEL_LABELS: Record<DayLevel, string> = {
  met: 'met the SLO',
  below: 'below the SLO',
  far: 'more than twice the allowed downtime',
  'no-data': 'no data',
}

/**
 * A day's level. "far" is a day that spent over twice its share of error budget, i.e. an uptime
 * under 1 − 2 × (1 − target): for 99.9%, below 99.8%. The 1e-12 keeps a hit on the target a hit.
 */
export function dayLevel(uptime: number | null, target: number): DayLevel {
  if (uptime === null || !Number.isFinite(uptime)) return 'no-data'
  if (uptime >= target - 1e-12) return 'met'
  return uptime >= 1 - 2 * (1 - target) - 1e-12 ? 'below' : 'far'
}

export interface StripDay {
  day: string
  uptime: number | null
}

/** Bars for the strip, oldest first, each with its level and a title readable on hover. */
export function stripBars(days: readonly StripDay[], target: number) {
  return [...days]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map((d) => {
      const level = dayLevel(d.uptime, target)
      const figure = d.uptime === null ? 'no data' : formatPercent(d.uptime, 2)
      return { ...d, level, title: `${formatDay(d.day)}: ${figure}` }
    })
}
export type StripBar = ReturnType<typeof stripBars>[number]

/** The strip in words: how many days at each level, and the worst day with its uptime. */
export function stripSummary(bars: readonly StripBar[]): string {
  if (bars.length === 0) return 'No daily figures yet.'
  const count = (level: DayLevel) => bars.filter((b) => b.level === level).length
  const parts = (['met', 'below', 'far', 'no-data'] as const)
    .filter((level) => count(level) > 0)
    .map((level) => `${count(level)} ${DAY_LEVEL_LABELS[level]}`)
  const measured = bars.filter((b): b is StripBar & { uptime: number } => b.uptime !== null)
  const worst = measured.reduce<(typeof measured)[number] | null>(
    (w, b) => (w === null || b.uptime < w.uptime ? b : w),
    null,
  )
  const days = bars.length === 1 ? '1 day' : `${bars.length} days`
  const lowest =
    worst && worst.level !== 'met'
      ? `; lowest ${formatPercent(worst.uptime, 2)} on ${formatDay(worst.day)}`
      : ''
  return `${days}: ${parts.join(', ')}${lowest}.`
}
