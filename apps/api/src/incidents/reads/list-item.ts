import { responseTargetStatus } from '@opsdeck/kpi'
import type { IncidentRow, ResponseTargetsBySeverity } from './queries.ts'
import type { IncidentListItem } from './schemas.ts'

const MINUTE_MS = 60_000

/** An incident as the list (and the detail's `incident`) show it, as of `now`. */
export function toListItem(
  row: IncidentRow,
  targets: ResponseTargetsBySeverity,
  now: Date,
): IncidentListItem {
  // An incident whose start is after now (a start typed a little ahead of the server's clock) is
  // read as just started, not as a negative age.
  const asOf = new Date(Math.max(now.getTime(), row.startedAt.getTime()))
  const end = row.resolvedAt ?? asOf
  const target = targets.get(row.severity)
  const status = target
    ? responseTargetStatus({
        startedAt: row.startedAt,
        acknowledgedAt: row.acknowledgedAt,
        resolvedAt: row.resolvedAt,
        now: asOf,
        target,
      })
    : null
  return {
    ref: row.ref,
    title: row.title,
    severity: row.severity,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    durationMinutes: (end.getTime() - row.startedAt.getTime()) / MINUTE_MS,
    commander:
      row.commanderId === null || row.commanderName === null
        ? null
        : { id: row.commanderId, name: row.commanderName },
    services: row.services,
    responseTargets: status && {
      ack: { ...status.ack, dueAt: status.ack.dueAt.toISOString() },
      resolve: { ...status.resolve, dueAt: status.resolve.dueAt.toISOString() },
    },
  }
}
