import type { Insertable } from 'kysely'
import type { IncidentActionsTable, IncidentEventsTable } from '../schema/incidents.ts'
import type { SeedContext, SeededPerson, SeededService } from './context.ts'
import { ACTIONS, CAUSES, fill, NOTES, SUPPLIERS } from './incident-text.ts'
import { planIncidents, type PlannedIncident } from './incident-plan.ts'
import type { Rng } from './rng.ts'
import { addDays, addMonths, addMs, DAY, localDay, MINUTE } from './time.ts'

type Event = Omit<Insertable<IncidentEventsTable>, 'incidentId'>
type Action = Omit<Insertable<IncidentActionsTable>, 'incidentId'>

export async function seedIncidents(
  ctx: SeedContext,
  services: SeededService[],
  people: SeededPerson[],
): Promise<{ incidents: number; events: number; actions: number }> {
  const rng = ctx.rng.fork('incidents')
  const from = new Date(`${addMonths(ctx.today, -12)}T12:00:00Z`)
  const plan = planIncidents({ rng, now: ctx.now, from, tz: ctx.tz, count: 150, services, people })
  const seq = new Map<string, number>()
  const refs = plan.map((p) => {
    const year = localDay(p.startedAt, ctx.tz).slice(0, 4)
    seq.set(year, (seq.get(year) ?? 0) + 1)
    return `INC-${year}-${String(seq.get(year)).padStart(4, '0')}`
  })
  const causes = plan.map((p) => (p.resolvedAt ? rng.pick(CAUSES) : null))
  const ids = await ctx.db
    .insertInto('incidents')
    .values(
      plan.map((p, i) => ({
        ref: refs[i]!,
        title: p.title,
        summary: causes[i] ? `Caused by ${causes[i]}.` : '',
        severity: p.severity,
        status: p.status,
        startedAt: p.startedAt,
        detectedAt: p.detectedAt,
        acknowledgedAt: p.acknowledgedAt,
        mitigatedAt: p.mitigatedAt,
        resolvedAt: p.resolvedAt,
        commanderPersonId: p.commander.id,
        createdAt: p.detectedAt,
        updatedAt: p.resolvedAt ?? p.mitigatedAt ?? p.acknowledgedAt ?? p.detectedAt,
      })),
    )
    .returning('id')
    .execute()

  const links = plan.flatMap((p, i) =>
    p.services.map((s) => ({ incidentId: ids[i]!.id, serviceId: s.id, impact: p.impact })),
  )
  await ctx.db.insertInto('incidentServices').values(links).execute()
  const events = plan.flatMap((p, i) =>
    timeline(rng, p, causes[i] ?? null, people).map((e) => ({ ...e, incidentId: ids[i]!.id })),
  )
  await ctx.db.insertInto('incidentEvents').values(events).execute()
  const actions = plan.flatMap((p, i) =>
    followUps(ctx, rng, p, people).map((a) => ({ ...a, incidentId: ids[i]!.id })),
  )
  if (actions.length > 0) await ctx.db.insertInto('incidentActions').values(actions).execute()
  return { incidents: plan.length, events: events.length, actions: actions.length }
}

