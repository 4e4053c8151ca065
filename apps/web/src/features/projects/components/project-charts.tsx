import { lazy, type ReactNode, useId } from 'react'
import { ChartFrame } from '../../../components/ui/chart-frame.tsx'
import { EmptyState } from '../../../components/ui/states.tsx'
import { formatMoney } from '../../../lib/format.ts'
import {
  hasActivity,
  monthlyRows,
  monthlySummary,
  sCurveRows,
  sCurveSummary,
  showsOriginal,
} from '../detail-transform.ts'
import type { ProjectEvm } from '../queries.ts'
import { S_CURVE_SERIES } from './s-curve-series.ts'

const SCurveChart = lazy(() => import('./s-curve-chart.tsx'))
const MonthlySpendChart = lazy(() => import('./monthly-spend-chart.tsx'))

/** The S-curve and spend against plan by month; an explanation instead while nothing is recorded. */
export function ProjectCharts({ evm }: { evm: ProjectEvm }) {
  const { currency } = evm
  const curve = sCurveRows(evm.sCurve)
  const months = monthlyRows(evm.monthly)
  const original = showsOriginal(curve)
  if (!hasActivity(evm)) {
    const planned = curve[curve.length - 1]
    return (
      <ChartPanel title="S-curve and monthly spend">
        <EmptyState title="No cost or progress recorded yet">
          <p>
            The S-curve draws earned value and actual cost against the plan once cost entries or
            progress are recorded
            {planned
              ? `; the plan reaches ${formatMoney(planned.pv, currency)} by ${planned.label}`
              : ''}
            .
          </p>
        </EmptyState>
      </ChartPanel>
    )
  }
  return (
    <div className="project-charts">
      <ChartPanel title="S-curve">
        <ChartFrame
          height={260}
          summary={sCurveSummary(curve, currency)}
          caption={
            <span className="legend">
              {S_CURVE_SERIES.filter((s) => original || s.key !== 'pvOriginal').map((s) => (
                <span key={s.key}>
                  <span
                    className="key key-line"
                    style={{
                      borderTopColor: s.stroke,
                      borderTopStyle: s.style,
                    }}
                    aria-hidden="true"
                  />
                  {s.name}
                </span>
              ))}
            </span>
          }
        >
          <SCurveChart data={curve} currency={currency} />
        </ChartFrame>
      </ChartPanel>
      <ChartPanel title="Monthly spend against plan">
        <ChartFrame
          height={220}
          summary={monthlySummary(months, currency, evm.asOf)}
          caption={
            <span className="legend">
              <Key color="var(--accent-soft)">Planned</Key>
              <Key color="var(--accent)">Actual</Key>
            </span>
          }
        >
          <MonthlySpendChart data={months} currency={currency} />
        </ChartFrame>
      </ChartPanel>
    </div>
  )
}

export function ChartPanel({ title, children }: { title: string; children: ReactNode }) {
  const id = useId()
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}

export function Key({ color, children }: { color: string; children: ReactNode }) {
  return (
    <span>
      <span className="key" style={{ background: color }} aria-hidden="true" />
      {children}
    </span>
  )
}
