import {
  REVIEW_REQUIRED_SEVERITIES,
  SEVERITIES,
  SEVERITY_LABELS,
  type Severity,
} from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import { mtta, mttr, responseTargetStatus, slaOutcomes } from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import { localDay } from '../lib/calendar.ts'
import { type AreaReport, figure } from '../lib/report-section.ts'
import type { Scope } from '../lib/scope.ts'
import { type CohortIncident, listCohortIncidents } from './metrics/queries.ts'
import { targetsBySeverity } from './reads/queries.ts'
import { listFollowUpsOverdueAt, listIncidentTexts } from './report-queries.ts'
import { bySeverityTable, majorIncidentsTable, overdueFollowUpsTable } from './report-tables.ts'

const MOST_SEVERE = SEVERITIES[0]

/** Minutes as the report shows them: to a tenth. */
const tenth = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10)

/**
 * The Incidents section of a stakeholder report for one period (`scope.range`): the incidents
 * that started in it up to now, counted as GET /incidents/metrics counts them (response targets
 * as of now); the follow-ups overdue at the period's end, or now while it runs.
 */
export async function incidentsReport(db: Kysely<Database>, scope: Scope): Promise<AreaReport> {
  const { range, now, org } = scope
  const tz = org.timezone
  // An incident starting after now (a clock ahead) has not happened yet.
  const to = new Date(Math.max(range.from.getTime(), Math.min(range.to.getTime(), now.getTime())))
  const asOf = new Date(Math.min(range.to.getTime(), now.getTime()))
  const [rows, targets, followUps] = await Promise.all([
    listCohortIncidents(db, { range: { from: range.from, to } }, tz),
    targetsBySeverity(db),
    listFollowUpsOverdueAt(db, asOf, localDay(asOf, tz)),
  ])
  const breached = (of: readonly CohortIncident[]) =>
    slaOutcomes(
      of.flatMap((r) => {
        const target = targets.get(r.severity)
        return target ? [responseTargetStatus({ ...r, now, target })] : []
      }),
    )
  const ofSeverity = (s: Severity) => rows.filter((r) => r.severity === s)
  const major = rows.filter((r) => REVIEW_REQUIRED_SEVERITIES.includes(r.severity))
  const texts = await listIncidentTexts(
    db,
    major.map((r) => r.id),
  )
  const sla = breached(rows)
  const acknowledged = mtta(rows)
  const resolved = mttr(rows)
  const open = rows.filter((r) => r.resolvedAt === null).length
  const severities = SEVERITIES.map((s) => {
    const of = ofSeverity(s)
    return { severity: s, incidents: of.length, of, sla: breached(of) }
  })

  return {
    area: 'incidents',
    title: 'Incidents',
    figures: [
      figure({
        key: 'incidents',
        label: 'Incidents',
        value: rows.length,
        unit: 'count',
        better: 'lower',
        definition: 'incidentCounts',
        note: `${open} still open`,
      }),
      figure({
        key: 'incidents.sev1',
        label: `${MOST_SEVERE} (${SEVERITY_LABELS[MOST_SEVERE]}) incidents`,
        value: ofSeverity(MOST_SEVERE).length,
        unit: 'count',
        better: 'lower',
        definition: 'incidentCounts',
      }),
      figure({
        key: 'mtta',
        label: 'Mean time to acknowledge',
        value: tenth(acknowledged.mean),
        unit: 'minutes',
        better: 'lower',
        definition: 'mtta',
        note: `Over ${acknowledged.count} acknowledged`,
      }),
      figure({
        key: 'mttr',
        label: 'Mean time to resolve',
        value: tenth(resolved.mean),
        unit: 'minutes',
        better: 'lower',
        definition: 'mttr',
        note: `Over ${resolved.count} resolved`,
      }),
      figure({
        key: 'mttrP90',
        label: 'Time to resolve, 90th percentile',
        value: tenth(resolved.p90),
        unit: 'minutes',
        better: 'lower',
        definition: 'mttr',
      }),
      figure({
        key: 'slaBreaches',
        label: 'Response targets missed',
        value: sla.breached,
        unit: 'count',
        better: 'lower',
        definition: 'responseTargets',
        target: 0,
        targetKind: 'max',
        note: `${sla.met} met both, ${sla.pending} within their targets so far`,
      }),
      figure({
        key: 'majorIncidents',
        label: 'Major incidents',
        value: major.length,
        unit: 'count',
        better: 'lower',
        definition: 'incidentCounts',
        note: `${REVIEW_REQUIRED_SEVERITIES.join(' and ')}: the severities that need a review`,
      }),
      figure({
        key: 'followUpsOverdue',
        label: 'Follow-ups overdue',
        value: followUps.length,
        unit: 'count',
        better: 'lower',
        definition: 'followUps',
        target: 0,
        targetKind: 'max',
        note:
          asOf < range.to
            ? 'As of today'
            : `At the end of ${localDay(new Date(range.to.getTime() - 1), tz)}`,
      }),
    ],
    tables: [
      bySeverityTable(
        severities.map((s) => ({
          severity: s.severity,
          incidents: s.incidents,
          mtta: tenth(mtta(s.of).mean),
          mttr: tenth(mttr(s.of).mean),
          slaBreaches: s.sla.breached,
        })),
      ),
      majorIncidentsTable(major, texts, tz),
      overdueFollowUpsTable(followUps),
    ],
  }
}
