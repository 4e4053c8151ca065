import { ingestSamples, type IngestSample } from '@opsdeck/db'
import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getOrganisation, type Organisation } from '../../lib/organisation.ts'
import {
  downtimeByService,
  downtimeOfIncidents,
  incidentDowntime,
  type IncidentWindow,
} from './queries.ts'

// The worked example. Now: Wednesday 28 October 2026 12:30Z; raw samples kept 30 days (the
// default), so windows starting before 29 September 12:30Z are read from whole hours.
// 'pay' is checked every minute, SLO 99.9% over 30 days: its budget is 0.001 × 43,200 = 43.2 min.
// 'auth' every 5 minutes, SLO 99% over 7 days: 0.01 × 10,080 = 100.8 min. 'quiet' has no data.
// Incidents, written through the real ingest (so the rollups are the real ones):
//   A 28 Oct 10:00–10:30Z, pay and auth. pay: 09:58–09:59 down (outside), 10:00–10:11 down
//     (12), 10:12 down in a maintenance window (neither), 10:13–10:29 up (17), 10:30 down (the
//     end is outside). auth: 09:55 down (outside), 10:00, 10:05 down, 10:10–10:25 up (4),
//     10:30 down (outside).
//   B 28 Oct 11:10Z, still open, pay: 11:05–11:09 down (5, before it in its first hour),
//     11:10–11:19 down (10), 11:20–12:29 up (70), 12:30 down (at now: outside).
//   C 10 Sep 14:20–14:40Z, pay: 14:05–14:14 down (10), 14:20–14:24 down (5), 14:50 down (1),
//     15:00 down (1).
//   D 28 Oct 10:10–10:40Z, pay: a duplicate of A (10:10, 10:11 and 10:30 down).
const NOW = new Date('2026-10-28T12:30:00Z')
const MIN = 60_000
const at = (iso: string, plusMinutes = 0) => new Date(Date.parse(iso) + plusMinutes * MIN)

let t: TestDatabase
let org: Organisation
const id = { pay: 0, auth: 0, quiet: 0, A: 0, B: 0, C: 0, D: 0 }

