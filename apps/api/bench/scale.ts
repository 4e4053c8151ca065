import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'

/**
 * Grows the demo to `target` services by cloning the demo services' hourly and daily rollups
 * (13 months each), so the dashboard queries can be timed at the scale DESIGN.md plans for.
 * Raw samples are not cloned: the clones have no status now, only history.
 */
export async function scaleServices(db: Kysely<Database>, target: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM services`.execute(trx)
    const existing = rows[0]?.n ?? 0
    if (existing >= target) return 0
    await sql`
      CREATE TEMP TABLE bench_clones ON COMMIT DROP AS
      SELECT g AS n, (SELECT id FROM services ORDER BY id OFFSET (g % ${existing}) LIMIT 1)
        AS source_id, null::bigint AS id
      FROM generate_series(1, ${target - existing}) AS g
    `.execute(trx)
    await sql`
      WITH inserted AS (
        INSERT INTO services (slug, name, tier, owner_team_id, slo_target, check_enabled)
        SELECT 'bench-' || c.n, 'Bench service ' || c.n, s.tier, s.owner_team_id, s.slo_target, false
        FROM bench_clones c JOIN services s ON s.id = c.source_id
        RETURNING id, slug
      )
      UPDATE bench_clones c SET id = i.id FROM inserted i WHERE i.slug = 'bench-' || c.n
    `.execute(trx)
    for (const table of ['check_rollup_hourly', 'check_rollup_daily']) {
      await sql`
        INSERT INTO ${sql.table(table)}
        SELECT c.id, r.bucket_start, r.samples, r.up, r.degraded, r.down, r.maintenance,
          r.latency_count, r.latency_sum_ms, r.latency_max_ms, r.latency_hist
        FROM bench_clones c JOIN ${sql.table(table)} r ON r.service_id = c.source_id
      `.execute(trx)
    }
    return target - existing
  })
}
