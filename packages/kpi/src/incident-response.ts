import type { Severity } from '@opsdeck/contract'
import { toMs } from './incidents.ts'
import type { Instant } from './incidents.ts'
import { ratio } from './ratio.ts'

const MINUTE_MS = 60_000
const DAY_MINUTES = 24 * 60

export type ResponseTarget = { ackMinutes: number; resolveMinutes: number }

// The defaults an admin starts from (the migration seeds the same rows).
export const DEFAULT_RESPONSE_TARGETS = {
  SEV1: { ackMinutes: 5, resolveMinutes: 4 * 60 },
  SEV2: { ackMinutes: 15, resolveMinutes: 8 * 60 },
  SEV3: { ackMinutes: 60, resolveMinutes: 3 * DAY_MINUTES },
  SEV4: { ackMinutes: DAY_MINUTES, resolveMinutes: 10 * DAY_MINUTES },
} as const satisfies Record<Severity, ResponseTarget>

export type TargetState = 'met' | 'breached' | 'pending'

export type MilestoneStatus = {
  state: TargetState
  // From the start to the milestone once reached, else to `now`.
  minutes: number
  targetMinutes: number
  // Until the target while the milestone is not reached: negative once past it; null once reached.
  leftMinutes: number | null
  dueAt: Date
}

export type ResponseTargetStatus = { ack: MilestoneStatus; resolve: MilestoneStatus }

export type ResponseTargetInput = {
  startedAt: Instant
  acknowledgedAt?: Instant | null
  resolvedAt?: Instant | null
  now: Instant
  target: ResponseTarget
}

