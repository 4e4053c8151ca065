import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from './migrate.ts'
import { createTestDatabase, type TestDatabase } from './testing.ts'

let t: TestDatabase
beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(() => t.drop())

describe('schema', () => {
  it('is at the latest migration, and migrating again changes nothing', async () => {
    expect(await migrateToLatest(t.db)).toEqual([])
  })

  it('creates daily check-sample partitions once', async () => {
    const created = await sql<{ n: number }>`
      SELECT ensure_check_sample_partitions('2026-03-28', '2026-03-30') AS n`.execute(t.db)
    expect(created.rows[0]?.n).toBe(3)
    const again = await sql<{ n: number }>`
      SELECT ensure_check_sample_partitions('2026-03-29', '2026-03-31') AS n`.execute(t.db)
    expect(again.rows[0]?.n).toBe(1)
    // A sample lands in the partition of its UTC day.
    const service = await t.db
      .insertInto('services')
      .values({ slug: 'p', name: 'P', tier: 1, sloTarget: 0.999 })
      .returning('id')
      .executeTakeFirstOrThrow()
    await t.db
      .insertInto('checkSamples')
      .values({
        serviceId: service.id,
        checkedAt: '2026-03-29T23:59:59Z',
        status: 'up',
        latencyMs: 5,
        httpStatus: 200,
        error: null,
      })
      .execute()
    const { rows } = await sql<{ part: string }>`
      SELECT tableoid::regclass::text AS part FROM check_samples`.execute(t.db)
    expect(rows).toEqual([{ part: 'check_samples_20260329' }])
  })

  it('rejects a sample outside any partition instead of losing it', async () => {
    const service = await t.db
      .insertInto('services')
      .values({ slug: 'q', name: 'Q', tier: 2, sloTarget: 0.99 })
      .returning('id')
      .executeTakeFirstOrThrow()
    await expect(
      t.db
        .insertInto('checkSamples')
        .values({
          serviceId: service.id,
          checkedAt: '2020-01-01T00:00:00Z',
          status: 'up',
          latencyMs: 1,
          httpStatus: 200,
          error: null,
        })
        .execute(),
    ).rejects.toThrow(/no partition/)
  })

  it('reads pence as numbers and calendar days as strings', async () => {
    const p = await t.db
      .insertInto('projects')
      .values({ code: 'T-1', name: 'T', startDate: '2026-01-01', endDate: '2026-12-31' })
      .returning(['id', 'startDate'])
      .executeTakeFirstOrThrow()
    await t.db
      .insertInto('costEntries')
      .values({
        projectId: p.id,
        incurredOn: '2026-02-01',
        amountPence: 9_007_199_254,
        category: 'cloud',
        spendType: 'opex',
      })
      .execute()
    const cost = await t.db
      .selectFrom('costEntries')
      .select(['amountPence', 'incurredOn'])
      .executeTakeFirstOrThrow()
    expect(cost).toEqual({ amountPence: 9_007_199_254, incurredOn: '2026-02-01' })
    expect(p.startDate).toBe('2026-01-01')
  })

  it('enforces the incident invariants', async () => {
    await expect(
      t.db
        .insertInto('incidents')
        .values({
          ref: 'X-1',
          title: 'x',
          severity: 'SEV2',
          status: 'resolved',
          startedAt: '2026-01-01T10:00Z',
          resolvedAt: null,
        })
        .execute(),
    ).rejects.toThrow(/check constraint/)
    await expect(
      t.db
        .insertInto('incidents')
        .values({
          ref: 'X-2',
          title: 'x',
          severity: 'SEV2',
          startedAt: '2026-01-01T10:00Z',
          acknowledgedAt: '2026-01-01T09:00Z',
        })
        .execute(),
    ).rejects.toThrow(/check constraint/)
  })
})
