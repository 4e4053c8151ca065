import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { SMTP_NOT_CONFIGURED } from './deliver.ts'
import { backoffMs } from './deliveries.ts'
import { runDueSchedules } from './run-due.ts'
import {
  attachmentOf,
  fakeReports,
  insertSchedule,
  startSmtp,
  startWebhook,
  textOf,
} from './test-kit.ts'

const NOW = new Date('2026-12-01T08:00:00Z')
const MIN = 60_000
const clock = { now: NOW }
const reports = fakeReports(clock)
let database: TestDatabase
let smtp: Awaited<ReturnType<typeof startSmtp>>
let hook: Awaited<ReturnType<typeof startWebhook>>
beforeAll(async () => {
  database = await createTestDatabase()
  smtp = await startSmtp()
  hook = await startWebhook()
})
afterEach(async () => {
  await database.db.deleteFrom('reportSchedules').execute()
  smtp.received.length = 0
  hook.requests.length = 0
  clock.now = NOW
})
afterAll(async () => {
  await Promise.all([smtp.close(), hook.close()])
  await database.drop()
})

const at = (minutes: number) => (clock.now = new Date(NOW.getTime() + minutes * MIN))
const mail = () => ({ transport: smtp.url, from: 'reports@opsdeck.example.com' })
const deliveryOf = (scheduleId: number) =>
  database.db
    .selectFrom('reportDeliveries')
    .selectAll()
    .where('scheduleId', '=', scheduleId)
    .executeTakeFirstOrThrow()
const linkRevoked = async (id: number) =>
  (
    await database.db
      .selectFrom('reportShareLinks')
      .select('revokedAt')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).revokedAt

describe('a failed delivery', () => {
  it('backs off 1, 2, 4 … minutes, at most an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffMs(n) / MIN)).toEqual([
      1, 2, 4, 8, 16, 32, 60, 60,
    ])
  })

  it('refused by the SMTP server is tried again after a minute, and then sent', async () => {
    const { id } = await insertSchedule(database.db, {
      name: 'Pack',
      nextRunAt: NOW,
      emailTo: ['a@example.com'],
    })
    smtp.state.reject = 1
    const run = () => runDueSchedules(database.db, reports.deps('w1', { mail: mail() }))
    expect(await run()).toMatchObject({ runs: 1, frozen: 1, sent: 0, failed: 1 })
    const failed = await deliveryOf(id)
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, sentAt: null, leasedBy: null })
    expect(failed.lastError).toMatch(/550 Mailbox unavailable/)
    expect(failed.lastError).not.toContain('smtp://')
    expect(failed.nextAttemptAt).toEqual(new Date(NOW.getTime() + MIN))
    // The failed attempt's share link went nowhere: it no longer opens anything.
    expect(await linkRevoked(reports.tokens.at(-1)!.id)).toEqual(NOW)
    expect(smtp.received).toHaveLength(0)

    at(0.5)
    expect(await run()).toMatchObject({ sent: 0, failed: 0 })
    at(1)
    expect(await run()).toMatchObject({ sent: 1, failed: 0 })
    expect(await deliveryOf(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null })
    expect(smtp.received).toHaveLength(1)
    expect(await linkRevoked(reports.tokens.at(-1)!.id)).toBeNull()
    // No PDF renderer (no Chromium): the mail goes with the link alone.
    const raw = smtp.received[0]!.raw
    expect(attachmentOf(raw)).toBeNull()
    expect(textOf(raw)).toContain('Print it or save it as a PDF from the page.')
  })

  it('by email without SMTP says so, and is given up after six attempts', async () => {
    const { id } = await insertSchedule(database.db, {
      name: 'Pack',
      nextRunAt: NOW,
      emailTo: ['a@example.com'],
    })
    const run = () => runDueSchedules(database.db, reports.deps('w1', { mail: null }))
    let minutes = 0
    const waits: number[] = []
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      expect(await run()).toMatchObject({ failed: 1 })
      const d = await deliveryOf(id)
      expect(d).toMatchObject({ attempts: attempt, lastError: SMTP_NOT_CONFIGURED })
      expect(d.status).toBe(attempt < 6 ? 'pending' : 'failed')
      const wait = (d.nextAttemptAt.getTime() - clock.now.getTime()) / MIN
      waits.push(wait)
      minutes += wait
      at(minutes)
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32])
    expect(await run()).toMatchObject({ sent: 0, failed: 0 })
    expect((await deliveryOf(id)).attempts).toBe(6)
  })
})

