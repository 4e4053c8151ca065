import { sql } from 'kysely'
import { Migrator } from 'kysely/migration'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from './migrate.ts'
import { migrations } from './migrations/index.ts'
import { createTestDatabase, type TestDatabase } from './testing.ts'

let t: TestDatabase
beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(() => t.drop())

const migrator = () =>
  new Migrator({ db: t.db, provider: { getMigrations: () => Promise.resolve(migrations) } })

describe('the incident lifecycle migration', () => {
  it('moves incidents of the four old statuses to the new seven, and back', async () => {
    const down = await migrator().migrateTo('2026-12-02-04-service-health')
    expect(down.error).toBeUndefined()
    await sql`
      INSERT INTO incidents (ref, title, severity, status, started_at, acknowledged_at,
        mitigated_at, resolved_at) VALUES
        ('OLD-1', 'open', 'SEV1', 'open', '2026-11-01T10:00Z', NULL, NULL, NULL),
        ('OLD-2', 'ack', 'SEV2', 'acknowledged', '2026-11-01T10:00Z', '2026-11-01T10:05Z', NULL, NULL),
        ('OLD-3', 'mitigated', 'SEV3', 'mitigated', '2026-11-01T10:00Z', '2026-11-01T10:05Z',
          '2026-11-01T11:00Z', NULL),
        ('OLD-4', 'resolved', 'SEV4', 'resolved', '2026-11-01T10:00Z', '2026-11-01T10:05Z',
          '2026-11-01T11:00Z', '2026-11-01T12:00Z')`.execute(t.db)

    // Later migrations run too; this one must be the first of them.
    expect((await migrateToLatest(t.db))[0]).toBe('2026-12-02-05-incident-lifecycle')
    const rows = await t.db
      .selectFrom('incidents')
      .select(['ref', 'status'])
      .where('ref', 'like', 'OLD-%')
      .orderBy('ref')
      .execute()
    expect(rows.map((r) => r.status)).toEqual([
      'triggered',
      'acknowledged',
      'monitoring',
      'resolved',
    ])
  })

  it('keeps the timeline as written: events cannot be changed', async () => {
    const { id } = await t.db
      .selectFrom('incidents')
      .select('id')
      .where('ref', '=', 'OLD-1')
      .executeTakeFirstOrThrow()
    const event = await t.db
      .insertInto('incidentEvents')
      .values({ incidentId: id, at: '2026-11-01T10:01Z', kind: 'note', body: 'first' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await expect(
      t.db
        .updateTable('incidentEvents')
        .set({ body: 'changed' })
        .where('id', '=', event.id)
        .execute(),
    ).rejects.toThrow(/cannot be changed/)
  })

  it('allows one open incident per alert group, and a new one once it is resolved', async () => {
    const open = {
      title: 'alert',
      severity: 'SEV2' as const,
      startedAt: '2026-11-02T10:00Z',
      source: 'alertmanager',
      externalId: 'group-1',
    }
    await t.db
      .insertInto('incidents')
      .values({ ...open, ref: 'AM-1' })
      .execute()
    await expect(
      t.db
        .insertInto('incidents')
        .values({ ...open, ref: 'AM-2' })
        .execute(),
    ).rejects.toThrow(/duplicate key/)
    await t.db
      .updateTable('incidents')
      .set({ status: 'resolved', resolvedAt: '2026-11-02T11:00Z' })
      .where('ref', '=', 'AM-1')
      .execute()
    await t.db
      .insertInto('incidents')
      .values({ ...open, ref: 'AM-2' })
      .execute()
  })

  it('seeds the default response targets', async () => {
    const targets = await t.db
      .selectFrom('incidentResponseTargets')
      .select(['severity', 'ackMinutes', 'resolveMinutes'])
      .orderBy('severity')
      .execute()
    expect(targets).toEqual([
      { severity: 'SEV1', ackMinutes: 5, resolveMinutes: 240 },
      { severity: 'SEV2', ackMinutes: 15, resolveMinutes: 480 },
      { severity: 'SEV3', ackMinutes: 60, resolveMinutes: 4320 },
      { severity: 'SEV4', ackMinutes: 1440, resolveMinutes: 14400 },
    ])
  })
})
