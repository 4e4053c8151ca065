import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { guardedFetch } from '@opsdeck/worker'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { SMTP_NOT_CONFIGURED } from './deliver.ts'
import { backoffMs } from './deliveries.ts'
import { listShareLinks } from '../share/links.ts'
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
const linkOf = (id: number) =>
  database.db
    .selectFrom('reportShareLinks')
    .select(['id', 'revokedAt'])
    .where('id', '=', id)
    .executeTakeFirst()

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
    // The failed attempt's share link went nowhere: it is gone, so it opens nothing and does not
    // sit in the snapshot's list of links.
    const failedLink = reports.tokens.at(-1)!.id
    expect(await linkOf(failedLink)).toBeUndefined()
    expect(smtp.received).toHaveLength(0)

    at(0.5)
    expect(await run()).toMatchObject({ sent: 0, failed: 0 })
    at(1)
    expect(await run()).toMatchObject({ sent: 1, failed: 0 })
    // The log still says what went wrong on the way: sent after 2 attempts, the last error kept.
    const sent = await deliveryOf(id)
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, sentAt: clock.now })
    expect(sent.lastError).toMatch(/550 Mailbox unavailable/)
    expect(smtp.received).toHaveLength(1)
    const sentLink = reports.tokens.at(-1)!.id
    expect(sentLink).not.toBe(failedLink)
    expect(await linkOf(sentLink)).toEqual({ id: sentLink, revokedAt: null })
    const links = await listShareLinks(database.db, sent.snapshotId!)
    expect(links.map((l) => l.id)).toEqual([sentLink])
    // No PDF renderer (no Chromium): the mail goes with the link alone.
    const raw = smtp.received[0]!.raw
    expect(attachmentOf(raw)).toBeNull()
    expect(textOf(raw)).toContain('Print it or save it as a PDF from the page.')
  })

  it('by email without SMTP says so, and is given up at once: trying again cannot mend it', async () => {
    const { id } = await insertSchedule(database.db, {
      name: 'Pack',
      nextRunAt: NOW,
      emailTo: ['a@example.com'],
    })
    const run = () => runDueSchedules(database.db, reports.deps('w1', { mail: null }))
    expect(await run()).toMatchObject({ sent: 0, failed: 1 })
    expect(await deliveryOf(id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: SMTP_NOT_CONFIGURED,
      leasedBy: null,
      sentAt: null,
    })
    at(120)
    expect(await run()).toMatchObject({ sent: 0, failed: 0 })
    expect((await deliveryOf(id)).attempts).toBe(1)
  })

  it('that may mend is tried six times, 1, 2, 4, 8, 16 minutes apart, then given up', async () => {
    const { id } = await insertSchedule(database.db, {
      name: 'Flaky',
      nextRunAt: NOW,
      webhookUrl: hook.url,
    })
    hook.state.statuses = [500, 502, 503, 500, 500, 504]
    const run = () => runDueSchedules(database.db, reports.deps('w1'))
    let minutes = 0
    const waits: number[] = []
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      expect(await run()).toMatchObject({ failed: 1 })
      const d = await deliveryOf(id)
      expect(d).toMatchObject({ attempts: attempt, lastError: /^the webhook answered HTTP 50\d$/ })
      expect(d.status).toBe(attempt < 6 ? 'pending' : 'failed')
      if (attempt === 6) break
      const wait = (d.nextAttemptAt.getTime() - clock.now.getTime()) / MIN
      waits.push(wait)
      minutes += wait
      at(minutes)
    }
    expect(waits).toEqual([1, 2, 4, 8, 16])
    expect((await deliveryOf(id)).lastError).toBe('the webhook answered HTTP 504')
    at(minutes + 24 * 60)
    expect(await run()).toMatchObject({ sent: 0, failed: 0 })
    expect(hook.requests).toHaveLength(6)
    // Each failed attempt's link was deleted: none is left for the snapshot's list.
    const { snapshotId } = await deliveryOf(id)
    expect(await listShareLinks(database.db, snapshotId!)).toEqual([])
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
    // Each attempt is told, by channel, for /metrics.
    const attempts: string[] = []
    const run = () =>
      runDueSchedules(database.db, {
        ...reports.deps('w1'),
        delivered: (channel, outcome) => attempts.push(`${channel} ${outcome}`),
      })
    expect(await run()).toMatchObject({ sent: 0, failed: 1 })
    expect(attempts).toEqual(['webhook failed'])
    expect(await deliveryOf(id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'the webhook answered HTTP 500',
    })
    at(1)
    expect(await run()).toMatchObject({ sent: 1, failed: 0 })
    expect(attempts).toEqual(['webhook failed', 'webhook sent'])
    const delivery = await deliveryOf(id)
    expect(delivery).toMatchObject({
      status: 'sent',
      attempts: 2,
      sentAt: clock.now,
      lastError: 'the webhook answered HTTP 500',
    })
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

  it('to an address the send policy refuses is given up at once, never reaching it', async () => {
    const { id } = await insertSchedule(database.db, {
      name: 'Loopback',
      nextRunAt: NOW,
      webhookUrl: `${hook.url}?token=secret`,
    })
    // The worker's own guarded fetch, as index.ts passes it, with loopback not allowed.
    const deps = reports.deps('w1', { fetch: guardedFetch({ allowLoopback: false }) })
    expect(await runDueSchedules(database.db, deps)).toMatchObject({ sent: 0, failed: 1 })
    const d = await deliveryOf(id)
    expect(d).toMatchObject({ status: 'failed', attempts: 1, leasedBy: null })
    expect(d.lastError).toBe(
      'fetch failed (target address 127.0.0.1 is loopback: refused; set OPSDECK_PROBE_ALLOW_LOOPBACK=true to allow)',
    )
    expect(hook.requests).toHaveLength(0)
    expect(await listShareLinks(database.db, d.snapshotId!)).toEqual([])
    at(120)
    expect(await runDueSchedules(database.db, deps)).toMatchObject({ sent: 0, failed: 0 })
    expect((await deliveryOf(id)).attempts).toBe(1)
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
      .select(['channel', 'status', 'lastError', 'snapshotId'])
      .where('scheduleId', '=', id)
      .orderBy('channel')
      .execute()
    expect(rows.map((r) => [r.channel, r.status, r.lastError])).toEqual([
      ['email', 'sent', null],
      ['webhook', 'sent', null],
    ])
    expect(rows[0]?.snapshotId).toBe(rows[1]?.snapshotId)
    expect(smtp.received).toHaveLength(1)
    expect(hook.requests).toHaveLength(1)
  })
})
