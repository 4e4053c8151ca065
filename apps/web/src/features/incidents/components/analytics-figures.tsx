import { KpiStat } from '../../../components/ui/kpi-stat.tsx'
import { formatDuration, formatNumber, formatPercent } from '../../../lib/format.ts'
import { breachNote, durationFigures, repeatNote, severityNote } from '../analytics-transform.ts'
import type { IncidentMetrics } from '../queries.ts'
import { AnalyticsSection } from './analytics-section.tsx'

const COHORT = 'Over the incidents that started in the range and pass the filters.'

/** The range at a glance: incidents, repeats, downtime caused and follow-ups. */
export function SummaryFigures({ metrics }: { metrics: IncidentMetrics }) {
  const { repeats, followUps } = metrics
  return (
    <AnalyticsSection
      title="Summary"
      scope={COHORT}
      kpis={['incidentCounts', 'repeatIncident', 'incidentDowntime', 'followUps']}
    >
      <div className="stats">
        <KpiStat
          kpi="incidentCounts"
          label="Incidents"
          value={formatNumber(metrics.incidents)}
          note={severityNote(metrics)}
        />
        <KpiStat
          kpi="repeatIncident"
          label="Repeat incidents"
          value={formatNumber(repeats.count)}
          tone={repeats.count > 0 ? 'warn' : undefined}
          note={repeatNote(repeats, metrics.incidents)}
        />
        <KpiStat
          kpi="incidentDowntime"
          label="Downtime caused"
          value={formatDuration(metrics.downtime.minutes)}
          note="on the affected services"
        />
        <KpiStat
          kpi="followUps"
          label="Open follow-ups"
          value={formatNumber(followUps.open)}
          tone={followUps.overdue > 0 ? 'bad' : undefined}
          note={`${formatNumber(followUps.overdue)} overdue`}
        />
      </div>
    </AnalyticsSection>
  )
}

/** MTTA, MTTR and MTTD: mean, median and p90. */
export function ResponseTimes({ metrics }: { metrics: IncidentMetrics }) {
  return (
    <AnalyticsSection
      title="Response times"
      scope={`${COHORT} Each is over the incidents that reached the milestone.`}
      kpis={['mtta', 'mttr', 'mttd']}
    >
      <div className="stats">
        {durationFigures(metrics).map((f) => (
          <KpiStat key={f.kpi} kpi={f.kpi} label={f.label} value={f.value} note={f.note} />
        ))}
      </div>
    </AnalyticsSection>
  )
}

/** The SLA breach rate with the counts it is made of. */
export function BreachRate({ metrics }: { metrics: IncidentMetrics }) {
  const { sla } = metrics
  return (
    <AnalyticsSection
      title="Response targets"
      scope={`${COHORT} Outcomes as of now: an open incident past its target has breached.`}
      kpis={['slaBreachRate', 'responseTargets']}
    >
      <div className="stats">
        <KpiStat
          kpi="slaBreachRate"
          label="SLA breach rate"
          value={formatPercent(sla.breachRate, 1)}
          tone={sla.breached > 0 ? 'bad' : sla.met > 0 ? 'good' : undefined}
          note={breachNote(sla)}
        />
        <KpiStat
          kpi="responseTargets"
          label="Breached"
          value={formatNumber(sla.breached)}
          tone={sla.breached > 0 ? 'bad' : undefined}
          note="missed a target"
        />
        <KpiStat
          kpi="responseTargets"
          label="Met"
          value={formatNumber(sla.met)}
          note="met both targets"
        />
        <KpiStat
          kpi="responseTargets"
          label="Pending"
          value={formatNumber(sla.pending)}
          note="still within their targets"
        />
      </div>
    </AnalyticsSection>
  )
}