beforeAll(async () => {
  t = await createTestDatabase()
  const db = t.db
  const services = await db
    .insertInto('services')
    .values([
      { slug: 'pay', name: 'Payments', tier: 1, sloTarget: 0.999, sloWindowDays: 30 },
      {
        slug: 'auth',
        name: 'Sign-in',
        tier: 1,
        sloTarget: 0.99,
        sloWindowDays: 7,
        checkIntervalSeconds: 300,
      },
      { slug: 'quiet', name: 'Quiet', tier: 3, sloTarget: 0.95 },
    ])
    .returning('id')
    .execute()
  id.pay = services[0]!.id
  id.auth = services[1]!.id
  id.quiet = services[2]!.id
  await db
    .insertInto('maintenanceWindows')
    .values({
      serviceId: id.pay,
      startsAt: at('2026-10-28T10:12Z'),
      endsAt: at('2026-10-28T10:12:30Z'),
      reason: 'Failover test',
    })
    .execute()

  const samples: IngestSample[] = []
  const add = (
    serviceId: number,
    start: string,
    count: number,
    status: 'up' | 'down',
    step = 1,
  ) => {
    for (let i = 0; i < count; i++) {
      const latencyMs = status === 'down' ? null : 100
      samples.push({
        serviceId,
        at: at(start, i * step),
        status,
        latencyMs,
        statusCode: null,
        error: null,
      })
    }
  }
  add(id.pay, '2026-10-28T09:58Z', 15, 'down')
  add(id.pay, '2026-10-28T10:13Z', 17, 'up')
  add(id.pay, '2026-10-28T10:30Z', 1, 'down')
  add(id.pay, '2026-10-28T11:05Z', 15, 'down')
  add(id.pay, '2026-10-28T11:20Z', 70, 'up')
  add(id.pay, '2026-10-28T12:30Z', 1, 'down')
  add(id.pay, '2026-09-10T14:05Z', 10, 'down')
  add(id.pay, '2026-09-10T14:20Z', 5, 'down')
  add(id.pay, '2026-09-10T14:50Z', 1, 'down')
  add(id.pay, '2026-09-10T15:00Z', 1, 'down')
  add(id.auth, '2026-10-28T09:55Z', 3, 'down', 5)
  add(id.auth, '2026-10-28T10:10Z', 4, 'up', 5)
  add(id.auth, '2026-10-28T10:30Z', 1, 'down')
  await ingestSamples(db, samples)

  const incident = async (
    ref: string,
    startedAt: string,
    resolvedAt: string | null,
    on: number[],
  ) => {
    const row = await db
      .insertInto('incidents')
      .values({
        ref,
        title: ref,
        severity: 'SEV2',
        startedAt,
        resolvedAt,
        status: resolvedAt ? 'resolved' : 'investigating',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('incidentServices')
      .values(on.map((serviceId) => ({ incidentId: row.id, serviceId })))
      .execute()
    return row.id
  }
  id.A = await incident('INC-A', '2026-10-28T10:00Z', '2026-10-28T10:30Z', [id.pay, id.auth])
  id.B = await incident('INC-B', '2026-10-28T11:10Z', null, [id.pay])
  id.C = await incident('INC-C', '2026-09-10T14:20Z', '2026-09-10T14:40Z', [id.pay])
  id.D = await incident('INC-D', '2026-10-28T10:10Z', '2026-10-28T10:40Z', [id.pay])
  org = await getOrganisation(db)
})
afterAll(() => t.drop())

const windowOf = (
  incidentId: number,
  startedAt: string,
  resolvedAt: string | null,
  services: number[],
): IncidentWindow => ({
  id: incidentId,
  startedAt: new Date(startedAt),
  resolvedAt: resolvedAt ? new Date(resolvedAt) : null,
  services,
})

describe('incidentDowntime', () => {
  it('counts each affected service’s down samples over the incident’s window, to the sample', async () => {
    const [a] = await incidentDowntime(
      t.db,
      [windowOf(id.A, '2026-10-28T10:00Z', '2026-10-28T10:30Z', [id.pay, id.auth])],
      NOW,
      org,
    )
    // pay: 12 down × 1 min; counted 12 + 17 (the maintenance sample is neither).
    // auth: 2 down × 5 min; counted 2 + 4.
    expect(a).toEqual({
      incidentId: id.A,
      from: new Date('2026-10-28T10:00Z'),
      to: new Date('2026-10-28T10:30Z'),
      exact: true,
      downtimeMinutes: 22,
      services: [
        {
          serviceId: id.pay,
          down: 12,
          counted: 29,
          downtimeMinutes: 12,
          budgetShare: expect.any(Number),
        },
        {
          serviceId: id.auth,
          down: 2,
          counted: 6,
          downtimeMinutes: 10,
          budgetShare: expect.any(Number),
        },
      ],
    })
    expect(a?.services[0]?.budgetShare).toBeCloseTo(12 / (0.001 * 43_200), 12) // 0.2778
    expect(a?.services[1]?.budgetShare).toBeCloseTo(10 / (0.01 * 10_080), 12) // 0.0992
  })

  it('counts an open incident up to now, and reads many incidents in one call', async () => {
    const [b, c, quiet] = await incidentDowntime(
      t.db,
      [
        windowOf(id.B, '2026-10-28T11:10Z', null, [id.pay]),
        windowOf(id.C, '2026-09-10T14:20Z', '2026-09-10T14:40Z', [id.pay]),
        windowOf(99, '2026-10-28T10:00Z', '2026-10-28T11:00Z', [id.quiet]),
      ],
      NOW,
      org,
    )
    // 11:10–12:30: the 5 down checks at 11:05–11:09 share its first hour but are outside it,
    // and the one at 12:30 is at now.
    expect(b).toMatchObject({ to: NOW, exact: true, downtimeMinutes: 10 })
    expect(b?.services).toMatchObject([{ serviceId: id.pay, down: 10, counted: 80 }])
    expect(b?.services[0]?.budgetShare).toBeCloseTo(10 / 43.2, 12)

    // Older than raw retention: read from whole hours, so the whole of 14:00–15:00Z counts —
    // 10 down checks before the incident and 1 after it with its 5 — and 15:00 does not.
    expect(c).toMatchObject({
      from: new Date('2026-09-10T14:00Z'),
      exact: false,
      downtimeMinutes: 16,
    })
    expect(c?.services).toMatchObject([{ serviceId: id.pay, down: 16, counted: 16 }])

    // No data: nothing counted, nothing consumed.
    expect(quiet?.services).toEqual([
      { serviceId: id.quiet, down: 0, counted: 0, downtimeMinutes: 0, budgetShare: 0 },
    ])
  })

  it('reads nothing for no incidents, and nothing after now', async () => {
    expect(await incidentDowntime(t.db, [], NOW, org)).toEqual([])
    const [future] = await incidentDowntime(
      t.db,
      [windowOf(id.B, '2026-10-28T13:00Z', null, [id.pay])],
      NOW,
      org,
    )
    expect(future).toMatchObject({ downtimeMinutes: 0, services: [{ down: 0, counted: 0 }] })
  })
})

describe('downtimeByService', () => {
  it('sums each service’s incidents over the range, a duplicate incident’s minutes once', async () => {
    const day = { from: new Date('2026-10-28T00:00Z'), to: new Date('2026-10-29T00:00Z') }
    const rows = await downtimeByService(t.db, day, NOW, org)
    // pay: A ∪ D = 10:00–10:40 holds 13 down checks (A's 12 and 10:30; A + D apart would be
    // 12 + 3 = 15), B 10 up to now: 23 minutes.
    expect(rows).toEqual([
      {
        serviceId: id.pay,
        slug: 'pay',
        incidents: 3,
        downtimeMinutes: 23,
        budgetShare: expect.any(Number),
      },
      {
        serviceId: id.auth,
        slug: 'auth',
        incidents: 1,
        downtimeMinutes: 10,
        budgetShare: expect.any(Number),
      },
    ])
    expect(rows[0]?.budgetShare).toBeCloseTo(23 / 43.2, 12)
    expect(rows[1]?.budgetShare).toBeCloseTo(10 / 100.8, 12)
  })

  it('clips the incidents to the range', async () => {
    const range = { from: new Date('2026-10-28T10:05Z'), to: new Date('2026-10-28T11:15Z') }
    const rows = await downtimeByService(t.db, range, NOW, org)
    // pay: 10:05–10:40 holds 10:05–10:11 and 10:30 down (8), B's 11:10–11:15 five: 13.
    // auth: 10:05 only, 5 minutes.
    expect(rows).toMatchObject([
      { slug: 'pay', incidents: 3, downtimeMinutes: 13 },
      { slug: 'auth', incidents: 1, downtimeMinutes: 5 },
    ])
  })

  it('reads an incident older than raw retention from whole hours', async () => {
    const september = { from: new Date('2026-09-01T00:00Z'), to: new Date('2026-10-01T00:00Z') }
    const rows = await downtimeByService(t.db, september, NOW, org)
    expect(rows).toMatchObject([{ slug: 'pay', incidents: 1, downtimeMinutes: 16 }])
  })
})

describe('downtimeOfIncidents', () => {
  it('sums the incidents’ own windows per service, the minutes two of them share once', async () => {
    const a = windowOf(id.A, '2026-10-28T10:00Z', '2026-10-28T10:30Z', [id.pay, id.auth])
    const d = windowOf(id.D, '2026-10-28T10:10Z', '2026-10-28T10:40Z', [id.pay])
    const [alone] = await incidentDowntime(t.db, [d], NOW, org)
    const rows = await downtimeOfIncidents(t.db, [a, d], NOW, org)
    // Each on its own: A 12 on pay, D 3 (10:10, 10:11 and 10:30). Together, 10:00–10:40 holds
    // 13: 10:10 and 10:11 are A's too. Not clipped to any range, unlike downtimeByService.
    expect(alone?.services[0]?.downtimeMinutes).toBe(3)
    expect(rows).toMatchObject([
      { slug: 'pay', incidents: 2, downtimeMinutes: 13 },
      { slug: 'auth', incidents: 1, downtimeMinutes: 10 },
    ])
    expect(rows[0]?.budgetShare).toBeCloseTo(13 / 43.2, 12)
  })

  it('reads nothing for no incidents', async () => {
    expect(await downtimeOfIncidents(t.db, [], NOW, org)).toEqual([])
  })
})
