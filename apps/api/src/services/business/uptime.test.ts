import { ingestSamples, type IngestSample } from '@opsdeck/db'
import { type ComponentState, groupState } from '@opsdeck/kpi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches, loginAs, postJson, setupApp, type TestApp } from '../../../test/helpers.ts'
import { BusinessServiceList } from './schemas.ts'

// A worked example: three services checked every minute, samples at hh:mm:10, and two business
// services over them. A sample decides its own minute and, with none after it, the next one
// (the latest sample in [m − 60 s, m + 1 min)). A is in maintenance 11:53–11:54.
//
//  minute  A                 B               C               2 of {A,B,C}   all of {A,B}
//  11:50   up                up              up              up             up
//  11:51   up                down            down            down           down
//  11:52   degraded          down            up              up             down
//  11:53   up (maintenance)  up              down            maintenance    maintenance
//  11:54   (11:53's: maint)  up              up              up             maintenance
//  11:55   no data           down            up              no data        down
//  11:56   no data           down            down            down           down
//  11:57   up                (11:56's: down) (11:56's: down) down           down
//  11:58   up                up              no data         up             up
//  11:59   (11:58's: up)     (11:58's: up)   no data         up             up
//
// Over the last 24 h (1,440 minutes ending 12:00): 2 of 3 is up 5, down 3, maintenance 1, no
// data 1,431: uptime 5 / 8 = 0.625, coverage 9 / 1,440. All of {A,B}: up 3, down 5,
// maintenance 2: uptime 3 / 8 = 0.375, coverage 10 / 1,440.
// Two days earlier at 12:00:10 A and B are down, C up: 2 of 3 is down for 12:00 and 12:01 (7 d
// and 30 d only). Ten days earlier all three are up at 08:00:10: up 2 more minutes (30 d only).
// 2 of 3 over 7 d: up 5, down 5 → 0.5; over 30 d: up 7, down 5 → 7 / 12.

const NOW = new Date('2026-12-01T12:00:30Z')
let ctx: TestApp
let manager: Record<string, string>

const at = (hhmm: string, day = '2026-12-01') => new Date(`${day}T${hhmm}:10Z`)
type Status = IngestSample['status']
// Per service, the samples by minute: 'up', 'down', 'degraded'; absent minutes send nothing.
const SAMPLES: Record<string, [string, Status][]> = {
  a: [
    ['11:50', 'up'],
    ['11:51', 'up'],
    ['11:52', 'degraded'],
    ['11:53', 'up'],
    ['11:57', 'up'],
    ['11:58', 'up'],
  ],
  b: [
    ['11:50', 'up'],
    ['11:51', 'down'],
    ['11:52', 'down'],
    ['11:53', 'up'],
    ['11:54', 'up'],
    ['11:55', 'down'],
    ['11:56', 'down'],
    ['11:58', 'up'],
  ],
  c: [
    ['11:50', 'up'],
    ['11:51', 'down'],
    ['11:52', 'up'],
    ['11:53', 'down'],
    ['11:54', 'up'],
    ['11:55', 'up'],
    ['11:56', 'down'],
  ],
}

beforeAll(async () => {
  ctx = await setupApp(NOW)
  manager = (await loginAs(ctx, 'manager')).headers
  const ids: Record<string, number> = {}
  for (const slug of ['a', 'b', 'c']) {
    const body = { slug, name: `Service ${slug.toUpperCase()}`, tier: 2, sloTarget: 0.99 }
    expect((await postJson(ctx, '/api/v1/services', body, manager)).status).toBe(201)
    const row = await ctx.db
      .selectFrom('services')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow()
    ids[slug] = row.id
  }
  await ctx.db
    .insertInto('maintenanceWindows')
    .values({
      serviceId: ids.a!,
      startsAt: new Date('2026-12-01T11:53:00Z'),
      endsAt: new Date('2026-12-01T11:54:00Z'),
    })
    .execute()
  const sample = (slug: string, when: Date, status: Status): IngestSample => ({
    serviceId: ids[slug]!,
    at: when,
    status,
    latencyMs: 100,
    statusCode: 200,
    error: null,
  })
  await ingestSamples(ctx.db, [
    ...Object.entries(SAMPLES).flatMap(([slug, list]) =>
      list.map(([hhmm, s]) => sample(slug, at(hhmm), s)),
    ),
    sample('a', at('12:00', '2026-11-29'), 'down'),
    sample('b', at('12:00', '2026-11-29'), 'down'),
    sample('c', at('12:00', '2026-11-29'), 'up'),
    ...['a', 'b', 'c'].map((slug) => sample(slug, at('08:00', '2026-11-21'), 'up')),
  ])
  const groups = [
    {
      slug: 'two-of-three',
      name: 'Two of three',
      sloTarget: 0.9,
      rule: 'at_least',
      minUp: 2,
      components: ['a', 'b', 'c'],
    },
    { slug: 'a-and-b', name: 'A and B', sloTarget: 0.5, rule: 'all', components: ['b', 'a'] },
  ]
  for (const g of groups) {
    expect((await postJson(ctx, '/api/v1/business-services', g, manager)).status).toBe(201)
  }
})
afterAll(() => ctx.drop())

