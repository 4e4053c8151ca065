import type { IncidentImpact } from '@opsdeck/contract'
import type { Database, IncidentEventKind, IncidentsTable } from '@opsdeck/db'
import type { Kysely, Updateable } from 'kysely'
import type { WrittenIncident } from './schemas.ts'

/** An incident's own fields, with the id the writes that follow need (never sent). */
export async function findIncident(
  db: Kysely<Database>,
  ref: string,
  opts: { forUpdate?: boolean } = {},
) {
  let query = db
    .selectFrom('incidents')
    .select([
      'id',
      'ref',
      'status',
      'severity',
      'title',
      'summary',
      'customerImpact',
      'commanderPersonId',
      'startedAt',
      'detectedAt',
      'acknowledgedAt',
      'mitigatedAt',
      'resolvedAt',
      'closedAt',
      'updatedAt',
    ])
    .where('ref', '=', ref)
  // Two writes to one incident queue: a transition never reads a status another is changing.
  if (opts.forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}
export type StoredIncident = NonNullable<Awaited<ReturnType<typeof findIncident>>>

/** The incident's services, by slug. */
export async function listIncidentServices(db: Kysely<Database>, incidentId: number) {
  return db
    .selectFrom('incidentServices as i')
    .innerJoin('services as s', 's.id', 'i.serviceId')
    .select(['s.id', 's.slug', 'i.impact'])
    .where('i.incidentId', '=', incidentId)
    .orderBy('s.slug')
    .execute()
}

/** The incident as a write answers it. */
export async function writtenIncident(db: Kysely<Database>, ref: string): Promise<WrittenIncident> {
  const row = await findIncident(db, ref)
  if (!row) throw new Error(`incident ${ref} vanished during a write`)
  const services = await listIncidentServices(db, row.id)
  const iso = (d: Date | null) => d?.toISOString() ?? null
  return {
    ref: row.ref,
    status: row.status,
    severity: row.severity,
    title: row.title,
    summary: row.summary,
    customerImpact: row.customerImpact,
    commanderPersonId: row.commanderPersonId === null ? null : Number(row.commanderPersonId),
    services: services.map((s) => ({ slug: s.slug, impact: s.impact })),
    startedAt: row.startedAt.toISOString(),
    detectedAt: iso(row.detectedAt),
    acknowledgedAt: iso(row.acknowledgedAt),
    mitigatedAt: iso(row.mitigatedAt),
    resolvedAt: iso(row.resolvedAt),
    closedAt: iso(row.closedAt),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** Services by slug, archived ones too (the caller decides). */
export async function findServicesBySlug(db: Kysely<Database>, slugs: string[]) {
  if (slugs.length === 0) return []
  return db
    .selectFrom('services')
    .select(['id', 'slug', 'archivedAt'])
    .where('slug', 'in', slugs)
    .execute()
}

export async function personExists(db: Kysely<Database>, id: number) {
  const row = await db.selectFrom('people').select('id').where('id', '=', id).executeTakeFirst()
  return row !== undefined
}

/** Whether the incident's post-incident review is completed. */
export async function reviewCompleted(db: Kysely<Database>, incidentId: number) {
  const row = await db
    .selectFrom('incidentReviews')
    .select('completedAt')
    .where('incidentId', '=', incidentId)
    .executeTakeFirst()
  return row?.completedAt != null
}

export async function organisationTimezone(db: Kysely<Database>) {
  const row = await db
    .selectFrom('organisationSettings')
    .select('timezone')
    .executeTakeFirstOrThrow()
  return row.timezone
}

export async function updateIncident(
  db: Kysely<Database>,
  id: number,
  set: Updateable<IncidentsTable> & { updatedAt: Date },
) {
  await db.updateTable('incidents').set(set).where('id', '=', id).execute()
}

export async function replaceIncidentServices(
  db: Kysely<Database>,
  incidentId: number,
  links: { serviceId: number; impact: IncidentImpact }[],
) {
  await db.deleteFrom('incidentServices').where('incidentId', '=', incidentId).execute()
  if (links.length === 0) return
  await db
    .insertInto('incidentServices')
    .values(links.map((l) => ({ incidentId, serviceId: l.serviceId, impact: l.impact })))
    .execute()
}

export interface NewEvent {
  incidentId: number
  at: Date
  kind: IncidentEventKind
  body: string
  authorUserId: number | null
  data: Record<string, unknown>
}

/** Adds an event to the timeline (events are never changed: a trigger refuses UPDATE). */
export async function insertEvent(db: Kysely<Database>, event: NewEvent) {
  return db
    .insertInto('incidentEvents')
    .values(event)
    .returning(['id', 'at', 'kind', 'body', 'authorUserId'])
    .executeTakeFirstOrThrow()
}