function timeline(
  rng: Rng,
  p: PlannedIncident,
  cause: string | null,
  people: SeededPerson[],
): Event[] {
  const svc = p.services[0]!
  const who = p.commander.name
  const vars = {
    change: `CHG-${rng.int(1200, 4800)}`,
    supplier: rng.pick(SUPPLIERS),
    name: svc.name,
  }
  const alert =
    p.impact === 'degraded'
      ? `Response time above ${svc.degradedMs} ms on ${svc.name} for 5 minutes`
      : rng.chance(0.6)
        ? `Uptime check failed: HTTP 503 from ${svc.checkUrl}`
        : `Uptime check failed: timeout after 10000 ms from ${svc.checkUrl}`
  const events: Event[] = [
    { at: p.detectedAt, kind: 'alert', body: alert, author: 'opsdeck monitor' },
  ]
  if (p.severity === 'SEV1' || p.severity === 'SEV2') {
    events.push({
      at: addMs(p.detectedAt, rng.int(20, 120) * 1000),
      kind: 'page',
      body: `Paged on-call: ${who}`,
      author: 'opsdeck',
    })
  }
  if (p.severity === 'SEV1') {
    events.push({
      at: addMs(p.detectedAt, rng.int(4, 10) * MINUTE),
      kind: 'note',
      body: 'Major incident declared; bridge call opened.',
      author: who,
    })
  }
  if (p.acknowledgedAt)
    events.push({ at: p.acknowledgedAt, kind: 'status', body: 'Acknowledged', author: who })
  const workFrom = p.acknowledgedAt ?? p.detectedAt
  const workTo = p.mitigatedAt ?? p.resolvedAt ?? addMs(workFrom, 30 * MINUTE)
  const notes = p.severity === 'SEV1' || p.severity === 'SEV2' ? rng.int(1, 3) : rng.int(0, 2)
  for (let n = 0; n < notes && workTo > workFrom; n++) {
    const at = addMs(workFrom, rng.float() * (workTo.getTime() - workFrom.getTime()))
    events.push({
      at,
      kind: 'note',
      body: fill(rng.pick(NOTES), vars),
      author: rng.chance(0.7) ? who : rng.pick(people).name,
    })
  }
  if (p.mitigatedAt) {
    const body =
      p.acknowledgedAt && p.mitigatedAt < p.acknowledgedAt
        ? 'Mitigated: service recovered without intervention'
        : 'Mitigated: service restored, monitoring'
    events.push({ at: p.mitigatedAt, kind: 'status', body, author: who })
  }
  if (p.resolvedAt)
    events.push({
      at: p.resolvedAt,
      kind: 'status',
      body: `Resolved. Cause: ${cause}.`,
      author: who,
    })
  return events.sort((x, y) => (x.at as Date).getTime() - (y.at as Date).getTime())
}

type ActionState = 'done' | 'open' | 'wont_do'
// prettier-ignore
const PAST_DUE: [ActionState, number][] = [['done', 75], ['open', 18], ['wont_do', 7]]
// prettier-ignore
const NOT_YET_DUE: [ActionState, number][] = [['done', 30], ['open', 70]]

// Major incidents get follow-ups: most are done, some open past their due date (overdue).
function followUps(
  ctx: SeedContext,
  rng: Rng,
  p: PlannedIncident,
  people: SeededPerson[],
): Action[] {
  const major = p.severity === 'SEV1' || p.severity === 'SEV2'
  const resolved = p.resolvedAt
  if (!resolved || !(major || rng.chance(0.15))) return []
  const service = p.services[0]!
  const team = people.filter((x) => x.team === service.team)
  const vars = { name: service.name, supplier: rng.pick(SUPPLIERS) }
  const titles = rng.shuffle(ACTIONS.slice(1)).slice(0, rng.int(0, major ? 2 : 1))
  if (major) titles.unshift(ACTIONS[0]!)
  return titles.map((title) => {
    const dueOn = addDays(localDay(resolved, ctx.tz), rng.int(10, 45))
    const status = rng.weighted(dueOn < ctx.today ? PAST_DUE : NOT_YET_DUE)
    // Closed between the resolution and a few days past the due date, and never after now.
    const latest = Date.parse(`${dueOn}T17:00:00Z`) + 4 * DAY
    const closedAt = resolved.getTime() + rng.float() * (latest - resolved.getTime())
    return {
      title: fill(title, vars),
      ownerPersonId: rng.pick(team).id,
      dueOn,
      status,
      completedAt: status === 'open' ? null : new Date(Math.min(closedAt, ctx.now.getTime())),
      createdAt: resolved,
      updatedAt: status === 'open' ? resolved : new Date(Math.min(closedAt, ctx.now.getTime())),
    }
  })
}