async function list() {
  const res = await ctx.app.request('/api/v1/business-services', { headers: manager })
  expect(res.status).toBe(200)
  return expectMatches(BusinessServiceList, await res.json())
}

describe('business service uptime from the raw samples', () => {
  it('matches the worked example, minute by minute through the rule', async () => {
    // The table's component states, through kpi's rule: the SQL must count the same minutes.
    const table: ComponentState[][] = [
      ['up', 'up', 'up'],
      ['up', 'down', 'down'],
      ['degraded', 'down', 'up'],
      ['maintenance', 'up', 'down'],
      ['maintenance', 'up', 'up'],
      ['no-data', 'down', 'up'],
      ['no-data', 'down', 'down'],
      ['up', 'down', 'down'],
      ['up', 'up', 'no-data'],
      ['up', 'up', 'no-data'],
    ]
    const rule = { rule: 'at_least', minUp: 2 } as const
    const states = table.map((row) => groupState(rule, row))
    const count = (s: string) => states.filter((x) => x === s).length
    expect([count('up'), count('down'), count('maintenance'), count('no-data')]).toEqual([
      5, 3, 1, 1,
    ])

    const { businessServices } = await list()
    const two = businessServices.find((b) => b.slug === 'two-of-three')!
    expect(two.uptime.h24).toEqual({
      from: '2026-11-30T12:00:00.000Z',
      to: '2026-12-01T12:00:00.000Z',
      uptime: 5 / 8,
      coverage: 9 / 1440,
      minutes: { up: 5, down: 3, maintenance: 1, noData: 1431 },
    })
    expect(two.uptime.d7.minutes).toEqual({ up: 5, down: 5, maintenance: 1, noData: 10080 - 11 })
    expect(two.uptime.d7.uptime).toBe(0.5)
    expect(two.uptime.d30.minutes).toEqual({ up: 7, down: 5, maintenance: 1, noData: 43200 - 13 })
    expect(two.uptime.d30.uptime).toBeCloseTo(7 / 12, 12)
    // 58.3% against a 90% target.
    expect(two.sloMet).toBe(false)
  })

  it('applies the rule "all" to the same samples', async () => {
    const { businessServices } = await list()
    const ab = businessServices.find((b) => b.slug === 'a-and-b')!
    expect(ab.uptime.h24.minutes).toEqual({ up: 3, down: 5, maintenance: 2, noData: 1430 })
    expect(ab.uptime.h24.uptime).toBe(3 / 8)
    expect(ab.uptime.h24.coverage).toBe(10 / 1440)
    // 30 d: two more down minutes (A and B down two days earlier), two more up ten days earlier.
    expect(ab.uptime.d30.minutes).toMatchObject({ up: 5, down: 7, maintenance: 2 })
    expect(ab.sloMet).toBe(false)
  })

  it('says the status now by the rule over the components’ status now', async () => {
    // At 12:00:30 a sample older than 5 minutes is stale: A up (11:58), B up (11:58), C down
    // (11:56:10, 4 min 20 s old). 2 of 3: up; all of {A, B}: up.
    const { businessServices } = await list()
    expect(businessServices.map((b) => [b.slug, b.status])).toEqual([
      ['a-and-b', 'up'],
      ['two-of-three', 'up'],
    ])
    expect(businessServices[0]!.components).toEqual([
      { slug: 'a', name: 'Service A', status: 'up' },
      { slug: 'b', name: 'Service B', status: 'up' },
    ])
    expect(businessServices[1]!.components.map((c) => c.status)).toEqual(['up', 'up', 'down'])
    // A minute later C's newest sample is 5 min 20 s old: unknown, so no data for the rule; A's
    // and B's (3 min 20 s) are current, and 2 of 3 stays up on them.
    ctx.clock.now = new Date('2026-12-01T12:01:30Z')
    try {
      const later = await list()
      const two = later.businessServices.find((b) => b.slug === 'two-of-three')!
      expect(two.components.map((c) => c.status)).toEqual(['up', 'up', 'unknown'])
      expect(two.status).toBe('up')
    } finally {
      ctx.clock.now = NOW
    }
  })
})
