import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { Hono } from 'hono'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEnv } from '../../app-env.ts'
import type { Actor } from '../../auth/actor.ts'
import { errorEnvelope } from '../../lib/openapi.ts'
import { reportSchedules } from './routes.ts'
import { DeliveryLog, Schedule, ScheduleList } from './schemas.ts'
import { createUser, expectMatches, type TestUser } from '../../../test/helpers.ts'

// The sub-app on its own, as app.ts will mount it: the caller is set as authenticate() would.
// Thu 3 December 2026, 10:00 London.
const NOW = new Date('2026-12-03T10:00:00Z')
let database: TestDatabase
let manager: TestUser
let viewer: TestUser
const asUser = (u: TestUser): Actor => ({ type: 'user', user: u, sessionId: 'ab' })
const callers: Record<string, () => Actor> = {
  manager: () => asUser(manager),
  viewer: () => asUser(viewer),
  readToken: () => ({ type: 'token', token: { id: 1, name: 't', scopes: ['read'] } }),
}
const app = new Hono<AppEnv>()
  .use(async (c, next) => {
    c.set('db', database.db)
    c.set('now', NOW)
    c.set('log', pino({ level: 'silent' }))
    c.set('requestId', 'test-request')
    c.set('actor', callers[c.req.header('x-caller') ?? 'manager']!())
    await next()
  })
  .route('/reports/schedules', reportSchedules)
beforeAll(async () => {
  database = await createTestDatabase()
  manager = await createUser(database.db, 'manager')
  viewer = await createUser(database.db, 'viewer')
})
afterAll(() => database.drop())