function assertTargetMinutes(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${name} must be a finite number of minutes > 0, got ${value}`)
  }
}

function milestone(
  startMs: number,
  reachedMs: number | null,
  nowMs: number,
  targetMinutes: number,
): MilestoneStatus {
  const dueAt = new Date(startMs + targetMinutes * MINUTE_MS)
  if (reachedMs !== null) {
    const minutes = (reachedMs - startMs) / MINUTE_MS
    // Exactly on target is met.
    const state = minutes <= targetMinutes ? 'met' : 'breached'
    return { state, minutes, targetMinutes, leftMinutes: null, dueAt }
  }
  const minutes = (nowMs - startMs) / MINUTE_MS
  // An open milestone already past its target has breached: nothing later can make it met.
  const state = minutes > targetMinutes ? 'breached' : 'pending'
  return { state, minutes, targetMinutes, leftMinutes: targetMinutes - minutes, dueAt }
}

// Whether an incident met its acknowledge and resolve targets, or how long it has left.
export function responseTargetStatus(input: ResponseTargetInput): ResponseTargetStatus {
  const { target } = input
  assertTargetMinutes('ackMinutes', target.ackMinutes)
  assertTargetMinutes('resolveMinutes', target.resolveMinutes)
  const startMs = toMs(input.startedAt, 'startedAt')
  const nowMs = toMs(input.now, 'now')
  const resolvedMs = input.resolvedAt == null ? null : toMs(input.resolvedAt, 'resolvedAt')
  // Resolving sets acknowledgedAt when unset, so a resolved incident without one (older data) was
  // acknowledged at the latest when it was resolved; otherwise its ack would stay pending forever.
  const ackMs =
    input.acknowledgedAt == null ? resolvedMs : toMs(input.acknowledgedAt, 'acknowledgedAt')
  for (const [field, ms] of [
    ['acknowledgedAt', ackMs],
    ['resolvedAt', resolvedMs],
    ['now', nowMs],
  ] as const) {
    // The database forbids a milestone before the start; a clock before it is a caller's mistake.
    if (ms !== null && ms < startMs) throw new RangeError(`${field} is before startedAt`)
  }
  return {
    ack: milestone(startMs, ackMs, nowMs, target.ackMinutes),
    resolve: milestone(startMs, resolvedMs, nowMs, target.resolveMinutes),
  }
}

export type TargetOutcome = { ack: { state: TargetState }; resolve: { state: TargetState } }

export type SlaOutcomes = {
  breached: number
  met: number
  pending: number
  breachRate: number | null
}

// Incidents by outcome: breached on either target (whatever the other), met on both, or pending
// (no breach yet, a target still open); the breach rate is breached / (breached + met).
export function slaOutcomes(statuses: readonly TargetOutcome[]): SlaOutcomes {
  let breached = 0
  let met = 0
  for (const { ack, resolve } of statuses) {
    if (ack.state === 'breached' || resolve.state === 'breached') breached += 1
    else if (ack.state === 'met' && resolve.state === 'met') met += 1
  }
  const pending = statuses.length - breached - met
  return { breached, met, pending, breachRate: ratio(breached, breached + met) }
}

// Share of incidents that breached either target, over those whose outcome is known: breached on
// one (whatever the other), or met on both. Incidents still pending without a breach are left out.
export function slaBreachRate(statuses: readonly TargetOutcome[]): number | null {
  return slaOutcomes(statuses).breachRate
}

export type RepeatCandidate = { id: number; serviceIds: readonly number[]; startedAt: Instant }

// The ids of incidents that started at most `days` × 24 h after an earlier-started incident on one
// of the same services, in start order (ties by id). Start to start; two incidents that started
// at the same instant are not repeats of each other, so the answer does not depend on input order.
export function repeatIncidents(incidents: readonly RepeatCandidate[], days = 30): number[] {
  if (!(Number.isFinite(days) && days > 0)) {
    throw new RangeError(`days must be a finite number > 0, got ${days}`)
  }
  const windowMs = days * DAY_MINUTES * MINUTE_MS
  const ordered = incidents
    .map((incident) => ({ ...incident, ms: toMs(incident.startedAt, 'startedAt') }))
    .sort((a, b) => a.ms - b.ms || a.id - b.id)
  // The latest start so far per service, from incidents that started strictly earlier.
  const lastStart = new Map<number, number>()
  const repeats: number[] = []
  let i = 0
  while (i < ordered.length) {
    // Incidents starting at the same instant are judged together, before the map takes them in.
    let j = i
    while (j < ordered.length && ordered[j]?.ms === ordered[i]?.ms) j += 1
    const group = ordered.slice(i, j)
    for (const incident of group) {
      const repeat = incident.serviceIds.some((serviceId) => {
        const previous = lastStart.get(serviceId)
        return previous !== undefined && incident.ms - previous <= windowMs
      })
      if (repeat) repeats.push(incident.id)
    }
    for (const incident of group) {
      for (const serviceId of incident.serviceIds) lastStart.set(serviceId, incident.ms)
    }
    i = j
  }
  return repeats
}

export type IncidentBudgetShareInput = {
  // Downtime charged to the service's budget inside the incident's window.
  downtimeMinutes: number
  // The service's SLO target as a fraction, e.g. 0.999.
  target: number
  // The SLO window the budget is allowed over, e.g. 30.
  windowDays: number
}

// The share of a service's error budget one incident consumed: downtime / ((1 − target) × window).
// Above 1 when the incident alone overspent the budget; n/a (null) when the budget is 0 (target 1).
export function incidentBudgetShare(input: IncidentBudgetShareInput): number | null {
  const { downtimeMinutes, target, windowDays } = input
  if (!(Number.isFinite(downtimeMinutes) && downtimeMinutes >= 0)) {
    throw new RangeError(`downtimeMinutes must be finite and >= 0, got ${downtimeMinutes}`)
  }
  if (!(target >= 0 && target <= 1)) throw new RangeError(`target must be in [0, 1], got ${target}`)
  if (!(Number.isFinite(windowDays) && windowDays > 0)) {
    throw new RangeError(`windowDays must be finite and > 0, got ${windowDays}`)
  }
  return ratio(downtimeMinutes, (1 - target) * windowDays * DAY_MINUTES)
}
