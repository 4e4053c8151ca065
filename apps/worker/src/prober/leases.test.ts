import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckResult } from './check.ts'
import { claimDueChecks, recordChecks } from './leases.ts'
import { syncCheckSchedule } from './sync.ts'
import { insertProbeService } from './test-kit.ts'

let t: TestDatabase
beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(async () => {
  await t.drop()
})

const UP: CheckResult = { status: 'up', latencyMs: 12, statusCode: 200, error: null }
const SECOND = 1_000

async function schedule(serviceId: number) {
  return t.db
    .selectFrom('checkSchedule')
    .selectAll()
    .where('serviceId', '=', serviceId)
    .executeTakeFirstOrThrow()
}

async function setDue(serviceId: number, due: string) {
  await sql`UPDATE check_schedule SET next_due_at = ${sql.raw(due)}
    WHERE service_id = ${serviceId}`.execute(t.db)
}

async function dbNow() {
  const { rows } = await sql<{ now: Date }>`SELECT now() AS now`.execute(t.db)
  return rows[0]!.now
}

describe('syncCheckSchedule', () => {
  it('schedules the enabled, unarchived probe services only, and forgets those no longer probed', async () => {
    const probed = await insertProbeService(t.db, { slug: 'sync-probed', checkUrl: 'http://x/' })
    const disabled = await insertProbeService(t.db, {
      slug: 'sync-disabled',
      checkUrl: 'http://x/',
      checkEnabled: false,
    })
    const archived = await insertProbeService(t.db, {
      slug: 'sync-archived',
      checkUrl: 'http://x/',
      archivedAt: new Date(),
    })
    const pushed = await insertProbeService(t.db, { slug: 'sync-pushed', checkMode: 'push' })
    const mine = [probed, disabled, archived, pushed]
    const scheduled = async () =>
      (
        await t.db
          .selectFrom('checkSchedule')
          .select('serviceId')
          .where('serviceId', 'in', mine)
          .execute()
      ).map((r) => r.serviceId)

    expect(await syncCheckSchedule(t.db)).toMatchObject({ added: 1 })
    expect(await scheduled()).toEqual([probed])
    expect(await syncCheckSchedule(t.db)).toEqual({ added: 0, removed: 0 })

    await t.db.updateTable('services').set({ checkMode: 'push' }).where('id', '=', probed).execute()
    expect(await syncCheckSchedule(t.db)).toEqual({ added: 0, removed: 1 })
    expect(await scheduled()).toEqual([])
  })
})

