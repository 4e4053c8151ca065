import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import type { GroupHour, GroupSpec, WindowStart } from './raw-minutes.ts'

const HOUR_MS = 3_600_000
const MINUTE_MS = 60_000
// All 60 bits of an hour's minutes.
const FULL = sql`((1::bigint << 60) - 1)`

export interface HourVerdicts {
  /** Per group, per window key: minutes up in the hours decided here. */
  up: Map<number, Map<string, number>>
  /** The hours left to count minute by minute from the raw samples. */
  undecided: GroupHour[]
}

/**
 * Decides whole UTC hours of the groups without reading raw samples' states, where that is
 * exact. A component is up in every minute of hour H when all samples that can decide them are
 * up or degraded outside maintenance (the hourly rollup has no down or maintenance and counts
 * exactly the raw samples there) and each minute has one (a sample covers its own minute and the
 * whole minutes of its check interval after it; minute i of an hour is bit i of the mask read
 * from the samples' primary key). It has no data in H when neither H nor the hour before (an
 * interval is at most an hour) holds a sample. A group is up all hour when at least `needed`
 * components are up all hour; no data all hour when every component is one or the other
 * (nothing is down or in maintenance). Other hours are undecided. A sample count alone cannot
 * decide an hour: samples may bunch (60 in half an hour leaves a gap), and with longer intervals
 * the first minutes belong to the previous hour's last sample.
 */
export async function decideHours(
  db: Kysely<Database>,
  groups: readonly GroupSpec[],
  windows: readonly WindowStart[],
  to: Date,
): Promise<HourVerdicts> {
  const verdicts: HourVerdicts = { up: new Map(), undecided: [] }
  const members = groups.flatMap((g) => g.serviceIds.map((serviceId) => ({ g: g.id, serviceId })))
  if (members.length === 0 || windows.length === 0) return verdicts
  const ids = [...new Set(members.map((m) => m.serviceId))]
  const earliest = Math.min(...windows.map((w) => w.from.getTime()))
  const firstHour = new Date(Math.floor(earliest / HOUR_MS) * HOUR_MS)
  const lastHour = new Date(Math.floor((to.getTime() - MINUTE_MS) / HOUR_MS) * HOUR_MS)
  const scanFrom = new Date(firstHour.getTime() - HOUR_MS)
  const { rows } = await sql<{
    groupId: number
    key: string | null
    up: number | null
    hour: Date | null
  }>`
    WITH members AS (
      SELECT * FROM unnest(${members.map((m) => m.g)}::bigint[],
        ${members.map((m) => m.serviceId)}::bigint[]) AS m (group_id, service_id)
    ), rules AS (
      SELECT * FROM unnest(${groups.map((g) => g.id)}::bigint[],
        ${groups.map((g) => g.needed)}::int[]) AS r (group_id, needed)
    ), windows AS (
      SELECT * FROM unnest(${windows.map((w) => w.key)}::text[],
        ${windows.map((w) => w.from)}::timestamptz[]) AS w (key, from_at)
    ), raw AS (
      -- Index-only: how many samples each hour holds and which of its minutes hold one.
      SELECT service_id, date_bin('1 hour', checked_at, timestamptz '2000-01-01Z') AS h,
        count(*) AS n,
        bit_or(1::bigint << date_part('minute', checked_at AT TIME ZONE 'UTC')::int) AS own
      FROM check_samples
      WHERE service_id = ANY(${ids}::bigint[])
        AND checked_at >= ${scanFrom}::timestamptz AND checked_at < ${to}::timestamptz
      GROUP BY 1, 2
    ), rollup AS (
      SELECT service_id, bucket_start AS h, samples, down + maintenance AS not_up
      FROM check_rollup_hourly
      WHERE service_id = ANY(${ids}::bigint[])
        AND bucket_start >= ${scanFrom}::timestamptz AND bucket_start <= ${lastHour}::timestamptz
    ), hours AS (
      -- Whole minutes a sample surely covers after its own: its interval's (some seconds more
      -- when it is not a whole number of minutes; counting fewer only leaves an hour undecided).
      SELECT sv.id AS service_id, hs.h, least(sv.check_interval_seconds / 60, 60) AS reach,
        coalesce(raw.n, 0) AS n, coalesce(raw.own, 0) AS own,
        coalesce(rollup.samples, 0) = coalesce(raw.n, 0) AND coalesce(rollup.not_up, 0) = 0
          AS clean
      FROM services sv
      CROSS JOIN generate_series(${scanFrom}::timestamptz, ${lastHour}::timestamptz,
        interval '1 hour') AS hs (h)
      LEFT JOIN raw ON raw.service_id = sv.id AND raw.h = hs.h
      LEFT JOIN rollup ON rollup.service_id = sv.id AND rollup.h = hs.h
      WHERE sv.id = ANY(${ids}::bigint[])
    ), cells AS (
      SELECT * FROM (
        SELECT *, lag(n) OVER w AS prev_n, lag(own) OVER w AS prev_own,
          lag(clean) OVER w AS prev_clean
        FROM hours WINDOW w AS (PARTITION BY service_id ORDER BY h)
      ) x WHERE h >= ${firstHour}::timestamptz
    ), covered AS (
      -- (Samples in every minute, as usual, need no shifting.)
      SELECT c.*,
        CASE WHEN c.own = ${FULL} THEN c.own
          ELSE (SELECT bit_or(c.own << k) FROM generate_series(0, c.reach) AS k) & ${FULL}
        END AS mine,
        CASE WHEN c.own = ${FULL} THEN 0
          ELSE (SELECT coalesce(bit_or(c.prev_own >> (60 - k)), 0)
            FROM generate_series(1, c.reach) AS k)
        END AS carried
      FROM cells c
    ), components AS (
      SELECT service_id, h,
        CASE WHEN clean AND (mine = ${FULL} OR (prev_clean AND (mine | carried) = ${FULL}))
            THEN 'up'
          WHEN n = 0 AND prev_n = 0 THEN 'no-data' END AS certain
      FROM covered
    ), group_hours AS (
      SELECT m.group_id, c.h,
        count(*) FILTER (WHERE c.certain = 'up') AS up_n,
        count(*) FILTER (WHERE c.certain IS NULL) AS unsure_n
      FROM members m JOIN components c USING (service_id)
      GROUP BY m.group_id, c.h
    ), verdicts AS (
      SELECT g.group_id, g.h,
        CASE WHEN g.up_n >= r.needed THEN 'up' WHEN g.unsure_n = 0 THEN 'no-data' END AS verdict
      FROM group_hours g JOIN rules r USING (group_id)
    )
    SELECT v.group_id, w.key,
      sum(extract(epoch FROM least(v.h + interval '1 hour', ${to}::timestamptz)
        - greatest(v.h, w.from_at)) / 60)::int AS up, NULL::timestamptz AS hour
    FROM verdicts v JOIN windows w ON v.h + interval '1 hour' > w.from_at
    WHERE v.verdict = 'up'
    GROUP BY v.group_id, w.key
    UNION ALL
    SELECT group_id, NULL, NULL, h FROM verdicts WHERE verdict IS NULL
  `.execute(db)
  for (const row of rows) {
    if (row.hour) {
      verdicts.undecided.push({ groupId: row.groupId, hour: row.hour })
    } else if (row.key !== null) {
      const byWindow = verdicts.up.get(row.groupId) ?? new Map<string, number>()
      byWindow.set(row.key, row.up ?? 0)
      verdicts.up.set(row.groupId, byWindow)
    }
  }
  return verdicts
}
