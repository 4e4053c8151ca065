import { type Kysely, sql } from 'kysely'
import { insertNumberedIncident } from './incident-refs.ts'
import type { Database } from './schema/index.ts'
import type { IncidentEventKind, IncidentStatus, Severity } from './schema/incidents.ts'

/** What another tool, or opsdeck's own burn-rate alerts, says of one problem it tracks. */
interface SignalBase {
  /** incidents.source: 'alertmanager', 'webhook:<tool>', 'slo'. */
  source: string
  /** The problem's id in that source (an alert group's key): one open incident per (source, id). */
  externalId: string
  /** The author the timeline names: these events have no user. */
  author: string
  /** When opsdeck received it. */
  at: Date
  /** The `alert` event that records what arrived: its text and details. */
  body: string
  data: Record<string, unknown>
}

export interface FiringSignal extends SignalBase {
  status: 'firing'
  title: string
  summary: string
  severity: Severity
  /** When each firing alert began. */
  alertStarts: Date[]
  services: { serviceId: number; slug: string }[]
  impact: 'outage' | 'degraded'
  /** The alerts' state as two deliveries can compare it: the same state again adds nothing. */
  state?: string
}

export interface ResolvedSignal extends SignalBase {
  status: 'resolved'
  /** When the problem ended by the source's account (the resolution is never after `at`). */
  endedAt: Date
  /** False: the end is only noted on the open incident, which people resolve. */
  resolves: boolean
}

export type IntakeSignal = FiringSignal | ResolvedSignal

export interface IntakeOutcome {
  outcome: 'opened' | 'updated' | 'resolved' | 'ignored'
  incidentId: number | null
  ref: string | null
  /** Why, in a sentence: what the answer and the log say. */
  detail: string
}

type Db = Kysely<Database>

/**
 * Opens, updates or resolves the incident of an external problem, in one transaction (the
 * caller's when given one), one delivery per problem at a time:
 * - firing, with an open incident: raises its severity (never lowers it), adds services it does
 *   not name yet, and records the delivery; the same alerts' state again changes nothing.
 * - firing, none open: opens one, unless the problem's last incident was resolved (by a person or
 *   by the source) and no alert began after that: a re-send of what was dealt with is ignored.
 * - resolved: resolves the open incident at the source's end time (clamped between its last
 *   milestone and now), or only notes it (`resolves: false`); with none open, a late end is noted
 *   on a resolved incident and changes nothing, so a manual resolve is never undone.
 */
export async function intakeSignal(db: Db, signal: IntakeSignal): Promise<IntakeOutcome> {
  const run = async (trx: Db) => {
    const key = `opsdeck:intake:${signal.source}:${signal.externalId}`
    await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(trx)
    const open = await findOpen(trx, signal)
    if (signal.status === 'firing') {
      return open ? updateOpen(trx, open, signal) : openNew(trx, signal)
    }
    return open ? endOpen(trx, open, signal) : endLate(trx, signal)
  }
  // Kysely cannot nest transactions: inside the caller's, use it as it is.
  return db.isTransaction ? run(db) : db.transaction().execute(run)
}

const rank = (s: Severity) => Number(s.slice(3))
const iso = (d: Date) => d.toISOString()
const latest = (dates: (Date | null)[]) =>
  new Date(Math.max(...dates.filter((d) => d !== null).map((d) => d.getTime())))

async function findOpen(db: Db, s: IntakeSignal) {
  return db
    .selectFrom('incidents')
    .select(['id', 'ref', 'status', 'severity', 'startedAt', 'detectedAt'])
    .select(['acknowledgedAt', 'mitigatedAt'])
    .where('source', '=', s.source)
    .where('externalId', '=', s.externalId)
    .where('status', 'not in', ['resolved', 'closed'])
    .forUpdate()
    .executeTakeFirst()
}
type OpenIncident = NonNullable<Awaited<ReturnType<typeof findOpen>>>