describe('claimDueChecks and recordChecks', () => {
  it('leases a due check to one worker at a time, with its configuration', async () => {
    const id = await insertProbeService(t.db, {
      slug: 'claim-one',
      checkUrl: 'http://127.0.0.1:1/health',
      checkMethod: 'HEAD',
      checkExpectedStatuses: [200, 204],
      checkKeyword: 'ok',
      checkTimeoutMs: 3_000,
      degradedLatencyMs: 800,
    })
    await syncCheckSchedule(t.db)
    const claims = await claimDueChecks(t.db, { workerId: 'a', limit: 100 })
    expect(claims.filter((c) => c.serviceId === id)).toHaveLength(1)
    expect(claims.find((c) => c.serviceId === id)).toMatchObject({
      serviceId: id,
      slug: 'claim-one',
      kind: 'http',
      url: 'http://127.0.0.1:1/health',
      method: 'HEAD',
      expectedStatuses: [200, 204],
      keyword: 'ok',
      timeoutMs: 3_000,
      degradedLatencyMs: 800,
    })
    const row = await schedule(id)
    expect(row.leasedBy).toBe('a')
    // The lease covers the timeout and the margin (15 s by default).
    expect(row.leaseExpiresAt!.getTime() - (await dbNow()).getTime()).toBeGreaterThan(17 * SECOND)
    expect(await claimDueChecks(t.db, { workerId: 'b', limit: 100 })).not.toContainEqual(
      expect.objectContaining({ serviceId: id }),
    )
  })

  it('records the sample at the slot and schedules the next one an interval later', async () => {
    const id = await insertProbeService(t.db, { slug: 'record', checkUrl: 'http://x/' })
    await syncCheckSchedule(t.db)
    await setDue(id, "now() - interval '5 s'")
    const claims = (await claimDueChecks(t.db, { workerId: 'a', limit: 100 })).filter(
      (c) => c.serviceId === id,
    )
    expect(claims).toHaveLength(1)
    const claim = claims[0]!
    expect(await recordChecks(t.db, 'a', [{ claim, result: UP }])).toEqual({
      inserted: 1,
      released: 1,
    })
    expect(await schedule(id)).toEqual({
      serviceId: id,
      nextDueAt: new Date(claim.slot.getTime() + 60 * SECOND),
      leasedBy: null,
      leaseExpiresAt: null,
    })
    const samples = await t.db
      .selectFrom('checkSamples')
      .select(['checkedAt', 'status', 'latencyMs', 'httpStatus', 'error'])
      .where('serviceId', '=', id)
      .execute()
    expect(samples).toEqual([
      { checkedAt: claim.slot, status: 'up', latencyMs: 12, httpStatus: 200, error: null },
    ])
    expect(await claimDueChecks(t.db, { workerId: 'a', limit: 100 })).not.toContainEqual(
      expect.objectContaining({ serviceId: id }),
    )
  })

  it('moves a slot far behind forward in its phase: one check after a long pause, not a burst', async () => {
    const id = await insertProbeService(t.db, { slug: 'behind', checkUrl: 'http://x/' })
    await syncCheckSchedule(t.db)
    const due = new Date(Math.floor(Date.now() / SECOND) * SECOND - 3 * 3_600 * SECOND + 7 * SECOND)
    await t.db
      .updateTable('checkSchedule')
      .set({ nextDueAt: due })
      .where('serviceId', '=', id)
      .execute()
    const claim = (await claimDueChecks(t.db, { workerId: 'a', limit: 100 })).find(
      (c) => c.serviceId === id,
    )!
    const now = await dbNow()
    expect(claim.slot.getTime()).toBeLessThanOrEqual(now.getTime())
    expect(now.getTime() - claim.slot.getTime()).toBeLessThan(60 * SECOND)
    expect((claim.slot.getTime() - due.getTime()) % (60 * SECOND)).toBe(0)
    await recordChecks(t.db, 'a', [{ claim, result: UP }])
    expect((await schedule(id)).nextDueAt).toEqual(new Date(claim.slot.getTime() + 60 * SECOND))
  })

  it('skips the slots a check overran, to the first one after now', async () => {
    const id = await insertProbeService(t.db, {
      slug: 'overran',
      checkUrl: 'http://x/',
      checkIntervalSeconds: 10,
    })
    await syncCheckSchedule(t.db)
    await setDue(id, "now() - interval '2 s'")
    const claim = (await claimDueChecks(t.db, { workerId: 'a', limit: 100 })).find(
      (c) => c.serviceId === id,
    )!
    // As if the check had taken 25 s: its next two slots have passed while it ran.
    const late = { ...claim, slot: new Date(claim.slot.getTime() - 25 * SECOND) }
    await setDue(id, `'${late.slot.toISOString()}'`)
    await recordChecks(t.db, 'a', [{ claim: late, result: UP }])
    const next = (await schedule(id)).nextDueAt
    expect(next.getTime()).toBeGreaterThan((await dbNow()).getTime())
    expect(next.getTime() - late.slot.getTime()).toBe(30 * SECOND)
  })

  it('records but leaves alone a lease that expired and went to another worker', async () => {
    const id = await insertProbeService(t.db, { slug: 'lost-lease', checkUrl: 'http://x/' })
    await syncCheckSchedule(t.db)
    await setDue(id, "now() - interval '1 s'")
    const mine = (await claimDueChecks(t.db, { workerId: 'a', limit: 100 })).find(
      (c) => c.serviceId === id,
    )!
    await sql`UPDATE check_schedule SET lease_expires_at = now() - interval '1 ms'
      WHERE service_id = ${id}`.execute(t.db)
    const theirs = (await claimDueChecks(t.db, { workerId: 'b', limit: 100 })).find(
      (c) => c.serviceId === id,
    )!
    expect(theirs.slot).toEqual(mine.slot)
    // a's late result is stored; b's lease stays as it was.
    expect(await recordChecks(t.db, 'a', [{ claim: mine, result: UP }])).toEqual({
      inserted: 1,
      released: 0,
    })
    expect(await schedule(id)).toMatchObject({
      leasedBy: 'b',
      leaseExpiresAt: theirs.leaseExpiresAt,
    })
    // b's check of the same slot is the same sample: stored once.
    expect(await recordChecks(t.db, 'b', [{ claim: theirs, result: UP }])).toEqual({
      inserted: 0,
      released: 1,
    })
  })

  it('keeps the instant the catalogue set while the check ran', async () => {
    const id = await insertProbeService(t.db, { slug: 'nudged', checkUrl: 'http://x/' })
    await syncCheckSchedule(t.db)
    const claim = (await claimDueChecks(t.db, { workerId: 'a', limit: 100 })).find(
      (c) => c.serviceId === id,
    )!
    // The configuration was edited: check again at once, with the new settings.
    const nudged = new Date(claim.slot.getTime() + 3 * SECOND)
    await t.db
      .updateTable('checkSchedule')
      .set({ nextDueAt: nudged })
      .where('serviceId', '=', id)
      .execute()
    await recordChecks(t.db, 'a', [{ claim, result: UP }])
    expect(await schedule(id)).toMatchObject({ nextDueAt: nudged, leasedBy: null })
  })

  it('claims no service that stopped being probed before the schedule was synced', async () => {
    const id = await insertProbeService(t.db, { slug: 'disabled-late', checkUrl: 'http://x/' })
    await syncCheckSchedule(t.db)
    await t.db.updateTable('services').set({ checkEnabled: false }).where('id', '=', id).execute()
    expect(await claimDueChecks(t.db, { workerId: 'a', limit: 100 })).not.toContainEqual(
      expect.objectContaining({ serviceId: id }),
    )
  })
})
