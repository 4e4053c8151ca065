import { INCIDENT_MILESTONE_LABELS } from '@opsdeck/contract'
import { formatDuration, formatInstant, formatPercent } from '../../lib/format.ts'
import type { IncidentDetail, TimelineEvent } from './queries.ts'

// Pure shaping for the incident page: its milestones (with corrections marked), the timeline in
// words, and the downtime it caused per affected service.

type Incident = IncidentDetail['incident']

/** The milestones a manager may correct, as the API names them. */
export const CORRECTABLE = [
  'startedAt',
  'detectedAt',
  'acknowledgedAt',
  'mitigatedAt',
  'resolvedAt',
] as const
export type Milestone = (typeof CORRECTABLE)[number]

/** The milestones' labels, as the API's messages name them too. */
export const MILESTONE_LABELS: Record<Milestone | 'closedAt', string> = INCIDENT_MILESTONE_LABELS

export interface MilestoneRow {
  field: Milestone | 'closedAt'
  label: string
  at: string | null
  /** A correction changed it after the fact: the timeline says from what and why. */
  corrected: boolean
}

const isMilestone = (v: unknown): v is Milestone => CORRECTABLE.includes(v as Milestone)

/** The six milestones in order, each with its time (null: not reached) and whether corrected. */
export function milestoneRows(
  incident: Incident,
  timeline: readonly TimelineEvent[],
): MilestoneRow[] {
  const corrected = new Set(
    timeline.filter((e) => e.kind === 'correction').map((e) => e.data.field),
  )
  return (Object.keys(MILESTONE_LABELS) as (Milestone | 'closedAt')[]).map((field) => ({
    field,
    label: MILESTONE_LABELS[field],
    at: incident[field],
    corrected: corrected.has(field),
  }))
}

const KIND_LABELS: Record<TimelineEvent['kind'], string> = {
  created: 'Declared',
  status: 'Status',
  severity: 'Severity',
  correction: 'Correction',
  note: 'Note',
  alert: 'Alert',
  page: 'Page',
  services: 'Services',
  review: 'Review',
  action: 'Action item',
}

export interface TimelineEntry {
  key: string
  at: string
  kind: TimelineEvent['kind']
  kindLabel: string
  /** Plain text: rendered as text, never as HTML. */
  text: string
  author: string | null
  /** A correction's reason, shown under it. */
  reason: string | null
}

const timeOrNone = (v: unknown) => (typeof v === 'string' ? formatInstant(v) : 'none')

/**
 * The timeline, oldest first, as the API gives it. A correction reads in the reader's time zone
 * ("Acknowledged corrected from 27 Nov 2026, 14:02 to none") rather than as the stored ISO text.
 */
export function timelineEntries(timeline: readonly TimelineEvent[]): TimelineEntry[] {
  return timeline.map((e, i) => {
    const base = {
      key: `${i}-${e.at}`,
      at: e.at,
      kind: e.kind,
      kindLabel: KIND_LABELS[e.kind],
      text: e.body,
      author: e.author,
      reason: null,
    }
    if (e.kind !== 'correction' || !isMilestone(e.data.field)) return base
    const label = MILESTONE_LABELS[e.data.field]
    return {
      ...base,
      text: `${label} corrected from ${timeOrNone(e.data.from)} to ${timeOrNone(e.data.to)}`,
      reason: typeof e.data.reason === 'string' ? e.data.reason : null,
    }
  })
}

export interface DowntimeRow {
  slug: string
  name: string
  impact: string
  downtime: string
  /** The share of the service's error budget this incident consumed: `40%`, n/a at a 100% SLO. */
  budget: string
  /** More than the whole budget. */
  overBudget: boolean
}

/** Each affected service with its impact, the downtime the incident caused and the budget it took. */
export function downtimeRows(detail: IncidentDetail): DowntimeRow[] {
  const downtime = new Map(detail.downtime.services.map((d) => [d.slug, d]))
  return detail.incident.services.map((s) => {
    const d = downtime.get(s.slug)
    return {
      slug: s.slug,
      name: s.name,
      impact: s.impact === 'outage' ? 'Outage' : 'Degraded',
      downtime: d ? formatDuration(d.downtimeMinutes) : 'n/a',
      budget: d ? formatPercent(d.budgetShare, 1) : 'n/a',
      overBudget: (d?.budgetShare ?? 0) > 1,
    }
  })
}

/** How the downtime was counted, in a sentence. */
export function downtimeNote(downtime: IncidentDetail['downtime']): string {
  const window = `${formatInstant(downtime.from)} to ${formatInstant(downtime.to)}`
  const how = downtime.exact
    ? 'counted from each check'
    : 'counted from whole hours (older than the raw checks kept)'
  return `Down checks from ${window}, ${how}.`
}
