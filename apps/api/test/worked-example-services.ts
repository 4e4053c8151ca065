import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'

// The worked example's services (worked-example.ts): a and b tier 1, c tier 2 in maintenance,
// their October rollups and their latest checks.
export async function seedServicesExample(db: Kysely<Database>, team: { id: number }) {
  await sql`SELECT ensure_check_sample_partitions('2026-11-03', '2026-11-05')`.execute(db)
  const svc = (slug: string, tier: number, sloTarget: number) =>
    db
      .insertInto('services')
      .values({ slug, name: slug, tier, sloTarget, ownerTeamId: team.id })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id)
  const a = await svc('a', 1, 0.999)
  const b = await svc('b', 1, 0.9995)
  const c = await svc('c', 2, 0.99)
  // Whole days come from the daily rollup, partial days from the hourly one. The hourly rows
  // here sum to the daily ones, as they do in a real database.
  await db
    .insertInto('checkRollupDaily')
    .values([
      { serviceId: a, bucketStart: '2026-10-09T23:00Z', samples: 60, up: 50, degraded: 5, down: 5 },
      { serviceId: a, bucketStart: '2026-09-29T23:00Z', samples: 60, down: 60 }, // before the range
      { serviceId: b, bucketStart: '2026-10-11T23:00Z', samples: 60, up: 60 },
    ])
    .execute()
  await db
    .insertInto('checkRollupHourly')
    .values([
      { serviceId: a, bucketStart: '2026-10-10T10:00Z', samples: 60, up: 50, degraded: 5, down: 5 },
      { serviceId: a, bucketStart: '2026-09-30T22:00Z', samples: 60, down: 60 }, // before the range
      { serviceId: b, bucketStart: '2026-10-12T10:00Z', samples: 60, up: 60 },
    ])
    .execute()
  await db
    .insertInto('checkSamples')
    .values([
      {
        serviceId: a,
        checkedAt: '2026-11-04T11:59:00Z',
        status: 'down',
        latencyMs: null,
        httpStatus: 503,
        error: 'HTTP 503',
      },
      {
        serviceId: b,
        checkedAt: '2026-11-04T11:50:00Z',
        status: 'up',
        latencyMs: 80,
        httpStatus: 200,
        error: null,
      },
      {
        serviceId: c,
        checkedAt: '2026-11-04T11:59:30Z',
        status: 'up',
        inMaintenance: true,
        latencyMs: 90,
        httpStatus: 200,
        error: null,
      },
    ])
    .execute()
}
