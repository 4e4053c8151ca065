import type { ErrorCode } from '@opsdeck/contract'
import { rebuildRollups } from '@opsdeck/db'
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  createToken,
  expectMatches,
  loginAs,
  postJson,
  useClockedApp,
} from '../../../test/helpers.ts'
import { errorEnvelope } from '../../lib/openapi.ts'
import { CheckIngested } from './schemas.ts'

const NOW = new Date('2026-11-04T12:00:00Z')
const ctx = useClockedApp(NOW)
let ingest: Record<string, string>
beforeAll(async () => {
  ingest = (await createToken(ctx.db, ['ingest'])).headers
})

let n = 0
async function newService(opts: { archived?: boolean } = {}) {
  const slug = `checks-${++n}`
  const row = await ctx.db
    .insertInto('services')
    .values({ slug, name: slug, tier: 2, sloTarget: 0.999, archivedAt: opts.archived ? NOW : null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id, slug }
}

const post = (body: unknown, headers = ingest) => postJson(ctx, '/api/v1/checks', body, headers)
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString()
const up = (service: string, at: string, latencyMs = 100) => ({
  service,
  at,
  status: 'up',
  latencyMs,
  statusCode: 200,
})

async function accepted(res: Response) {
  expect(res.status, await res.clone().text()).toBe(200)
  return expectMatches(CheckIngested, await res.json())
}
async function refused(res: Response, code: ErrorCode) {
  expect(res.status).toBe(422)
  const { error } = expectMatches(errorEnvelope([code]), await res.json())
  return { message: error.message, details: error.details ?? [] }
}

/** The service's raw samples (with their partition) and rollups, oldest first. */
async function stored(serviceId: number) {
  const raw = await ctx.db
    .selectFrom('checkSamples')
    .selectAll()
    .select(sql<string>`tableoid::regclass::text`.as('partition'))
    .where('serviceId', '=', serviceId)
    .orderBy('checkedAt')
    .execute()
  const rollups = (table: 'checkRollupHourly' | 'checkRollupDaily') =>
    ctx.db
      .selectFrom(table)
      .selectAll()
      .where('serviceId', '=', serviceId)
      .orderBy('bucketStart')
      .execute()
  return {
    raw,
    hourly: await rollups('checkRollupHourly'),
    daily: await rollups('checkRollupDaily'),
  }
}

describe('POST /api/v1/checks', () => {
  it('stores a batch with its rollups; a replay stores nothing and changes no rollup', async () => {
    const [a, b] = [await newService(), await newService()]
    const samples = [
      up(a.slug, minutesAgo(3)),
      { ...up(a.slug, minutesAgo(2)), status: 'degraded', latencyMs: 2500 },
      { service: a.slug, at: minutesAgo(1), status: 'down', latencyMs: null, error: 'timeout' },
      up(b.slug, '2026-11-04T12:04:59+01:00'), // 11:04:59Z, with an offset
    ]
    expect(await accepted(await post({ samples }))).toEqual({ inserted: 4, duplicates: 0 })
    const before = { a: await stored(a.id), b: await stored(b.id) }
    expect(before.a.raw.map((r) => [r.status, r.latencyMs, r.httpStatus, r.error])).toEqual([
      ['up', 100, 200, null],
      ['degraded', 2500, 200, null],
      ['down', null, null, 'timeout'],
    ])
    expect(before.b.raw[0]?.checkedAt).toEqual(new Date('2026-11-04T11:04:59Z'))
    expect(before.a.hourly).toMatchObject([{ samples: 3, up: 1, degraded: 1, down: 1 }])
    expect(before.a.daily).toMatchObject([{ bucketStart: new Date('2026-11-04T00:00Z') }])

    expect(await accepted(await post({ samples }))).toEqual({ inserted: 0, duplicates: 4 })
    expect({ a: await stored(a.id), b: await stored(b.id) }).toEqual(before)
  })

  it('puts late and out-of-order samples into their own partitions and rollup buckets', async () => {
    const s = await newService()
    await accepted(await post({ samples: [up(s.slug, '2026-11-04T11:00:00Z', 50)] }))
    const late = [
      up(s.slug, '2026-11-04T11:30:00Z', 70), // into an hour already rolled up
      up(s.slug, '2026-10-20T23:30:00Z', 300), // two weeks late, 00:30 BST on 21 October
      { service: s.slug, at: '2026-11-04T10:15:00Z', status: 'down', latencyMs: null },
      up(s.slug, '2026-10-20T08:00:00Z', 200),
      up(s.slug, '2026-11-04T11:00:00Z', 999), // already stored: a duplicate, not an update
    ]
    expect(await accepted(await post({ samples: late }))).toEqual({ inserted: 4, duplicates: 1 })
    const after = await stored(s.id)
    expect(after.raw.map((r) => [r.checkedAt.toISOString(), r.partition, r.latencyMs])).toEqual([
      ['2026-10-20T08:00:00.000Z', 'check_samples_20261020', 200],
      ['2026-10-20T23:30:00.000Z', 'check_samples_20261020', 300],
      ['2026-11-04T10:15:00.000Z', 'check_samples_20261104', null],
      ['2026-11-04T11:00:00.000Z', 'check_samples_20261104', 50],
      ['2026-11-04T11:30:00.000Z', 'check_samples_20261104', 70],
    ])
    const hourly = after.hourly.map((h) => [h.bucketStart.toISOString(), h.samples, h.down])
    expect(hourly).toEqual([
      ['2026-10-20T08:00:00.000Z', 1, 0],
      ['2026-10-20T23:00:00.000Z', 1, 0],
      ['2026-11-04T10:00:00.000Z', 1, 1],
      ['2026-11-04T11:00:00.000Z', 2, 0],
    ])
    // London days: 20 and 21 October (BST), 4 November (GMT).
    const daily = after.daily.map((d) => [d.bucketStart.toISOString(), d.samples])
    expect(daily).toEqual([
      ['2026-10-19T23:00:00.000Z', 1],
      ['2026-10-20T23:00:00.000Z', 1],
      ['2026-11-04T00:00:00.000Z', 3],
    ])
    // As a rebuild from the raw samples would make them.
    await ctx.db.deleteFrom('checkRollupHourly').where('serviceId', '=', s.id).execute()
    await ctx.db.deleteFrom('checkRollupDaily').where('serviceId', '=', s.id).execute()
    const range = { from: new Date('2026-10-01T00:00Z'), to: new Date('2026-11-05T00:00Z') }
    await rebuildRollups(ctx.db, { ...range, timezone: 'Europe/London' })
    const rebuilt = await stored(s.id)
    expect({ hourly: after.hourly, daily: after.daily }).toEqual({
      hourly: rebuilt.hourly,
      daily: rebuilt.daily,
    })
  })

  it('refuses a batch with invalid samples by index and field, storing none of it', async () => {
    const s = await newService()
    const samples = [
      up(s.slug, minutesAgo(5)),
      { ...up(s.slug, minutesAgo(4)), status: 'sideways' },
      up(s.slug, '2026-11-04T11:56:00'), // no offset
      { ...up(s.slug, minutesAgo(4)), latencyMs: null }, // null only for down
      up(s.slug, minutesAgo(3), -1),
      { ...up(s.slug, minutesAgo(2)), statusCode: 700, colour: 'red' },
      'not a sample',
      { ...up(s.slug, minutesAgo(1)), error: 'a\u0000b' }, // PostgreSQL stores no NUL
    ]
    const { message, details } = await refused(await post({ samples }), 'invalid_samples')
    expect(message).toBe('7 of 8 samples are invalid (8 problems); nothing was stored')
    expect(details.map((d) => [d.index, d.field, d.path])).toEqual([
      [1, 'status', 'json.samples.1.status'],
      [2, 'at', 'json.samples.2.at'],
      [3, 'latencyMs', 'json.samples.3.latencyMs'],
      [4, 'latencyMs', 'json.samples.4.latencyMs'],
      [5, 'statusCode', 'json.samples.5.statusCode'],
      [5, '', 'json.samples.5'],
      [6, '', 'json.samples.6'],
      [7, 'error', 'json.samples.7.error'],
    ])
    expect(details[1]?.message).toMatch(/datetime/i)
    expect(details[2]?.message).toMatch(/unless the status is down/)
    expect(details[5]?.message).toMatch(/colour/)
    expect((await stored(s.id)).raw).toEqual([])
  })

  it('lists the first 100 problems and says how many there are', async () => {
    const s = await newService()
    const samples = Array.from({ length: 150 }, (_, i) => up(s.slug, `yesterday ${i}`))
    const { message, details } = await refused(await post({ samples }), 'invalid_samples')
    expect(message).toBe(
      '150 of 150 samples are invalid (150 problems, the first 100 in details); nothing was stored',
    )
    expect(details).toHaveLength(100)
    expect(details.at(-1)).toMatchObject({ index: 99, field: 'at' })
  })

  it('refuses unknown services, naming each once, and stores nothing', async () => {
    const s = await newService()
    const samples = [
      up(s.slug, minutesAgo(3)),
      up('no-such-service', minutesAgo(3)),
      up('gone-too', minutesAgo(2)),
      up('no-such-service', minutesAgo(1)),
    ]
    const { message, details } = await refused(await post({ samples }), 'unknown_service')
    expect(message).toBe(
      'Unknown services: no-such-service, gone-too (2 problems); nothing was stored',
    )
    expect(details).toEqual([
      {
        path: 'json.samples.1.service',
        index: 1,
        field: 'service',
        message: 'no service "no-such-service"',
      },
      {
        path: 'json.samples.2.service',
        index: 2,
        field: 'service',
        message: 'no service "gone-too"',
      },
    ])
    expect((await stored(s.id)).raw).toEqual([])
  })

  it('refuses samples of an archived service', async () => {
    const [live, archived] = [await newService(), await newService({ archived: true })]
    const samples = [up(live.slug, minutesAgo(2)), up(archived.slug, minutesAgo(1))]
    const { message, details } = await refused(await post({ samples }), 'service_archived')
    expect(message).toMatch(
      new RegExp(`^Archived services take no samples: ${archived.slug} \\(1 problem\\)`),
    )
    expect(details).toMatchObject([{ index: 1, field: 'service' }])
    expect((await stored(live.id)).raw).toEqual([])
  })

  it('refuses samples older than the raw retention, saying the limit, and follows the setting', async () => {
    const s = await newService()
    const day = 24 * 60
    const samples = [up(s.slug, minutesAgo(30 * day - 1)), up(s.slug, minutesAgo(30 * day + 1))]
    const { message, details } = await refused(await post({ samples }), 'sample_too_old')
    expect(message).toBe(
      '1 sample is before 2026-10-05T12:00:00.000Z: raw samples are kept 30 days (1 problem); nothing was stored',
    )
    expect(details).toMatchObject([{ index: 1, field: 'at', path: 'json.samples.1.at' }])
    expect((await stored(s.id)).raw).toEqual([])

    await ctx.db.updateTable('organisationSettings').set({ rawSampleRetentionDays: 60 }).execute()
    try {
      expect(await accepted(await post({ samples }))).toEqual({ inserted: 2, duplicates: 0 })
    } finally {
      await ctx.db.updateTable('organisationSettings').set({ rawSampleRetentionDays: 30 }).execute()
    }
  })

  it('refuses samples more than 5 minutes ahead of the server clock', async () => {
    const s = await newService()
    const soon = [up(s.slug, minutesAgo(-5))]
    const ahead = [...soon, up(s.slug, minutesAgo(-6))]
    const { message, details } = await refused(await post({ samples: ahead }), 'sample_in_future')
    expect(message).toMatch(/^1 sample is after 2026-11-04T12:05:00.000Z, more than 5 minutes/)
    expect(details).toMatchObject([{ index: 1, field: 'at' }])
    expect(await accepted(await post({ samples: soon }))).toEqual({ inserted: 1, duplicates: 0 })
  })

  it('takes 1 to 10,000 samples: none or more is a 400', async () => {
    const s = await newService()
    for (const samples of [[], Array.from({ length: 10_001 }, () => up(s.slug, minutesAgo(1)))]) {
      const res = await post({ samples })
      expect(res.status).toBe(400)
      const { error } = expectMatches(errorEnvelope(['validation_failed']), await res.json())
      expect(error.details?.map((d) => d.path)).toEqual(['json.samples'])
    }
    expect((await post({ sample: [] })).status).toBe(400)
  })

  it('takes a full batch of 10,000 samples, larger than the 1 MiB of other routes', async () => {
    const services = [await newService(), await newService()]
    const samples = Array.from({ length: 10_000 }, (_, i) => ({
      ...up(services[i % 2]!.slug, minutesAgo(Math.floor(i / 2) / 10)),
      error: 'slow: '.padEnd(80, 'x'),
    }))
    const body = JSON.stringify({ samples })
    expect(body.length).toBeGreaterThan(1024 * 1024)
    expect(await accepted(await post({ samples }))).toEqual({ inserted: 10_000, duplicates: 0 })

    const huge = JSON.stringify({ samples: [up(services[0]!.slug, 'x'.repeat(8 * 1024 * 1024))] })
    const res = await ctx.app.request('/api/v1/checks', {
      method: 'POST',
      headers: { ...ingest, 'Content-Type': 'application/json' },
      body: huge,
    })
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({
      error: { code: 'payload_too_large', message: 'The request body is larger than 8 MiB' },
    })
  })

  it('is for ingest tokens and admins: read tokens and other people get 403', async () => {
    const s = await newService()
    const batch = (m: number) => ({ samples: [up(s.slug, minutesAgo(m))] })
    for (const headers of [
      (await createToken(ctx.db, ['read'])).headers,
      (await loginAs(ctx, 'manager')).headers,
    ]) {
      const res = await post(batch(1), headers)
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } })
    }
    expect((await stored(s.id)).raw).toEqual([])
    await accepted(await post(batch(1), (await createToken(ctx.db, ['ingest', 'read'])).headers))
    await accepted(await post(batch(2), (await loginAs(ctx, 'admin')).headers))
    expect((await stored(s.id)).raw).toHaveLength(2)
  })
})