describe('a scheduled report by webhook', () => {
  it('POSTs what was frozen and its share link; a 500 is tried again', async () => {
    const { id } = await insertSchedule(database.db, {
      name: 'Weekly ops',
      nextRunAt: NOW,
      webhookUrl: hook.url,
    })
    hook.state.statuses = [500]
    const run = () => runDueSchedules(database.db, reports.deps('w1'))
    expect(await run()).toMatchObject({ sent: 0, failed: 1 })
    expect(await deliveryOf(id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'the webhook answered HTTP 500',
    })
    at(1)
    expect(await run()).toMatchObject({ sent: 1, failed: 0 })
    const delivery = await deliveryOf(id)
    expect(delivery).toMatchObject({ status: 'sent', attempts: 2, sentAt: clock.now })
    expect(hook.requests).toHaveLength(2)
    const last = hook.requests[1]!
    expect(last.headers['content-type']).toBe('application/json')
    expect(last.body).toEqual({
      schedule: { id, name: 'Weekly ops' },
      period: {
        kind: 'month',
        firstDay: '2026-11-01',
        lastDay: '2026-11-30',
        label: 'November 2026',
      },
      snapshotId: delivery.snapshotId,
      shareUrl: `https://opsdeck.example.com/shared/${reports.tokens.at(-1)!.token}`,
      frozenAt: NOW.toISOString(),
    })
  })

  it('that does not answer in time, or cannot be reached, is a failed attempt', async () => {
    const { id } = await insertSchedule(database.db, {
      name: 'Slow',
      nextRunAt: NOW,
      webhookUrl: hook.url,
    })
    hook.state.hang = 1
    const deps = reports.deps('w1', { webhookTimeoutMs: 200 })
    expect(await runDueSchedules(database.db, deps)).toMatchObject({ sent: 0, failed: 1 })
    expect((await deliveryOf(id)).lastError).toBe('the webhook did not answer within 0.2 s')
    // A port nothing listens on any more: the connection is refused at once.
    const closed = await startWebhook()
    await closed.close()
    await database.db
      .updateTable('reportSchedules')
      .set({ webhookUrl: `${closed.url}?token=secret` })
      .where('id', '=', id)
      .execute()
    at(1)
    expect(await runDueSchedules(database.db, deps)).toMatchObject({ sent: 0, failed: 1 })
    const d = await deliveryOf(id)
    expect(d).toMatchObject({ attempts: 2, lastError: 'fetch failed (ECONNREFUSED)' })
  })

  it('and by email at once: one snapshot, each channel its own delivery', async () => {
    const { id } = await insertSchedule(database.db, {
      name: 'Both',
      nextRunAt: NOW,
      webhookUrl: hook.url,
      emailTo: ['a@example.com'],
    })
    const outcome = await runDueSchedules(database.db, reports.deps('w1', { mail: mail() }))
    expect(outcome).toEqual({ runs: 1, frozen: 1, sent: 2, failed: 0 })
    const rows = await database.db
      .selectFrom('reportDeliveries')
      .select(['channel', 'status', 'snapshotId'])
      .where('scheduleId', '=', id)
      .orderBy('channel')
      .execute()
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['email', 'sent'],
      ['webhook', 'sent'],
    ])
    expect(rows[0]?.snapshotId).toBe(rows[1]?.snapshotId)
    expect(smtp.received).toHaveLength(1)
    expect(hook.requests).toHaveLength(1)
  })
})
