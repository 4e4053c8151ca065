import type { Database, GroupRule } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import type { ServiceStatus } from './queries.ts'

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

export interface GroupSpec {
  id: number
  /** Components that must be up (kpi upNeeded). */
  needed: number
  serviceIds: readonly number[]
}

export interface WindowStart {
  key: string
  from: Date
}

/**
 * Minutes of each window (all ending at `to`, a whole UTC minute) by the group's state, from the
 * raw samples. A component's state in minute m is its latest sample in [m − its check interval,
 * m + 1 min): in maintenance, down, or up (degraded too). Each sample thus holds its state over a
 * run of minutes, consecutive equal runs are merged, and the groups' states are swept over the
 * runs' ends rather than minute by minute. The CASE below is kpi's groupState, in SQL.
 * Minutes neither up, down nor maintenance are no data (the caller subtracts).
 */
export async function groupMinutes(
  db: Kysely<Database>,
  groups: readonly GroupSpec[],
  windows: readonly WindowStart[],
  to: Date,
) {
  const result = new Map<number, Map<string, { up: number; down: number; maintenance: number }>>()
  const members = groups.flatMap((g) => g.serviceIds.map((serviceId) => ({ g: g.id, serviceId })))
  if (members.length === 0 || windows.length === 0) return result
  const earliest = new Date(Math.min(...windows.map((w) => w.from.getTime())))
  // A sample up to one (longest) check interval before the window still covers its first minutes.
  const scanFrom = new Date(earliest.getTime() - 3_600_000)
  const perWindow = windows.map(
    (w) => sql`
      , round(sum(extract(epoch FROM b - greatest(a, ${w.from}::timestamptz)) / 60)
          FILTER (WHERE state = 'up' AND b > ${w.from}::timestamptz))::int AS ${sql.ref(`up_${w.key}`)}
      , round(sum(extract(epoch FROM b - greatest(a, ${w.from}::timestamptz)) / 60)
          FILTER (WHERE state = 'down' AND b > ${w.from}::timestamptz))::int AS ${sql.ref(`down_${w.key}`)}
      , round(sum(extract(epoch FROM b - greatest(a, ${w.from}::timestamptz)) / 60)
          FILTER (WHERE state = 'maintenance' AND b > ${w.from}::timestamptz))::int
          AS ${sql.ref(`maint_${w.key}`)}`,
  )
  const { rows } = await sql<Record<string, number | null> & { groupId: number }>`
    WITH members AS (
      SELECT * FROM unnest(${members.map((m) => m.g)}::bigint[],
        ${members.map((m) => m.serviceId)}::bigint[]) AS m (group_id, service_id)
    ), rules AS (
      SELECT * FROM unnest(${groups.map((g) => g.id)}::bigint[], ${groups.map((g) => g.needed)}::int[],
        ${groups.map((g) => g.serviceIds.length)}::int[]) AS r (group_id, needed, size)
    ), samples AS (
      SELECT cs.service_id, cs.checked_at, sv.check_interval_seconds AS interval_s,
        CASE WHEN cs.in_maintenance THEN 'maintenance' WHEN cs.status = 'down' THEN 'down'
          ELSE 'up' END AS state,
        lead(cs.checked_at) OVER (PARTITION BY cs.service_id ORDER BY cs.checked_at) AS next_at
      FROM services sv
      JOIN check_samples cs ON cs.service_id = sv.id
      WHERE sv.id IN (SELECT service_id FROM members)
        AND cs.checked_at >= ${scanFrom} AND cs.checked_at < ${to}
        AND cs.checked_at >= ${earliest}::timestamptz - sv.check_interval_seconds * interval '1 second'
    ), covered AS (
      -- The minutes [a, b) this sample decides: from its own minute until the next sample's, and
      -- no longer than its check interval after it.
      SELECT service_id, state,
        greatest(date_trunc('minute', checked_at, 'UTC'), ${earliest}::timestamptz) AS a,
        least(
          date_trunc('minute', checked_at + interval_s * interval '1 second', 'UTC')
            + interval '1 minute',
          coalesce(date_trunc('minute', next_at, 'UTC'), ${to}::timestamptz),
          ${to}::timestamptz) AS b
      FROM samples
    ), marked AS (
      SELECT *, CASE WHEN a = lag(b) OVER w AND state = lag(state) OVER w THEN 0 ELSE 1 END AS starts
      FROM covered WHERE b > a
      WINDOW w AS (PARTITION BY service_id ORDER BY a)
    ), runs AS (
      SELECT service_id, state, min(a) AS a, max(b) AS b
      FROM (SELECT *, sum(starts) OVER (PARTITION BY service_id ORDER BY a) AS run FROM marked) x
      GROUP BY service_id, run, state
    ), deltas AS (
      SELECT m.group_id, e.t,
        sum(e.d) FILTER (WHERE e.state = 'up') AS du,
        sum(e.d) FILTER (WHERE e.state = 'down') AS dd,
        sum(e.d) FILTER (WHERE e.state = 'maintenance') AS dm
      FROM runs r
      CROSS JOIN LATERAL (VALUES (r.a, r.state, 1), (r.b, r.state, -1)) AS e (t, state, d)
      JOIN members m ON m.service_id = r.service_id
      GROUP BY m.group_id, e.t
    ), segments AS (
      SELECT group_id, t AS a, lead(t) OVER w AS b,
        sum(coalesce(du, 0)) OVER w AS up_n, sum(coalesce(dd, 0)) OVER w AS down_n,
        sum(coalesce(dm, 0)) OVER w AS maint_n
      FROM deltas
      WINDOW w AS (PARTITION BY group_id ORDER BY t)
    ), states AS (
      SELECT s.group_id, s.a, s.b,
        CASE WHEN s.up_n >= r.needed THEN 'up'
          WHEN r.size - s.down_n < r.needed THEN 'down'
          WHEN s.maint_n > 0 THEN 'maintenance'
          ELSE 'no-data' END AS state
      FROM segments s JOIN rules r ON r.group_id = s.group_id
      WHERE s.b IS NOT NULL
    )
    SELECT group_id ${sql.join(perWindow, sql``)}
    FROM states GROUP BY group_id
  `.execute(db)
  for (const row of rows) {
    const byWindow = new Map<string, { up: number; down: number; maintenance: number }>()
    for (const w of windows) {
      byWindow.set(w.key, {
        up: row[`up${cap(w.key)}`] ?? 0,
        down: row[`down${cap(w.key)}`] ?? 0,
        maintenance: row[`maint${cap(w.key)}`] ?? 0,
      })
    }
    result.set(row.groupId, byWindow)
  }
  return result
}

// The CamelCasePlugin turns the column up_h24 into upH24.
const cap = (key: string) => key.charAt(0).toUpperCase() + key.slice(1)
