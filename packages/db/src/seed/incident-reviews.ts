import type { Insertable } from 'kysely'
import type { IncidentEventsTable, IncidentReviewsTable } from '../schema/incidents.ts'
import { CONTRIBUTING_FACTORS, fill, LESSONS, WENT_WELL } from './incident-text.ts'
import type { PlannedIncident } from './incident-plan.ts'
import type { Rng } from './rng.ts'
import { addMs, DAY, MINUTE } from './time.ts'

type Event = Omit<Insertable<IncidentEventsTable>, 'incidentId'>

export interface PlannedReview {
  fields: Omit<Insertable<IncidentReviewsTable>, 'incidentId'>
  /** When it was last written: its completion, or the draft's last save. */
  at: Date
  completed: boolean
  /** The incident is closed soon after its review is completed. */
  closedAt: Date | null
}

// As the API writes a new review: every field is in its event's `changed`.
const CHANGED = ['rootCause', 'contributingFactors', 'wentWell', 'lessons', 'completed']

/**
 * The post-incident review of a resolved SEV1/SEV2 incident, which closing it needs (the API's
 * rule). Most are completed 2–12 days after the resolution and the incident closed the same
 * day; one in ten stalls as a draft (resolved, never closed), as do the latest, not yet due.
 * Null when resolved less than a day ago: no review begun.
 */
export function planReview(
  rng: Rng,
  p: PlannedIncident,
  cause: string | null,
  now: Date,
): PlannedReview | null {
  const resolved = p.resolvedAt
  if (!resolved || cause === null || !(p.severity === 'SEV1' || p.severity === 'SEV2')) return null
  const vars = { name: p.services[0]!.name }
  const completedAt = addMs(resolved, rng.int(2, 12) * DAY + rng.int(0, 6 * 60) * MINUTE)
  const closedAt = addMs(completedAt, rng.int(10, 240) * MINUTE)
  const stalled = rng.chance(0.1)
  const rootCause = `${cause.charAt(0).toUpperCase()}${cause.slice(1)}.`
  const contributingFactors = rng
    .shuffle(CONTRIBUTING_FACTORS)
    .slice(0, rng.int(1, 2))
    .map((t) => fill(t, vars))
    .join('\n')
  const wentWell = rng.pick(WENT_WELL)
  const lessons = fill(rng.pick(LESSONS), vars)
  if (!stalled && closedAt.getTime() <= now.getTime()) {
    return {
      fields: {
        rootCause,
        contributingFactors,
        wentWell,
        lessons,
        completedAt,
        updatedAt: completedAt,
      },
      at: completedAt,
      completed: true,
      closedAt,
    }
  }
  // A draft with the cause written up, saved between a day after the resolution and now.
  const until = Math.min(completedAt.getTime(), now.getTime()) - resolved.getTime() - DAY
  if (until <= 0) return null
  const at = addMs(resolved, DAY + Math.floor(rng.float() * until))
  return {
    fields: { rootCause, contributingFactors, completedAt: null, updatedAt: at },
    at,
    completed: false,
    closedAt: null,
  }
}

/** The review's timeline: written (and completed), then closed, by the commander. */
export function reviewEvents(p: PlannedIncident, r: PlannedReview): Event[] {
  const author = p.commander.name
  const events: Event[] = [
    {
      at: r.at,
      kind: 'review',
      body: r.completed
        ? 'Post-incident review written and completed'
        : 'Post-incident review started',
      author,
      data: {
        changed: CHANGED,
        completed: r.completed,
        completedAt: r.completed ? r.at.toISOString() : null,
      },
    },
  ]
  if (r.closedAt) {
    events.push({
      at: r.closedAt,
      kind: 'status',
      body: 'Closed',
      author,
      data: { from: 'resolved', to: 'closed', milestones: { closedAt: r.closedAt.toISOString() } },
    })
  }
  return events
}
