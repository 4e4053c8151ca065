import type { Insertable } from 'kysely'
import type { IncidentEventsTable } from '../schema/incidents.ts'
import type { SeedContext, SeededPerson, SeededService } from './context.ts'
import { planReview, type PlannedReview, reviewEvents } from './incident-reviews.ts'
import { ACTIONS, CAUSES, fill, NOTES, SUPPLIERS } from './incident-text.ts'
import { planIncidents, type PlannedIncident } from './incident-plan.ts'
import type { Rng } from './rng.ts'
import { addDays, addMonths, addMs, DAY, localDay, MINUTE } from './time.ts'

type Event = Omit<Insertable<IncidentEventsTable>, 'incidentId'>
type ActionState = 'done' | 'open' | 'wont_do'
/** A follow-up as inserted (with its incident's id). */
interface Action {
  title: string
  ownerPersonId: number
  dueOn: string
  status: ActionState
  completedAt: Date | null
  createdAt: Date
  updatedAt: Date
}

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
  const reviews = plan.map((p, i) => planReview(rng, p, causes[i] ?? null, ctx.now))
  const ids = await ctx.db
    .insertInto('incidents')
    .values(
      plan.map((p, i) => {
        const closedAt = reviews[i]?.closedAt ?? null
        return {
          ref: refs[i]!,
          title: p.title,
          summary: causes[i] ? `Caused by ${causes[i]}.` : '',
          severity: p.severity,
          status: closedAt ? 'closed' : p.status,
          startedAt: p.startedAt,
          detectedAt: p.detectedAt,
          acknowledgedAt: p.acknowledgedAt,
          mitigatedAt: p.mitigatedAt,
          resolvedAt: p.resolvedAt,
          closedAt,
          commanderPersonId: p.commander.id,
          createdAt: p.detectedAt,
          updatedAt: closedAt ?? p.resolvedAt ?? p.mitigatedAt ?? p.acknowledgedAt ?? p.detectedAt,
        }
      }),
    )
    .returning('id')
    .execute()

  const links = plan.flatMap((p, i) =>
    p.services.map((s) => ({ incidentId: ids[i]!.id, serviceId: s.id, impact: p.impact })),
  )
  await ctx.db.insertInto('incidentServices').values(links).execute()
  const reviewRows = reviews.flatMap((r, i) => (r ? [{ incidentId: ids[i]!.id, ...r.fields }] : []))
  if (reviewRows.length > 0) await ctx.db.insertInto('incidentReviews').values(reviewRows).execute()
  const actions = plan.map((p, i) => followUps(ctx, rng, p, people, reviews[i] ?? null))
  const rows = actions.flatMap((list, i) => list.map((a) => ({ ...a, incidentId: ids[i]!.id })))
  const actionIds =
    rows.length > 0
      ? await ctx.db.insertInto('incidentActions').values(rows).returning('id').execute()
      : []
  let k = 0
  const events = plan.flatMap((p, i) => {
    const review = reviews[i]
    const own = [
      ...timeline(rng, p, causes[i] ?? null, people),
      ...(review ? reviewEvents(p, review) : []),
      ...actions[i]!.flatMap((a) => actionEvents(a, actionIds[k++]!.id, p, people)),
    ]
    return own
      .sort((x, y) => (x.at as Date).getTime() - (y.at as Date).getTime())
      .map((e) => ({ ...e, incidentId: ids[i]!.id }))
  })
  await ctx.db.insertInto('incidentEvents').values(events).execute()
  return { incidents: plan.length, events: events.length, actions: rows.length }
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

// prettier-ignore
const PAST_DUE: [ActionState, number][] = [['done', 75], ['open', 18], ['wont_do', 7]]
// prettier-ignore
const NOT_YET_DUE: [ActionState, number][] = [['done', 30], ['open', 70]]

// Major incidents get follow-ups from their review (when written; else at the resolution), a
// few others too: most are done, some open past their due date (overdue).
function followUps(
  ctx: SeedContext,
  rng: Rng,
  p: PlannedIncident,
  people: SeededPerson[],
  review: PlannedReview | null,
): Action[] {
  const major = p.severity === 'SEV1' || p.severity === 'SEV2'
  const resolved = p.resolvedAt
  if (!resolved || !(major || rng.chance(0.15))) return []
  const created = review?.at ?? resolved
  const service = p.services[0]!
  const team = people.filter((x) => x.team === service.team)
  const vars = { name: service.name, supplier: rng.pick(SUPPLIERS) }
  const titles = rng.shuffle(ACTIONS).slice(0, major ? rng.int(1, 3) : rng.int(0, 1))
  return titles.map((title) => {
    const dueOn = addDays(localDay(created, ctx.tz), rng.int(10, 45))
    const status = rng.weighted(dueOn < ctx.today ? PAST_DUE : NOT_YET_DUE)
    // Closed between its creation and a few days past the due date, and never after now.
    const latest = Date.parse(`${dueOn}T17:00:00Z`) + 4 * DAY
    const closedAt = created.getTime() + rng.float() * (latest - created.getTime())
    const completedAt = status === 'open' ? null : new Date(Math.min(closedAt, ctx.now.getTime()))
    return {
      title: fill(title, vars),
      ownerPersonId: rng.pick(team).id,
      dueOn,
      status,
      completedAt,
      createdAt: created,
      updatedAt: completedAt ?? created,
    }
  })
}

// As the API records them: added (open), then done or won't do when completed.
function actionEvents(
  a: Action,
  actionId: number,
  p: PlannedIncident,
  people: SeededPerson[],
): Event[] {
  const owner = people.find((x) => x.id === a.ownerPersonId)?.name ?? 'nobody'
  const fields = { title: a.title, ownerPersonId: a.ownerPersonId, dueOn: a.dueOn }
  const events: Event[] = [
    {
      at: a.createdAt,
      kind: 'action',
      body: `Follow-up added: ${a.title} (owner ${owner}, due ${a.dueOn})`,
      author: p.commander.name,
      data: { actionId, ...fields, status: 'open' },
    },
  ]
  if (a.completedAt && a.status !== 'open') {
    events.push({
      at: a.completedAt,
      kind: 'action',
      body: `Follow-up ${a.title}: open → ${a.status === 'done' ? 'done' : 'won’t do'}`,
      author: owner,
      data: { actionId, title: a.title, status: { from: 'open', to: a.status } },
    })
  }
  return events
}