const send = (method: string, path: string, body?: unknown, caller = 'manager') =>
  app.request(`/reports/schedules${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', 'x-caller': caller },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
const MONTHLY = { name: 'Monthly pack', periodKind: 'month', emailTo: ['Board@Example.com'] }
const bad = async (res: Response) => {
  expect(res.status).toBe(400)
  return expectMatches(errorEnvelope(['validation_failed']), await res.json()).error.details ?? []
}

describe('report schedules', () => {
  it('are added with their first run, listed, and audited', async () => {
    const res = await send('POST', '', MONTHLY)
    expect(res.status).toBe(201)
    const made = expectMatches(Schedule, await res.json())
    expect(made).toMatchObject({
      name: 'Monthly pack',
      runAtLocal: '08:00',
      emailTo: ['board@example.com'],
      webhookUrl: null,
      shareDays: 30,
      enabled: true,
      // Friday 1 January 2027 is New Year's Day: Monday 4th, 08:00 GMT.
      nextRunAt: '2027-01-04T08:00:00.000Z',
      createdAt: NOW.toISOString(),
    })
    const list = expectMatches(
      ScheduleList,
      await (await send('GET', '', undefined, 'viewer')).json(),
    )
    expect(list.schedules.map((s) => s.id)).toContain(made.id)
    const audit = await database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entity', '=', 'report_schedule')
      .where('entityId', '=', String(made.id))
      .execute()
    expect(audit).toMatchObject([{ action: 'create', actorUserId: manager.id }])
  })

  it('refuse bad input, naming the field, and a schedule with nowhere to deliver', async () => {
    expect(await bad(await send('POST', '', { ...MONTHLY, emailTo: [] }))).toEqual([
      { path: 'json.emailTo', message: 'needs at least one email address or a webhook URL' },
    ])
    const cases: [Record<string, unknown>, string][] = [
      [{ runAtLocal: '8:00' }, 'json.runAtLocal'],
      [{ runAtLocal: '24:00' }, 'json.runAtLocal'],
      [{ periodKind: 'year' }, 'json.periodKind'],
      [{ emailTo: ['not an address'] }, 'json.emailTo.0'],
      [{ emailTo: Array.from({ length: 21 }, (_, i) => `p${i}@example.com`) }, 'json.emailTo'],
      [{ webhookUrl: 'ftp://example.com/x' }, 'json.webhookUrl'],
      [{ shareDays: 0 }, 'json.shareDays'],
      [{ shareDays: 366 }, 'json.shareDays'],
      [{ nextRunAt: NOW.toISOString() }, 'json'],
    ]
    for (const [change, path] of cases) {
      const details = await bad(await send('POST', '', { ...MONTHLY, ...change }))
      expect(
        details.map((d) => d.path),
        JSON.stringify(change),
      ).toContain(path)
    }
  })

  it('refuse a webhook URL that could never be delivered to, saying why', async () => {
    const cases: [string, string][] = [
      [
        'https://user:pass@hooks.example.com/x',
        'must not hold a user name or password (user:pass@): put the secret in the path or query',
      ],
      [
        'http://2852039166/latest/meta-data/',
        'cannot be delivered to: target address 169.254.169.254 is link-local: refused (cloud metadata)',
      ],
      [
        'http://[::ffff:169.254.169.254]/',
        'cannot be delivered to: target address ::ffff:a9fe:a9fe is link-local: refused (cloud metadata)',
      ],
      [
        'http://0.0.0.0:8080/x',
        'cannot be delivered to: target address 0.0.0.0 is unspecified: refused',
      ],
      [
        'http://127.0.0.1:9000/hook',
        'cannot be delivered to: target address 127.0.0.1 is loopback (this server itself): refused',
      ],
    ]
    const made = expectMatches(Schedule, await (await send('POST', '', MONTHLY)).json())
    for (const [webhookUrl, message] of cases) {
      const posted = await bad(await send('POST', '', { ...MONTHLY, webhookUrl }))
      expect(posted, webhookUrl).toEqual([{ path: 'json.webhookUrl', message }])
      const patched = await bad(await send('PATCH', `/${made.id}`, { webhookUrl }))
      expect(patched, webhookUrl).toEqual([{ path: 'json.webhookUrl', message }])
    }
    const after = await database.db
      .selectFrom('reportSchedules')
      .select('webhookUrl')
      .where('id', '=', made.id)
      .executeTakeFirstOrThrow()
    expect(after.webhookUrl).toBeNull()
    // A private network is what an IT department runs webhooks on: accepted.
    const res = await send('PATCH', `/${made.id}`, { webhookUrl: 'http://10.0.0.5:8080/opsdeck' })
    expect(res.status).toBe(200)
  })

  it('are changed, moving the next run when the time changes; never left without a channel', async () => {
    const made = expectMatches(Schedule, await (await send('POST', '', MONTHLY)).json())
    const res = await send('PATCH', `/${made.id}`, {
      periodKind: 'week',
      runAtLocal: '07:30',
      webhookUrl: 'https://hooks.example.com/opsdeck',
    })
    expect(res.status).toBe(200)
    // Monday 7 December, 07:30 GMT.
    expect(expectMatches(Schedule, await res.json())).toMatchObject({
      periodKind: 'week',
      runAtLocal: '07:30',
      webhookUrl: 'https://hooks.example.com/opsdeck',
      nextRunAt: '2026-12-07T07:30:00.000Z',
      updatedAt: NOW.toISOString(),
    })
    expect((await send('PATCH', `/${made.id}`, { emailTo: [] })).status).toBe(200)
    expect(await bad(await send('PATCH', `/${made.id}`, { webhookUrl: null }))).toEqual([
      { path: 'json.emailTo', message: 'needs at least one email address or a webhook URL' },
    ])
    expect((await send('PATCH', '/999999', { name: 'x' })).status).toBe(404)
  })

  it('show their delivery log newest first, and go with it when deleted', async () => {
    const made = expectMatches(Schedule, await (await send('POST', '', MONTHLY)).json())
    const runs = ['2026-10-01T07:00:00Z', '2026-12-01T08:00:00Z', '2026-11-02T08:00:00Z']
    await database.db
      .insertInto('reportDeliveries')
      .values(runs.map((runFor) => ({ scheduleId: made.id, runFor, channel: 'email' as const })))
      .execute()
    const res = await send('GET', `/${made.id}/deliveries`, undefined, 'readToken')
    const { deliveries } = expectMatches(DeliveryLog, await res.json())
    expect(deliveries.map((d) => d.runFor)).toEqual(
      [runs[1], runs[2], runs[0]].map((r) => new Date(r!).toISOString()),
    )
    expect(deliveries[0]).toMatchObject({ status: 'pending', attempts: 0, lastError: null })

    expect((await send('DELETE', `/${made.id}`)).status).toBe(204)
    expect((await send('DELETE', `/${made.id}`)).status).toBe(404)
    expect((await send('GET', `/${made.id}/deliveries`)).status).toBe(404)
    const left = await database.db
      .selectFrom('reportDeliveries')
      .select('id')
      .where('scheduleId', '=', made.id)
      .execute()
    expect(left).toEqual([])
  })

  it('are read by anyone who may read, and written by managers and admins only', async () => {
    const hook = 'https://chat.example.com/hooks/T000/B000/secret-part?key=also-secret'
    const made = expectMatches(
      Schedule,
      await (await send('POST', '', { ...MONTHLY, webhookUrl: hook })).json(),
    )
    expect(made.webhookUrl).toBe(hook)
    for (const reader of ['viewer', 'readToken']) {
      const res = await send('GET', '', undefined, reader)
      expect(res.status).toBe(200)
      const { schedules } = expectMatches(ScheduleList, await res.json())
      // A reader sees where the webhook goes, never its secret.
      expect(schedules.find((s) => s.id === made.id)?.webhookUrl).toBe('https://chat.example.com/…')
    }
    const { schedules } = expectMatches(ScheduleList, await (await send('GET', '')).json())
    expect(schedules.find((s) => s.id === made.id)?.webhookUrl).toBe(hook)
    expect((await send('POST', '', MONTHLY, 'viewer')).status).toBe(403)
    expect((await send('POST', '', MONTHLY, 'readToken')).status).toBe(403)
    expect((await send('DELETE', '/1', undefined, 'viewer')).status).toBe(403)
  })
})
