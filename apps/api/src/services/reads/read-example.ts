import { type Database, ingestSamples, type IngestSample } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { loginAs, setupApp } from '../../../test/helpers.ts'

// The read API's worked example (Europe/London; BST ended on 25 October 2026 at 01:00Z).
// Now: Wednesday 28 October 2026 12:30Z, mid-hour, so exact and hour-aligned windows differ.
// 'pay' (tier 1, SLO 99.9% over 30 days, checked every minute) has, as written through the
// real ingest path (so the rollups are the real ones):
//   S1 28 Oct 11:40–12:29Z, 50 checks: 11:40–11:42 degraded (2,500 ms), 12:00–12:04 down, 42 up
//   S2 28 Oct 11:20Z up · S3 27 Oct 12:10Z up · S4 27 Oct 12:40Z down
//   S5 22 Oct 10:00–10:29Z up (200 ms), 10:30–10:59Z down
//   S6 21 Oct 12:10Z down (before now − 7 d, in its first hour)
//   S7 20 Oct 02:00–02:09Z down, inside a maintenance window 02:00–04:00Z
//   S8 5 Oct 09:00–09:19Z down · S9 30 Sep 23:30Z up (1 October 00:30 BST)
//   S10 29 Sep 08:00–08:09Z down · S11 15 Aug 10:00–10:04Z down
// Up checks take 100 ms unless said. 'hr' (tier 2, 99% over 7 days) is down now; 'quiet' (tier
// 3) has no data; 'old' (tier 3) is archived.
export const NOW = new Date('2026-10-28T12:30:00Z')

const MIN = 60_000
const at = (iso: string, plusMinutes = 0) => new Date(Date.parse(iso) + plusMinutes * MIN)

export async function readExampleApp() {
  const ctx = await setupApp(NOW)
  const db = ctx.db
  const ids = await seedReadExample(db)
  const viewer = (await loginAs(ctx, 'viewer')).headers
  const get = async <Body = unknown>(path: string) => {
    const res = await ctx.app.request(path, { headers: viewer })
    return { status: res.status, body: (await res.json()) as Body }
  }
  return { ...ctx, ids, get }
}

async function seedReadExample(db: Kysely<Database>) {
  const team = (slug: string) =>
    db
      .insertInto('teams')
      .values({ slug, name: slug.toUpperCase() })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id)
  const infra = await team('infra')
  const people = await team('people')
  const svc = (values: Parameters<ReturnType<typeof db.insertInto<'services'>>['values']>[0]) =>
    db
      .insertInto('services')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id)
  const pay = await svc({
    slug: 'pay',
    name: 'Payments',
    tier: 1,
    sloTarget: 0.999,
    ownerTeamId: infra,
    tags: ['payments', 'core'],
    checkUrl: 'https://pay.example/health',
  })
  const hr = await svc({
    slug: 'hr',
    name: 'HR portal',
    tier: 2,
    sloTarget: 0.99,
    sloWindowDays: 7,
    ownerTeamId: people,
    tags: ['people'],
  })
  await svc({ slug: 'quiet', name: 'Quiet', tier: 3, sloTarget: 0.95 })
  await svc({
    slug: 'old',
    name: 'Old',
    tier: 3,
    sloTarget: 0.95,
    archivedAt: at('2026-09-01T00:00Z'),
  })

  await db
    .insertInto('maintenanceWindows')
    .values([
      {
        serviceId: pay,
        startsAt: at('2026-10-20T02:00Z'),
        endsAt: at('2026-10-20T04:00Z'),
        reason: 'Patching',
      },
      {
        serviceId: pay,
        startsAt: at('2026-10-30T22:00Z'),
        endsAt: at('2026-10-30T23:00Z'),
        reason: 'Upgrade',
      },
    ])
    .execute()

  const samples: IngestSample[] = []
  const add = (
    serviceId: number,
    start: string,
    count: number,
    status: IngestSample['status'],
    latencyMs: number | null = status === 'down' ? null : 100,
  ) => {
    for (let i = 0; i < count; i++) {
      samples.push({
        serviceId,
        at: at(start, i),
        status,
        latencyMs,
        statusCode: null,
        error: null,
      })
    }
  }
  add(pay, '2026-10-28T11:40Z', 3, 'degraded', 2500)
  add(pay, '2026-10-28T11:43Z', 17, 'up')
  add(pay, '2026-10-28T12:00Z', 5, 'down')
  add(pay, '2026-10-28T12:05Z', 25, 'up')
  add(pay, '2026-10-28T11:20Z', 1, 'up')
  add(pay, '2026-10-27T12:10Z', 1, 'up')
  add(pay, '2026-10-27T12:40Z', 1, 'down')
  add(pay, '2026-10-22T10:00Z', 30, 'up', 200)
  add(pay, '2026-10-22T10:30Z', 30, 'down')
  add(pay, '2026-10-21T12:10Z', 1, 'down')
  add(pay, '2026-10-20T02:00Z', 10, 'down')
  add(pay, '2026-10-05T09:00Z', 20, 'down')
  add(pay, '2026-09-30T23:30Z', 1, 'up')
  add(pay, '2026-09-29T08:00Z', 10, 'down')
  add(pay, '2026-08-15T10:00Z', 5, 'down')
  add(hr, '2026-10-28T12:00Z', 25, 'up', 300)
  add(hr, '2026-10-28T12:25Z', 5, 'down')
  await ingestSamples(db, samples)

  await db
    .insertInto('sloAlerts')
    .values({
      serviceId: pay,
      severity: 'page',
      rule: '1h/5m',
      threshold: 14.4,
      longBurnRate: 83.3,
      shortBurnRate: 100,
      peakBurnRate: 100,
      startedAt: at('2026-10-28T12:05Z'),
    })
    .execute()
  const incident = await db
    .insertInto('incidents')
    .values({
      ref: 'INC-1',
      title: 'Payments failing',
      severity: 'SEV2',
      startedAt: at('2026-10-22T10:30Z'),
      resolvedAt: at('2026-10-22T11:00Z'),
      status: 'resolved',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('incidentServices')
    .values({ incidentId: incident.id, serviceId: pay })
    .execute()
  return { pay, hr }
}
