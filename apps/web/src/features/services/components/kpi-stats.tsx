import { KpiStat } from '../../../components/ui/kpi-stat.tsx'
import { formatPercent } from '../../../lib/format.ts'
import {
  budgetMinutesText,
  budgetText,
  burnRateText,
  burnRateTone,
  latencyText,
  uptimeText,
} from '../budget.ts'
import {
  attainmentText,
  exhaustionText,
  sloWindow,
  type WindowId,
  windowOf,
} from '../detail-transform.ts'
import type { ServiceDetail } from '../queries.ts'
import { sloTargetLabel } from '../transform.ts'

const UPTIME_WINDOWS: [WindowId, string][] = [
  ['24h', '24 h'],
  ['7d', '7 d'],
  ['30d', '30 d'],
  ['90d', '90 d'],
  ['month', 'month to date'],
  ['range', 'range shown'],
]

/** Uptime per window, SLO attainment, the error budget, burn rates and latency percentiles. */
export function KpiStats({ detail }: { detail: ServiceDetail }) {
  const { slo } = detail.service
  const budget = detail.errorBudget
  const attainment = attainmentText(sloWindow(detail)?.sloAttainment)
  const rates = detail.burnRates
  const latency = detail.latency.h24
  return (
    <>
      <section aria-labelledby="svc-uptime" className="kpi-group">
        <h2 id="svc-uptime">Uptime</h2>
        <div className="stats">
          {UPTIME_WINDOWS.map(([id, label]) => {
            const w = windowOf(detail, id)
            if (!w) return null
            const below = w.uptime !== null && w.sloAttainment?.met === false
            return (
              <KpiStat
                key={id}
                kpi="uptime"
                label={`Uptime ${label}`}
                value={uptimeText(w.uptime)}
                tone={below ? 'bad' : undefined}
                note={`${below ? 'below SLO · ' : ''}coverage ${formatPercent(w.coverage, 1)}`}
              />
            )
          })}
        </div>
      </section>
      <section aria-labelledby="svc-slo" className="kpi-group">
        <h2 id="svc-slo">
          SLO {sloTargetLabel(slo.target, slo.target)} over {slo.windowDays} days
        </h2>
        <div className="stats">
          <KpiStat
            kpi="sloAttainment"
            label="SLO attainment"
            value={attainment.value}
            tone={attainment.met === null ? undefined : attainment.met ? 'good' : 'bad'}
            note={attainment.note}
          />
          <KpiStat
            kpi="errorBudget"
            label="Error budget left"
            value={budgetText(budget.remainingShare)}
            tone={(budget.remainingMinutes ?? 0) < 0 ? 'bad' : undefined}
            note={budgetMinutesText(budget.remainingMinutes, budget.allowedMinutes)}
          />
          <KpiStat
            kpi="budgetExhaustion"
            label="Budget runs out"
            value={exhaustionText(budget, detail.now)}
            note={`at burn rate ${burnRateText(rates.window)}`}
          />
          {(
            [
              ['h1', '1 h'],
              ['h6', '6 h'],
              ['h24', '24 h'],
              ['window', `${slo.windowDays} d`],
            ] as const
          ).map(([key, label]) => (
            <KpiStat
              key={key}
              kpi="burnRate"
              label={`Burn rate ${label}`}
              value={burnRateText(rates[key])}
              tone={burnRateTone(rates[key])}
            />
          ))}
        </div>
      </section>
      <section aria-labelledby="svc-latency" className="kpi-group">
        <h2 id="svc-latency">Latency, last 24 hours</h2>
        <div className="stats">
          {(['p50', 'p95', 'p99'] as const).map((p) => (
            <KpiStat
              key={p}
              kpi="latencyPercentile"
              label={p}
              value={latencyText(latency[p])}
              note={p === 'p99' ? `${latency.count} samples` : undefined}
            />
          ))}
        </div>
      </section>
    </>
  )
}