/** The problem's most recent incident, whatever its status. */
async function findLast(db: Db, s: IntakeSignal) {
  return db
    .selectFrom('incidents')
    .select(['id', 'ref', 'status', 'resolvedAt'])
    .where('source', '=', s.source)
    .where('externalId', '=', s.externalId)
    .orderBy('startedAt', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
}

async function addEvent(
  db: Db,
  s: IntakeSignal,
  incidentId: number,
  event: { kind: IncidentEventKind; body: string; data: Record<string, unknown> },
) {
  await db
    .insertInto('incidentEvents')
    .values({ incidentId, at: s.at, author: s.author, authorUserId: null, ...event })
    .execute()
}

const alertEvent = (s: IntakeSignal, body = s.body) => ({
  kind: 'alert' as const,
  body,
  data: {
    ...s.data,
    source: s.source,
    externalId: s.externalId,
    status: s.status,
    ...(s.status === 'firing' && s.state !== undefined ? { state: s.state } : {}),
  },
})

const outcome = (
  kind: IntakeOutcome['outcome'],
  incident: { id: number; ref: string } | undefined,
  detail: string,
): IntakeOutcome => ({
  outcome: kind,
  incidentId: incident?.id ?? null,
  ref: incident?.ref ?? null,
  detail,
})

async function openNew(db: Db, s: FiringSignal): Promise<IntakeOutcome> {
  const last = await findLast(db, s)
  const resolvedAt = last?.resolvedAt ?? null
  // After a resolution only what began since counts: the rest was dealt with.
  const starts = resolvedAt ? s.alertStarts.filter((at) => at > resolvedAt) : s.alertStarts
  if (last && resolvedAt && starts.length === 0) {
    return outcome(
      'ignored',
      last,
      `${last.ref} was resolved at ${iso(resolvedAt)} and no alert here began after that`,
    )
  }
  const first = Math.min(s.at.getTime(), ...starts.map((at) => at.getTime()))
  const startedAt = new Date(first)
  const incident = await insertNumberedIncident(
    db,
    {
      title: s.title,
      summary: s.summary,
      severity: s.severity,
      status: 'triggered',
      startedAt,
      detectedAt: s.at,
      source: s.source,
      externalId: s.externalId,
    },
    s.at,
  )
  await linkServices(db, incident.id, s.services, s.impact)
  const services = s.services.map((x) => `${x.slug} (${s.impact})`).join(', ') || 'none'
  await addEvent(db, s, incident.id, {
    kind: 'created',
    body: `Opened by ${s.author}: ${s.severity} ${s.title}. Affected: ${services}`,
    data: {
      status: 'triggered',
      severity: s.severity,
      services: s.services.map((x) => ({ slug: x.slug, impact: s.impact })),
      startedAt: iso(startedAt),
      detectedAt: iso(s.at),
      source: s.source,
      externalId: s.externalId,
    },
  })
  await addEvent(db, s, incident.id, alertEvent(s))
  return outcome('opened', incident, `${incident.ref} opened`)
}

async function updateOpen(db: Db, open: OpenIncident, s: FiringSignal): Promise<IntakeOutcome> {
  const linked = await db
    .selectFrom('incidentServices as i')
    .innerJoin('services as sv', 'sv.id', 'i.serviceId')
    .select(['sv.id', 'sv.slug', 'i.impact'])
    .where('i.incidentId', '=', open.id)
    .orderBy('sv.slug')
    .execute()
  const linkedIds = new Set(linked.map((l) => l.id))
  const added = s.services.filter((x) => !linkedIds.has(x.serviceId))
  const raised = rank(s.severity) < rank(open.severity)
  if (!raised && added.length === 0 && s.state !== undefined) {
    if ((await lastState(db, open.id)) === s.state) {
      return outcome('ignored', open, `${open.ref} already holds these alerts as they are`)
    }
  }
  if (raised) {
    await addEvent(db, s, open.id, {
      kind: 'severity',
      body: `Severity ${open.severity} → ${s.severity} (${s.author})`,
      data: { from: open.severity, to: s.severity },
    })
  }
  if (added.length > 0) {
    await linkServices(db, open.id, added, s.impact)
    const all = [...linked, ...added.map((a) => ({ slug: a.slug, impact: s.impact }))]
    await addEvent(db, s, open.id, {
      kind: 'services',
      body: `Affected services added by ${s.author}: ${added.map((a) => `${a.slug} (${s.impact})`).join(', ')}`,
      data: {
        from: linked.map((l) => l.slug),
        to: all.map((l) => l.slug).sort(),
        impacts: Object.fromEntries(all.map((l) => [l.slug, l.impact])),
      },
    })
  }
  await addEvent(db, s, open.id, alertEvent(s))
  await db
    .updateTable('incidents')
    .set({ updatedAt: s.at, ...(raised ? { severity: s.severity } : {}) })
    .where('id', '=', open.id)
    .execute()
  return outcome('updated', open, `${open.ref} updated`)
}

async function endOpen(db: Db, open: OpenIncident, s: ResolvedSignal): Promise<IntakeOutcome> {
  await addEvent(db, s, open.id, alertEvent(s))
  if (!s.resolves) {
    await db.updateTable('incidents').set({ updatedAt: s.at }).where('id', '=', open.id).execute()
    return outcome('updated', open, `${open.ref} noted the end; people resolve it`)
  }
  // The milestones stay in order: not before any set, never after now.
  const floor = latest([open.startedAt, open.detectedAt, open.acknowledgedAt, open.mitigatedAt])
  const resolvedAt = latest([floor, s.endedAt < s.at ? s.endedAt : s.at])
  // As a person's resolve does (transitions.ts): the milestones it implies, where unset.
  const milestones = {
    ...(open.acknowledgedAt ? {} : { acknowledgedAt: resolvedAt }),
    ...(open.mitigatedAt ? {} : { mitigatedAt: resolvedAt }),
    resolvedAt,
  }
  await db
    .updateTable('incidents')
    .set({ status: 'resolved', ...milestones, updatedAt: s.at })
    .where('id', '=', open.id)
    .execute()
  await addEvent(db, s, open.id, {
    kind: 'status',
    body: `Resolved by ${s.author}`,
    data: {
      from: open.status,
      to: 'resolved' satisfies IncidentStatus,
      milestones: Object.fromEntries(Object.entries(milestones).map(([k, v]) => [k, iso(v)])),
    },
  })
  return outcome('resolved', open, `${open.ref} resolved at ${iso(resolvedAt)}`)
}

async function endLate(db: Db, s: ResolvedSignal): Promise<IntakeOutcome> {
  const last = await findLast(db, s)
  if (!last) return outcome('ignored', undefined, 'no incident was opened for this')
  const when = last.resolvedAt ? ` at ${iso(last.resolvedAt)}` : ''
  // A closed incident's record is final; a resolved one notes the late end for its review.
  if (last.status === 'resolved') {
    const body = `${s.body} (the incident was already resolved${when}: nothing changed)`
    await addEvent(db, s, last.id, alertEvent(s, body))
  }
  return outcome('ignored', last, `${last.ref} was already ${last.status}${when}`)
}

async function linkServices(
  db: Db,
  incidentId: number,
  services: FiringSignal['services'],
  impact: FiringSignal['impact'],
) {
  if (services.length === 0) return
  await db
    .insertInto('incidentServices')
    .values(services.map((x) => ({ incidentId, serviceId: x.serviceId, impact })))
    .onConflict((oc) => oc.doNothing())
    .execute()
}

// The state is kept in the details of the alert event that brought it.
async function lastState(db: Db, incidentId: number) {
  const row = await db
    .selectFrom('incidentEvents')
    .select(sql<string | null>`data->>'state'`.as('state'))
    .where('incidentId', '=', incidentId)
    .where('kind', '=', 'alert')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return row?.state ?? null
}
