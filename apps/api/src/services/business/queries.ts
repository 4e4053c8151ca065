import type { Database, GroupRule } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import type { ServiceStatus } from '../queries.ts'

/** Business services with their components (in name order), by slug or all not archived. */
export async function listGroups(
  db: Kysely<Database>,
  which: { slug: string; forUpdate?: boolean } | { active: true },
) {
  let query = db
    .selectFrom('serviceGroups')
    .select(['id', 'slug', 'name', 'description', 'sloTarget', 'rule', 'minUp'])
    .select(['archivedAt', 'createdAt'])
    .orderBy('name')
    .orderBy('slug')
  query =
    'slug' in which ? query.where('slug', '=', which.slug) : query.where('archivedAt', 'is', null)
  if ('slug' in which && which.forUpdate) query = query.forUpdate()
  const groups = await query.execute()
  if (groups.length === 0) return []
  const members = await db
    .selectFrom('serviceGroupMembers as m')
    .innerJoin('services as s', 's.id', 'm.serviceId')
    .select(['m.groupId', 's.id', 's.slug', 's.name', 's.archivedAt'])
    .where(
      'm.groupId',
      'in',
      groups.map((g) => g.id),
    )
    .orderBy('s.name')
    .orderBy('s.slug')
    .execute()
  return groups.map((g) => ({
    ...g,
    components: members.filter((m) => m.groupId === g.id).map(({ groupId: _, ...m }) => m),
  }))
}

export type GroupRow = Awaited<ReturnType<typeof listGroups>>[number]

/**
 * The services named by `slugs`, locked against archiving until the caller commits (archiving
 * locks the row for update), so a new component cannot be archived under a business service.
 */
export async function lockComponents(db: Kysely<Database>, slugs: readonly string[]) {
  if (slugs.length === 0) return []
  return db
    .selectFrom('services')
    .select(['id', 'slug', 'archivedAt'])
    .where('slug', 'in', slugs)
    .forShare()
    .execute()
}

export interface GroupValues {
  name: string
  description: string
  sloTarget: number
  rule: GroupRule
  minUp: number | null
}

/** The new business service's id, or undefined when the slug is taken. */
export async function insertGroup(
  db: Kysely<Database>,
  slug: string,
  values: GroupValues,
  now: Date,
) {
  const row = await db
    .insertInto('serviceGroups')
    .values({ slug, ...values, createdAt: now })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id
}

export async function updateGroup(
  db: Kysely<Database>,
  id: number,
  values: GroupValues & { archivedAt?: Date | null },
) {
  await db.updateTable('serviceGroups').set(values).where('id', '=', id).execute()
}

/** Makes the members exactly `serviceIds`. */
export async function setMembers(
  db: Kysely<Database>,
  groupId: number,
  serviceIds: readonly number[],
) {
  await db
    .deleteFrom('serviceGroupMembers')
    .where('groupId', '=', groupId)
    .$if(serviceIds.length > 0, (q) => q.where('serviceId', 'not in', serviceIds))
    .execute()
  if (serviceIds.length === 0) return
  await db
    .insertInto('serviceGroupMembers')
    .values(serviceIds.map((serviceId) => ({ groupId, serviceId })))
    .onConflict((oc) => oc.columns(['groupId', 'serviceId']).doNothing())
    .execute()
}

export async function setGroupArchived(db: Kysely<Database>, id: number, archivedAt: Date | null) {
  await db.updateTable('serviceGroups').set({ archivedAt }).where('id', '=', id).execute()
}

// As the services summary counts it: older than three check intervals (and 5 minutes) is stale.
const STALE_INTERVALS = 3

/** Each service's status now: its newest sample if not stale, else unknown. */
export async function statusNow(db: Kysely<Database>, serviceIds: readonly number[], now: Date) {
  if (serviceIds.length === 0) return new Map<number, ServiceStatus>()
  const { rows } = await sql<{ id: number; status: ServiceStatus }>`
    SELECT s.id,
      CASE WHEN latest.in_maintenance THEN 'maintenance' ELSE coalesce(latest.status, 'unknown') END
        AS status
    FROM services s
    LEFT JOIN LATERAL (
      SELECT cs.status, cs.in_maintenance FROM check_samples cs
      WHERE cs.service_id = s.id AND cs.checked_at <= ${now}
        AND cs.checked_at > ${now}::timestamptz
          - greatest(${STALE_INTERVALS} * s.check_interval_seconds, 300) * interval '1 second'
      ORDER BY cs.checked_at DESC LIMIT 1
    ) latest ON true
    WHERE s.id = ANY(${serviceIds}::bigint[])
  `.execute(db)
  return new Map(rows.map((r) => [r.id, r.status]))
}
