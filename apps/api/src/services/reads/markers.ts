import type { listServiceIncidents } from '../../incidents/queries.ts'
import type { maintenanceOverlapping } from './queries.ts'

type IncidentRow = Awaited<ReturnType<typeof listServiceIncidents>>[number]
type MaintenanceRow = Awaited<ReturnType<typeof maintenanceOverlapping>>[number]

/** An incident as the detail and series answers carry it. */
export const incidentJson = (i: IncidentRow) => ({
  ref: i.ref,
  title: i.title,
  severity: i.severity,
  status: i.status,
  impact: i.impact,
  startedAt: i.startedAt.toISOString(),
  resolvedAt: i.resolvedAt?.toISOString() ?? null,
})

/** A maintenance window as the detail and series answers carry it. */
export const maintenanceJson = (m: MaintenanceRow) => ({
  id: m.id,
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  reason: m.reason,
  recurring: m.scheduleId !== null,
})
