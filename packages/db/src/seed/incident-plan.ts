import type { IncidentStatus, Severity } from '../schema/incidents.ts'
import type { SeededPerson, SeededService } from './context.ts'
import { DEGRADED_TITLES, fill, OUTAGE_TITLES, SPECIFIC_TITLES } from './incident-text.ts'
import type { Rng } from './rng.ts'
import { addMs, DAY, isWeekend, localDay, localTime, MINUTE } from './time.ts'

export type Impact = 'outage' | 'degraded'

export interface PlannedIncident {
  severity: Severity
  status: IncidentStatus
  title: string
  startedAt: Date
  detectedAt: Date
  acknowledgedAt: Date | null
  /** Service restored: the affected services' samples are down/degraded until then. */
  mitigatedAt: Date | null
  resolvedAt: Date | null
  impact: Impact
  services: SeededService[]
  commander: SeededPerson
}

// Minutes as [median, sigma, min, max] of a clamped log-normal, per severity.
type Dist = [number, number, number, number]
// prettier-ignore
const TIMINGS: Record<Severity, { detect: Dist; ack: Dist; outage: Dist; degraded: Dist; resolve: Dist }> = {
  SEV1: { detect: [2, 0.4, 1, 8], ack: [5, 0.4, 2, 15], outage: [70, 0.4, 30, 180], degraded: [70, 0.4, 30, 180], resolve: [150, 0.35, 60, 240] },
  SEV2: { detect: [3, 0.5, 1, 15], ack: [12, 0.5, 3, 40], outage: [45, 0.5, 15, 150], degraded: [60, 0.5, 20, 180], resolve: [360, 0.5, 120, 720] },
  SEV3: { detect: [10, 0.6, 2, 45], ack: [45, 0.6, 10, 180], outage: [20, 0.5, 5, 60], degraded: [90, 0.5, 20, 300], resolve: [1800, 0.5, 480, 4320] },
  SEV4: { detect: [30, 0.7, 5, 120], ack: [240, 0.6, 30, 960], outage: [10, 0.5, 3, 30], degraded: [60, 0.5, 15, 240], resolve: [3600, 0.45, 1440, 7200] },
}
const OUTAGE_SHARE: Record<Severity, number> = { SEV1: 1, SEV2: 1, SEV3: 0.35, SEV4: 0.15 }
const TIERS: Record<Severity, [1 | 2 | 3, number][]> = {
  SEV1: [[1, 1]],
  SEV2: [
    [1, 0.6],
    [2, 0.4],
  ],
  SEV3: [
    [1, 0.3],
    [2, 0.45],
    [3, 0.25],
  ],
  SEV4: [
    [1, 0.1],
    [2, 0.45],
    [3, 0.45],
  ],
}

// The incidents still open at `now`: [severity, status, started minutes ago, mitigated after, impact, tier].
const OPEN: [Severity, IncidentStatus, number, number | null, Impact, 1 | 2 | 3][] = [
  ['SEV2', 'acknowledged', 38, null, 'outage', 1],
  ['SEV3', 'monitoring', 300, 95, 'outage', 3],
  ['SEV3', 'acknowledged', 26 * 60, null, 'degraded', 2],
  ['SEV4', 'triggered', 170, null, 'degraded', 3],
  ['SEV4', 'monitoring', 2 * 24 * 60 + 200, 150, 'degraded', 2],
]

export interface PlanArgs {
  rng: Rng
  now: Date
  from: Date
  tz: string
  count: number
  services: SeededService[]
  people: SeededPerson[]
}

