import type { Database } from '@opsdeck/db'
import { type Kysely, type RawBuilder, sql } from 'kysely'

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

export interface StateMinutes {
  up: number
  down: number
  maintenance: number
}

/** Per group, per window key: minutes by the group's state. */
export type GroupMinuteCounts = Map<number, Map<string, StateMinutes>>

/** A UTC hour of one group, given by its start. */
export interface GroupHour {
  groupId: number
  hour: Date
}

const HOUR_MS = 3_600_000

/** The UTC minute holding an instant (as date_trunc('minute', t, 'UTC'), several times faster). */
const minuteOf = (t: RawBuilder<unknown>) =>
  sql`date_bin('1 minute', ${t}, timestamptz '2000-01-01Z')`

/** Every UTC hour holding a minute of the windows (all ending at `to`), for every group. */
export function everyHour(
  groups: readonly GroupSpec[],
  windows: readonly WindowStart[],
  to: Date,
): GroupHour[] {
  if (windows.length === 0) return []
  const earliest = Math.min(...windows.map((w) => w.from.getTime()))
  const first = Math.floor(earliest / HOUR_MS) * HOUR_MS
  const hours: GroupHour[] = []
  for (const g of groups) {
    for (let h = first; h < to.getTime(); h += HOUR_MS)
      hours.push({ groupId: g.id, hour: new Date(h) })
  }
  return hours
}

/**
 * Minutes of each window (all ending at `to`, a whole UTC minute) by the group's state, counted
 * in the given hours only, minute by minute from the raw samples. A component's state in minute
 * m is its latest sample in [m − its check interval, m + 1 min): in maintenance, down, or up
 * (degraded too). Each sample thus holds its state over a run of minutes, consecutive equal runs
 * are merged, and the groups' states are swept over the runs' ends rather than minute by minute.
 * The CASE below is kpi's groupState, in SQL. Minutes neither up, down nor maintenance are no
 * data (the caller subtracts). An hour's minutes depend only on the samples of that hour and the
 * one before (an interval is at most an hour), so only those are read.
 */
export async function rawGroupMinutes(
  db: Kysely<Database>,
  groups: readonly GroupSpec[],
  windows: readonly WindowStart[],
  to: Date,
  hours: readonly GroupHour[] = everyHour(groups, windows, to),
): Promise<GroupMinuteCounts> {
  const result: GroupMinuteCounts = new Map()
  const members = groups.flatMap((g) => g.serviceIds.map((serviceId) => ({ g: g.id, serviceId })))
  if (members.length === 0 || windows.length === 0 || hours.length === 0) return result
  const { rows } = await sql<{ groupId: number; key: string } & StateMinutes>`
    WITH members AS (
      SELECT * FROM unnest(${members.map((m) => m.g)}::bigint[],
        ${members.map((m) => m.serviceId)}::bigint[]) AS m (group_id, service_id)
    ), rules AS (
      SELECT * FROM unnest(${groups.map((g) => g.id)}::bigint[], ${groups.map((g) => g.needed)}::int[],
        ${groups.map((g) => g.serviceIds.length)}::int[]) AS r (group_id, needed, size)
    ), windows AS (
      SELECT * FROM unnest(${windows.map((w) => w.key)}::text[],
        ${windows.map((w) => w.from)}::timestamptz[]) AS w (key, from_at)
    ), counted AS (
      SELECT * FROM unnest(${hours.map((h) => h.groupId)}::bigint[],
        ${hours.map((h) => h.hour)}::timestamptz[]) AS c (group_id, h)
    ), needed_hours AS (
      -- The hours whose samples decide the counted ones: each and the one before.
      SELECT DISTINCT m.service_id, x.h
      FROM counted c JOIN members m USING (group_id)
      CROSS JOIN LATERAL (VALUES (c.h - interval '1 hour'), (c.h)) AS x (h)
    ), spans AS (
      -- Consecutive hours read as one range, so that each sample is read once.
      SELECT service_id, min(h) AS a, max(h) + interval '1 hour' AS b
      FROM (SELECT *, h - row_number() OVER (PARTITION BY service_id ORDER BY h) * interval '1 hour'
        AS island FROM needed_hours) x
      GROUP BY service_id, island
    ), samples AS (
      SELECT cs.service_id, cs.checked_at, sv.check_interval_seconds AS interval_s,
        CASE WHEN cs.in_maintenance THEN 'maintenance' WHEN cs.status = 'down' THEN 'down'
          ELSE 'up' END AS state,
        lead(cs.checked_at) OVER (PARTITION BY cs.service_id ORDER BY cs.checked_at) AS next_at
      FROM spans p
      JOIN services sv ON sv.id = p.service_id
      -- OFFSET 0 keeps this a lookup per span (by the primary key) rather than a join the
      -- planner would turn into a scan of every partition.
      JOIN LATERAL (
        SELECT * FROM check_samples cs
        WHERE cs.service_id = p.service_id AND cs.checked_at >= p.a
          AND cs.checked_at < least(p.b, ${to}::timestamptz)
        OFFSET 0
      ) cs ON true
    ), covered AS (
      -- The minutes [a, b) this sample decides: from its own minute until the next sample's, and
      -- no longer than its check interval after it. (A next sample in a later span starts after
      -- this span's counted hours end, so the minutes counted are cut as they would be.)
      SELECT service_id, state, ${minuteOf(sql.ref('checked_at'))} AS a,
        least(
          ${minuteOf(sql`checked_at + interval_s * interval '1 second'`)} + interval '1 minute',
          coalesce(${minuteOf(sql.ref('next_at'))}, ${to}::timestamptz),
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
    ), pieces AS (
      -- Each state's minutes inside a counted hour and a window.
      SELECT st.group_id, w.key, st.state,
        extract(epoch FROM least(st.b, c.h + interval '1 hour', ${to}::timestamptz)
          - greatest(st.a, c.h, w.from_at)) / 60 AS minutes
      FROM states st
      JOIN counted c ON c.group_id = st.group_id AND st.a < c.h + interval '1 hour' AND st.b > c.h
      CROSS JOIN windows w
      WHERE st.state <> 'no-data' AND st.b > w.from_at
    )
    SELECT group_id, key,
      coalesce(sum(minutes) FILTER (WHERE state = 'up' AND minutes > 0), 0)::int AS up,
      coalesce(sum(minutes) FILTER (WHERE state = 'down' AND minutes > 0), 0)::int AS down,
      coalesce(sum(minutes) FILTER (WHERE state = 'maintenance' AND minutes > 0), 0)::int
        AS maintenance
    FROM pieces GROUP BY group_id, key
  `.execute(db)
  for (const row of rows) {
    const byWindow = result.get(row.groupId) ?? new Map<string, StateMinutes>()
    byWindow.set(row.key, { up: row.up, down: row.down, maintenance: row.maintenance })
    result.set(row.groupId, byWindow)
  }
  return result
}
