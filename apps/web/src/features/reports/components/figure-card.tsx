import { lazy, useId } from 'react'
import { ChartFrame } from '../../../components/ui/chart-frame.tsx'
import type { ReportFigure } from '../queries.ts'
import {
  figureChange,
  figureTarget,
  formatValue,
  hasTrend,
  type TrendPoint,
  trendSummary,
} from '../transform.ts'
import { Heading } from './heading.tsx'

const TrendSparkline = lazy(() => import('./trend-sparkline.tsx'))

interface FigureCardProps {
  figure: ReportFigure
  currency: string
  /** The previous period's name ("October 2026"). */
  previous: string
  trend: readonly TrendPoint[]
  /** "6 months": what the sparkline spans. */
  trendSpan: string
  level: number
}

/** One figure: its value, the change on the previous period, its target and its trend. */
export function FigureCard({
  figure: f,
  currency,
  previous,
  trend,
  trendSpan,
  level,
}: FigureCardProps) {
  const id = useId()
  const change = figureChange(f, currency, previous)
  const target = figureTarget(f, currency)
  return (
    <article className="report-figure" aria-labelledby={id}>
      <Heading level={level} id={id} className="report-figure-label">
        {f.label}
      </Heading>
      <p className="report-figure-value">{formatValue(f.value, f.unit, currency, f.key)}</p>
      <p className={`report-change${change.verdict ? ` verdict-${change.verdict}` : ''}`}>
        {change.arrow ? <span aria-hidden="true">{change.arrow} </span> : null}
        {change.arrow === '▲' ? <span className="visually-hidden">Up </span> : null}
        {change.arrow === '▼' ? <span className="visually-hidden">Down </span> : null}
        {change.text}
        {change.verdictText ? (
          <span className="report-verdict"> ({change.verdictText})</span>
        ) : null}
      </p>
      {target ? (
        <p className="report-target">
          {target.text}
          {target.met === null ? null : (
            <strong className={target.met ? 'tone-good' : 'tone-bad'}>
              {target.met ? ' · ✓ Met' : ' · ✗ Missed'}
            </strong>
          )}
        </p>
      ) : null}
      {f.note ? <p className="report-note">{f.note}</p> : null}
      {hasTrend(trend) ? (
        <ChartFrame
          height={36}
          summary={trendSummary(trend, f, currency)}
          caption={`Last ${trendSpan}`}
        >
          <TrendSparkline points={trend} />
        </ChartFrame>
      ) : null}
    </article>
  )
}