export function planIncidents(a: PlanArgs): PlannedIncident[] {
  const { rng, now } = a
  // A duration in ms drawn from a clamped log-normal given in minutes.
  const minutes = ([median, sigma, min, max]: Dist) =>
    Math.round(Math.min(max, Math.max(min, rng.lognormal(median, sigma))) * 60) * 1000
  const closed = Array.from({ length: a.count - OPEN.length }, () => {
    const severity = rng.weighted<Severity>([
      ['SEV1', 5],
      ['SEV2', 15],
      ['SEV3', 40],
      ['SEV4', 40],
    ])
    const t = TIMINGS[severity]
    const impact: Impact = rng.chance(OUTAGE_SHARE[severity]) ? 'outage' : 'degraded'
    let start = startTime(a)
    const detect = minutes(t.detect)
    const ack = detect + minutes(t.ack)
    let mitigate = minutes(impact === 'outage' ? t.outage : t.degraded)
    // Degraded service lingers until someone works on it; a short outage may recover by itself.
    if (impact === 'degraded') mitigate = Math.max(mitigate, ack + minutes([20, 0.5, 5, 90]))
    const resolve = Math.max(minutes(t.resolve), mitigate + 15 * MINUTE, ack + 5 * MINUTE)
    // Resolved incidents end before `now`.
    const overshoot = start.getTime() + resolve - (now.getTime() - 30 * MINUTE)
    if (overshoot > 0) start = addMs(start, -overshoot - rng.int(0, 3 * 24 * 60) * MINUTE)
    return build(a, severity, 'resolved', start, impact, detect, ack, mitigate, resolve)
  })
  const open = OPEN.map(([severity, status, ago, mitigatedAfter, impact, tier]) => {
    const start = addMs(now, -ago * MINUTE - rng.int(0, 59) * 1000)
    const mitigate = mitigatedAfter === null ? null : mitigatedAfter * MINUTE
    // Detected and acknowledged before it was mitigated (or before now).
    const limit = mitigate ?? ago * MINUTE
    const detect = Math.min(minutes(TIMINGS[severity].detect), Math.round(limit * 0.2))
    const ack =
      status === 'triggered'
        ? null
        : Math.min(detect + minutes(TIMINGS[severity].ack), Math.round(limit * 0.6))
    return build(a, severity, status, start, impact, detect, ack, mitigate, null, tier)
  })
  return [...closed, ...open].sort((x, y) => x.startedAt.getTime() - y.startedAt.getTime())
}

function build(
  a: PlanArgs,
  severity: Severity,
  status: IncidentStatus,
  start: Date,
  impact: Impact,
  detect: number,
  ack: number | null,
  mitigate: number | null,
  resolve: number | null,
  tier?: 1 | 2 | 3,
): PlannedIncident {
  const { rng } = a
  const first = pickService(a, tier ?? rng.weighted(TIERS[severity]))
  const services = [first]
  // A SEV1 often takes a dependent service down with it (directory → email, network → VPN).
  if (severity === 'SEV1' && rng.chance(0.3)) {
    const other = pickService(a, rng.pick([1, 2] as const))
    if (other.id !== first.id) services.push(other)
  }
  const specific = SPECIFIC_TITLES[first.slug] ?? []
  const generic = impact === 'outage' ? OUTAGE_TITLES : DEGRADED_TITLES
  const title = fill(
    specific.length > 0 && rng.chance(0.5) ? rng.pick(specific) : rng.pick(generic),
    { name: first.name },
  )
  const team = a.people.filter((p) => p.team === first.team)
  const commander =
    severity === 'SEV1' ? (team.find((p) => p.lead) ?? team[0]!) : rng.pick(team.slice(0, 5))
  const at = (ms: number | null) => (ms === null ? null : addMs(start, ms))
  return {
    severity,
    status,
    title,
    impact,
    services,
    commander,
    startedAt: start,
    detectedAt: at(detect)!,
    acknowledgedAt: at(ack),
    mitigatedAt: at(mitigate),
    resolvedAt: at(resolve),
  }
}

function pickService(a: PlanArgs, tier: 1 | 2 | 3): SeededService {
  const pool = a.services.filter((s) => s.tier === tier)
  return a.rng.pick(pool.length > 0 ? pool : a.services)
}

// Most incidents start in working hours (changes, load); the rest at any time.
function startTime({ rng, now, from, tz }: PlanArgs): Date {
  const span = Math.floor((now.getTime() - from.getTime()) / DAY)
  const working = rng.chance(0.7)
  let day = localDay(addMs(now, -rng.int(1, span) * DAY), tz)
  if (working && isWeekend(day) && rng.chance(0.7))
    day = localDay(addMs(localTime(day, 12, 0, tz), 2 * DAY), tz)
  const hour = working ? rng.int(8, 17) : rng.int(0, 23)
  return addMs(localTime(day, hour, rng.int(0, 59), tz), rng.int(0, 59) * 1000)
}
