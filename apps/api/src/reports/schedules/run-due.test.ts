import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { claimDueRuns, leaseRunToFreeze } from './claim.ts'
import { leaseDelivery } from './deliveries.ts'
import { periodOfRun } from './next-run.ts'
import { runDueSchedules } from './run-due.ts'
import { attachmentOf, fakeReports, insertSchedule, startSmtp, textOf } from './test-kit.ts'

// Tue 1 December 2026, 08:00 London (GMT): the first working day of the month.
const NOW = new Date('2026-12-01T08:00:00Z')
const MIN = 60_000
const clock = { now: NOW }
const reports = fakeReports(clock)
let database: TestDatabase
let smtp: Awaited<ReturnType<typeof startSmtp>>
beforeAll(async () => {
  database = await createTestDatabase()
  smtp = await startSmtp()
})
afterEach(async () => {
  await database.db.deleteFrom('reportSchedules').execute()
  smtp.received.length = 0
  clock.now = NOW
})
afterAll(async () => {
  await smtp.close()
  await database.drop()
})

const mail = () => ({ transport: smtp.url, from: 'opsdeck <reports@opsdeck.example.com>' })
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff])
const worker = (id: string) =>
  reports.deps(id, { mail: mail(), renderPdf: () => Promise.resolve(PDF) })
const run = (id: string) => runDueSchedules(database.db, worker(id))
const snapshotsOf = (scheduleId: number) =>
  database.db
    .selectFrom('reportSnapshots')
    .selectAll()
    .where('scheduleId', '=', scheduleId)
    .execute()
const deliveriesOf = (scheduleId: number) =>
  database.db
    .selectFrom('reportDeliveries')
    .selectAll()
    .where('scheduleId', '=', scheduleId)
    .execute()

