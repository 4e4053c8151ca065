/** Incident severities, most severe first. */
export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const
export type Severity = (typeof SEVERITIES)[number]

export const SEVERITY_LABELS: Record<Severity, string> = {
  SEV1: 'Critical',
  SEV2: 'Major',
  SEV3: 'Minor',
  SEV4: 'Low',
}

/** The longest response target an admin may set: 90 days, in minutes. */
export const MAX_RESPONSE_TARGET_MINUTES = 90 * 24 * 60

/** The issue's response targets in minutes, as the migration seeds them (the settings' reset). */
export const DEFAULT_RESPONSE_TARGETS: Record<
  Severity,
  { ackMinutes: number; resolveMinutes: number }
> = {
  SEV1: { ackMinutes: 5, resolveMinutes: 4 * 60 },
  SEV2: { ackMinutes: 15, resolveMinutes: 8 * 60 },
  SEV3: { ackMinutes: 60, resolveMinutes: 3 * 24 * 60 },
  SEV4: { ackMinutes: 24 * 60, resolveMinutes: 10 * 24 * 60 },
}

/** An incident's life, in order: open until resolved; closed once its review is done. */
export const INCIDENT_STATUSES = [
  'triggered',
  'acknowledged',
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'closed',
] as const
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number]

/** The statuses of an incident that is over: the rest are open. */
export const ENDED_INCIDENT_STATUSES = ['resolved', 'closed'] as const satisfies IncidentStatus[]

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  triggered: 'Triggered',
  acknowledged: 'Acknowledged',
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  closed: 'Closed',
}

/** An incident's milestones, in order, as the API names them, each with its label. */
export const INCIDENT_MILESTONE_LABELS = {
  startedAt: 'Started',
  detectedAt: 'Detected',
  acknowledgedAt: 'Acknowledged',
  mitigatedAt: 'Mitigated',
  resolvedAt: 'Resolved',
  closedAt: 'Closed',
} as const
export type IncidentMilestone = keyof typeof INCIDENT_MILESTONE_LABELS

/** How an incident affects one of its services. */
export const INCIDENT_IMPACTS = ['outage', 'degraded'] as const
export type IncidentImpact = (typeof INCIDENT_IMPACTS)[number]

/** A follow-up action's status: open until done, or dropped (won't do). */
export const INCIDENT_ACTION_STATUSES = ['open', 'done', 'wont_do'] as const
export type IncidentActionStatus = (typeof INCIDENT_ACTION_STATUSES)[number]

export const INCIDENT_ACTION_STATUS_LABELS: Record<IncidentActionStatus, string> = {
  open: 'Open',
  done: 'Done',
  wont_do: 'Won’t do',
}

/** An incident's title, and a follow-up action's: one line. */
export const INCIDENT_TITLE_MAX_LENGTH = 200
/** Its summary, its customer impact, and each timeline note. */
export const INCIDENT_TEXT_MAX_LENGTH = 10_000
