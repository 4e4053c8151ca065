import type { Severity } from '@opsdeck/contract'
import { localDay } from '../lib/calendar.ts'
import type { ReportTable } from '../lib/report-section.ts'
import type { CohortIncident } from './metrics/queries.ts'
import type { listFollowUpsOverdueAt } from './report-queries.ts'

// The Incidents section's tables (report.ts), from rows it has read and counted.

const MINUTE_MS = 60_000

export function bySeverityTable(
  rows: {
    severity: Severity
    incidents: number
    mtta: number | null
    mttr: number | null
    slaBreaches: number
  }[],
): ReportTable {
  return {
    key: 'bySeverity',
    title: 'By severity',
    columns: [
      { key: 'severity', label: 'Severity', unit: 'text' },
      { key: 'incidents', label: 'Incidents', unit: 'count' },
      { key: 'mtta', label: 'MTTA', unit: 'minutes' },
      { key: 'mttr', label: 'MTTR', unit: 'minutes' },
      { key: 'slaBreaches', label: 'Targets missed', unit: 'count' },
    ],
    rows: rows.map((r) => ({ ...r })),
    empty: 'No incidents',
  }
}

/** One line: the summary, else the customer impact, else the title. */
const firstLine = (...texts: string[]) =>
  texts.map((t) => t.trim().split('\n')[0]?.trim() ?? '').find((t) => t !== '') ?? ''

/** Most severe first, then oldest first. */
export function majorIncidentsTable(
  major: readonly CohortIncident[],
  texts: ReadonlyMap<number, { summary: string; customerImpact: string }>,
  timezone: string,
): ReportTable {
  const rows = [...major]
    .sort(
      (a, b) =>
        a.severity.localeCompare(b.severity) || a.startedAt.getTime() - b.startedAt.getTime(),
    )
    .map((r) => {
      const text = texts.get(r.id)
      const minutes = r.resolvedAt && (r.resolvedAt.getTime() - r.startedAt.getTime()) / MINUTE_MS
      return {
        ref: r.ref,
        title: r.title,
        severity: r.severity,
        started: localDay(r.startedAt, timezone),
        durationMinutes: minutes === null ? null : Math.round(minutes * 10) / 10,
        services: r.services.map((s) => s.name).join(', '),
        summary: firstLine(text?.summary ?? '', text?.customerImpact ?? '', r.title),
      }
    })
  return {
    key: 'majorIncidents',
    title: 'Major incidents',
    columns: [
      { key: 'ref', label: 'Incident', unit: 'text' },
      { key: 'title', label: 'Title', unit: 'text' },
      { key: 'severity', label: 'Severity', unit: 'text' },
      { key: 'started', label: 'Started', unit: 'day' },
      { key: 'durationMinutes', label: 'Duration', unit: 'minutes' },
      { key: 'services', label: 'Services', unit: 'text' },
      { key: 'summary', label: 'Summary', unit: 'text' },
    ],
    rows,
    empty: 'No major incidents',
  }
}

export function overdueFollowUpsTable(
  rows: Awaited<ReturnType<typeof listFollowUpsOverdueAt>>,
): ReportTable {
  return {
    key: 'overdueFollowUps',
    title: 'Overdue follow-ups',
    columns: [
      { key: 'incident', label: 'Incident', unit: 'text' },
      { key: 'action', label: 'Action', unit: 'text' },
      { key: 'owner', label: 'Owner', unit: 'text' },
      { key: 'due', label: 'Due', unit: 'day' },
      { key: 'daysOverdue', label: 'Days overdue', unit: 'count' },
    ],
    rows: rows.map((r) => ({
      incident: r.ref,
      action: r.title,
      owner: r.owner,
      due: r.dueOn,
      daysOverdue: r.daysOverdue,
    })),
    empty: 'No follow-ups overdue',
  }
}