describe('a scheduled report by email', () => {
  it('is sent once, with its link and PDF, though two workers run it at the same moment', async () => {
    const { id } = await insertSchedule(database.db, {
      name: 'Monthly pack',
      nextRunAt: NOW,
      emailTo: ['board@example.com', 'cfo@example.com'],
    })
    const freezes = reports.calls.freeze
    await Promise.all([run('worker-a'), run('worker-b'), run('worker-a'), run('worker-b')])
    await Promise.all([run('worker-b'), run('worker-a')])

    expect(smtp.received).toHaveLength(1)
    const [sent] = smtp.received
    expect(sent?.to).toEqual(['board@example.com', 'cfo@example.com'])
    expect(sent?.from).toBe('reports@opsdeck.example.com')
    const text = textOf(sent?.raw ?? '')
    expect(text).toMatch(/^Subject: Monthly pack: November 2026\r$/m)
    const { token } = reports.tokens.at(-1)!
    expect(text).toContain(`https://opsdeck.example.com/shared/${token}`)
    expect(text).toContain('the link expires on 2026-12-31')
    expect(attachmentOf(sent?.raw ?? '')).toEqual(Buffer.from(PDF))
    expect(text).toMatch(/filename=Monthly-pack-2026-11-01\.pdf/)

    const snapshots = await snapshotsOf(id)
    expect(reports.calls.freeze - freezes).toBe(1)
    expect(snapshots.map((s) => [s.periodKind, s.firstDay, s.lastDay])).toEqual([
      ['month', '2026-11-01', '2026-11-30'],
    ])
    expect(await deliveriesOf(id)).toMatchObject([
      {
        channel: 'email',
        runFor: NOW,
        status: 'sent',
        attempts: 1,
        sentAt: NOW,
        snapshotId: snapshots[0]?.id,
        lastError: null,
      },
    ])
    // The next run is January's first working day: Friday 1st is New Year's Day, so Monday 4th.
    const schedule = await database.db
      .selectFrom('reportSchedules')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(schedule.nextRunAt).toEqual(new Date('2027-01-04T08:00:00Z'))
  })

  it('is frozen once when a worker dies after freezing, before noting the snapshot', async () => {
    const { id } = await insertSchedule(database.db, {
      name: 'Pack',
      nextRunAt: NOW,
      emailTo: ['a@example.com'],
    })
    const freezes = reports.calls.freeze
    // Worker A makes the run, leases it to freeze, freezes it, and dies.
    expect(await claimDueRuns(database.db, NOW)).toBe(1)
    expect(await claimDueRuns(database.db, NOW)).toBe(0)
    const leased = await leaseRunToFreeze(database.db, NOW, 'worker-a')
    expect(leased?.deliveryIds).toHaveLength(1)
    expect(await leaseRunToFreeze(database.db, NOW, 'worker-b')).toBeUndefined()
    const period = periodOfRun('month', NOW, 'Europe/London')
    const by = { userId: null, name: 'Schedule' }
    await worker('worker-a').freeze(database.db, { period, now: NOW, by, scheduleId: id })
    // While A's lease lasts, B leaves the run alone.
    clock.now = new Date(NOW.getTime() + MIN)
    expect(await run('worker-b')).toEqual({ runs: 0, frozen: 0, sent: 0, failed: 0 })
    expect(smtp.received).toHaveLength(0)
    // Once it has lapsed, B takes the run over and finds A's snapshot rather than freezing again.
    clock.now = new Date(NOW.getTime() + 3 * MIN)
    expect(await run('worker-b')).toEqual({ runs: 0, frozen: 1, sent: 1, failed: 0 })
    expect(reports.calls.freeze - freezes).toBe(1)
    const snapshots = await snapshotsOf(id)
    expect(snapshots).toHaveLength(1)
    expect(await deliveriesOf(id)).toMatchObject([
      { status: 'sent', snapshotId: snapshots[0]?.id, attempts: 1 },
    ])
    expect(smtp.received).toHaveLength(1)
  })

  it('leased by a worker that died is sent by another once the lease lapses, not before', async () => {
    const { id } = await insertSchedule(database.db, {
      name: 'Pack',
      nextRunAt: new Date('2027-01-04T08:00:00Z'),
      emailTo: ['a@example.com'],
    })
    const period = periodOfRun('month', NOW, 'Europe/London')
    const by = { userId: null, name: 'Schedule' }
    const snapshot = await worker('x').freeze(database.db, { period, now: NOW, by, scheduleId: id })
    await database.db
      .insertInto('reportDeliveries')
      .values({
        scheduleId: id,
        runFor: NOW,
        channel: 'email',
        snapshotId: snapshot.id,
        nextAttemptAt: NOW,
      })
      .execute()
    const [a, b] = await Promise.all([
      leaseDelivery(database.db, NOW, 'worker-a'),
      leaseDelivery(database.db, NOW, 'worker-b'),
    ])
    expect([a, b].filter((x) => x !== undefined)).toHaveLength(1)
    clock.now = new Date(NOW.getTime() + MIN)
    expect(await run('worker-c')).toMatchObject({ sent: 0 })
    clock.now = new Date(NOW.getTime() + 2 * MIN + 1)
    expect(await run('worker-c')).toMatchObject({ sent: 1 })
    expect(await run('worker-a')).toMatchObject({ sent: 0 })
    expect(smtp.received).toHaveLength(1)
    expect(await deliveriesOf(id)).toMatchObject([{ status: 'sent', leasedBy: null }])
  })

  it('is left to the worker that took it over when a slow PDF outlasted the lease', async () => {
    const { id } = await insertSchedule(database.db, {
      name: 'Pack',
      nextRunAt: NOW,
      emailTo: ['a@example.com'],
    })
    let tookOver: unknown
    // Worker A's PDF takes three minutes; meanwhile worker B takes the lapsed lease and sends.
    const slowPdf = async () => {
      clock.now = new Date(NOW.getTime() + 3 * MIN)
      tookOver = await run('worker-b')
      return PDF
    }
    const a = await runDueSchedules(
      database.db,
      reports.deps('worker-a', { mail: mail(), renderPdf: slowPdf }),
    )
    expect(tookOver).toMatchObject({ sent: 1 })
    expect(a).toMatchObject({ frozen: 1, sent: 0 })
    expect(smtp.received).toHaveLength(1)
    expect(await deliveriesOf(id)).toMatchObject([
      { status: 'sent', attempts: 1, lastError: null, leasedBy: null },
    ])
  })
})
