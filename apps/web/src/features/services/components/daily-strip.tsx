import { DAY_LEVEL_LABELS, type StripDay, stripBars, stripSummary } from '../daily-strip.ts'

interface DailyStripProps {
  days: readonly StripDay[]
  target: number
  /** Whose strip, for its accessible name: "Payroll, last 90 days". */
  label: string
  /** Wide on the detail page, compact in the table. */
  wide?: boolean
}

/**
 * One bar a day coloured by uptime against the SLO. A picture with its summary as its name (the
 * bars' titles help a mouse user find a day); the figures are in words for everyone else.
 */
export function DailyStrip({ days, target, label, wide }: DailyStripProps) {
  const bars = stripBars(days, target)
  return (
    <span
      className={wide ? 'strip strip-wide' : 'strip'}
      role="img"
      aria-label={`${label}: ${stripSummary(bars)}`}
    >
      {bars.map((b) => (
        <span key={b.day} className={`strip-day day-${b.level}`} title={b.title} />
      ))}
    </span>
  )
}

/** What the strip's colours mean, once per page. */
export function StripLegend() {
  return (
    <span className="legend strip-legend">
      {(['met', 'below', 'far', 'no-data'] as const).map((level) => (
        <span key={level}>
          <span className={`key strip-day day-${level}`} aria-hidden="true" />
          {DAY_LEVEL_LABELS[level]}
        </span>
      ))}
    </span>
  )
}
