import { ingestSamples, type IngestSample } from '@opsdeck/db'
import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getOrganisation } from '../lib/organisation.ts'
import { AreaReport } from '../lib/report-section.ts'
import type { Scope } from '../lib/scope.ts'
import { servicesReport } from './report.ts'
import { servicesSummary } from './summary.ts'

// The worked example. Period: November 2026 in Europe/London (GMT all month) =
// [2026-11-01T00:00Z, 2026-12-01T00:00Z), 43,200 min. Now: 20 November 12:00Z, so the rest of the
// month is in the future. Each service's budget is over the period: (1 − target) × 43,200.
//   pay  tier 1, 99.9%, every 1 min (budget 43.2 min). 10 Nov 09:00–09:59 up (60), 10:00–10:49
//        down (50), 10:50–10:59 up (10): 70 / 120 = 58.33%, breached; 50 min down, 50 / 43.2 =
//        115.7% of its budget: exhausted. INC-0012 (SEV1) 10:00–10:45 charges 45 of them.
//        31 Oct 23:30Z down: before the period. INC-0010 (SEV1) in October: not listed.
//   auth tier 1, 99%, every 5 min (budget 432 min). 12 Nov 00:00–23:55 (288), down at 10:00 and
//        10:05: 286 / 288 = 99.31%, met; 10 min = 2.31% of its budget. INC-0015 (SEV2) opened
//        12 Nov 10:00Z and still open charges both (10 min); INC-0013 (SEV3) on 5 Nov, 30 min with
//        no checks, charges none.
//   web  tier 2, 99.5%, every 1 min. 15 Nov 08:00–08:59 up (60): 100%, met, no budget spent.
//   quiet tier 3, 95%: no data.
// Tier 1 pooled: (70 + 286) / (120 + 288) = 356 / 408 = 87.25%, lowest target 99%; 1 of 2 met.
// SLO met: auth and web of the 3 with data = 2/3. Budgets exhausted: pay. Downtime 50 + 10 = 60
// min, 45 + 10 = 55 during incidents.
const NOW = new Date('2026-11-20T12:00:00Z')
const RANGE = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') }
const MIN = 60_000
const at = (iso: string, minutes = 0) => new Date(Date.parse(iso) + minutes * MIN)

let t: TestDatabase
let scope: Scope

beforeAll(async () => {
  t = await createTestDatabase()
  const db = t.db
  const [pay, auth, web, quiet] = await db
    .insertInto('services')
    .values([
      { slug: 'pay', name: 'Payments', tier: 1, sloTarget: 0.999 },
      { slug: 'auth', name: 'Sign-in', tier: 1, sloTarget: 0.99, checkIntervalSeconds: 300 },
      { slug: 'web', name: 'Website', tier: 2, sloTarget: 0.995 },
      { slug: 'quiet', name: 'Quiet', tier: 3, sloTarget: 0.95 },
    ])
    .returning('id')
    .execute()
  if (!pay || !auth || !web || !quiet) throw new Error('services not made')
  const samples: IngestSample[] = []
  const add = (serviceId: number, start: string, n: number, down: boolean, step = 1) => {
    for (let i = 0; i < n; i++) {
      const status = down ? ('down' as const) : ('up' as const)
      const latencyMs = down ? null : 100
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
  add(pay.id, '2026-11-10T09:00Z', 60, false)
  add(pay.id, '2026-11-10T10:00Z', 50, true)
  add(pay.id, '2026-11-10T10:50Z', 10, false)
  add(pay.id, '2026-10-31T23:30Z', 1, true)
  add(auth.id, '2026-11-12T00:00Z', 120, false, 5)
  add(auth.id, '2026-11-12T10:00Z', 2, true, 5)
  add(auth.id, '2026-11-12T10:10Z', 166, false, 5)
  add(web.id, '2026-11-15T08:00Z', 60, false)
  await ingestSamples(db, samples)

  const incident = async (
    ref: string,
    severity: 'SEV1' | 'SEV2' | 'SEV3',
    startedAt: string,
    resolvedAt: string | null,
    serviceId: number,
  ) => {
    const row = await db
      .insertInto('incidents')
      .values({
        ref,
        title: ref,
        severity,
        startedAt,
        resolvedAt,
        status: resolvedAt ? 'resolved' : 'investigating',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db.insertInto('incidentServices').values({ incidentId: row.id, serviceId }).execute()
  }
  await incident('INC-0010', 'SEV1', '2026-10-20T09:00Z', '2026-10-20T10:00Z', pay.id)
  await incident('INC-0012', 'SEV1', '2026-11-10T10:00Z', '2026-11-10T10:45Z', pay.id)
  await incident('INC-0013', 'SEV3', '2026-11-05T09:00Z', '2026-11-05T09:30Z', auth.id)
  await incident('INC-0015', 'SEV2', '2026-11-12T10:00Z', null, auth.id)
  scope = { range: RANGE, now: NOW, org: await getOrganisation(db) }
})
afterAll(() => t.drop())

const close = (n: number): unknown => expect.closeTo(n, 10)

describe('servicesReport', () => {
  it('gives the figures worked out by hand', async () => {
    const report = AreaReport.parse(await servicesReport(t.db, scope))
    expect(report).toMatchObject({ area: 'services', title: 'Service health' })
    const figures = Object.fromEntries(report.figures.map((f) => [f.key, f]))
    expect(Object.keys(figures)).toEqual([
      'availability.tier1',
      'availability.tier2',
      'availability.tier3',
      'sloMet',
      'budgetsExhausted',
      'downtimeMinutes',
    ])
    expect(figures['availability.tier1']).toMatchObject({
      value: close(356 / 408),
      unit: 'share',
      better: 'higher',
      target: 0.99,
      targetKind: 'min',
      definition: 'uptime',
      note: '1 of 2 services met their SLO',
    })
    expect(figures['availability.tier2']).toMatchObject({ value: 1, target: 0.995 })
    expect(figures['availability.tier3']).toMatchObject({
      value: null,
      target: 0.95,
      note: '0 of 1 services met their SLO; 1 without data',
    })
    expect(figures.sloMet).toMatchObject({
      value: close(2 / 3),
      target: null,
      definition: 'sloAttainment',
    })
    expect(figures.budgetsExhausted).toMatchObject({
      value: 1,
      better: 'lower',
      target: 0,
      targetKind: 'max',
    })
    expect(figures.downtimeMinutes).toMatchObject({
      value: 60,
      unit: 'minutes',
      note: '55 min during incidents',
    })
  })

  it('gives the tiers, the worst services and the budgets spent', async () => {
    const report = await servicesReport(t.db, scope)
    const rows = (key: string) => report.tables.find((x) => x.key === key)?.rows
    expect(rows('tiers')).toEqual([
      {
        tier: 1,
        services: 2,
        availability: close(356 / 408),
        sloTarget: 0.99,
        met: 1,
        breached: 1,
        noData: 0,
      },
      { tier: 2, services: 1, availability: 1, sloTarget: 0.995, met: 1, breached: 0, noData: 0 },
      { tier: 3, services: 1, availability: null, sloTarget: 0.95, met: 0, breached: 0, noData: 1 },
    ])
    expect(rows('worstServices')).toEqual([
      {
        service: 'Payments',
        tier: 1,
        availability: close(70 / 120),
        sloTarget: 0.999,
        downtimeMinutes: 50,
        budgetConsumed: close(50 / 43.2),
      },
      {
        service: 'Sign-in',
        tier: 1,
        availability: close(286 / 288),
        sloTarget: 0.99,
        downtimeMinutes: 10,
        budgetConsumed: close(10 / 432),
      },
      {
        service: 'Website',
        tier: 2,
        availability: 1,
        sloTarget: 0.995,
        downtimeMinutes: 0,
        budgetConsumed: 0,
      },
    ])
    expect(rows('errorBudgets')).toEqual([
      {
        service: 'Payments',
        tier: 1,
        allowedMinutes: 43.2,
        consumedMinutes: 50,
        consumed: close(50 / 43.2),
        incidentMinutes: 45,
        incidents: 'INC-0012 (SEV1)',
        incidentCount: 1,
        worstSeverity: 'SEV1',
      },
      {
        service: 'Sign-in',
        tier: 1,
        allowedMinutes: 432,
        consumedMinutes: 10,
        consumed: close(10 / 432),
        incidentMinutes: 10,
        incidents: 'INC-0013 (SEV3), INC-0015 (SEV2)',
        incidentCount: 2,
        worstSeverity: 'SEV2',
      },
    ])
  })

  it('agrees with the services summary for the same range', async () => {
    const [report, summary] = await Promise.all([
      servicesReport(t.db, scope),
      servicesSummary(t.db, scope),
    ])
    const tiers = report.tables.find((x) => x.key === 'tiers')?.rows
    expect(tiers).toEqual(
      summary.byTier.map((s) => ({
        tier: s.tier,
        services: s.services,
        availability: s.uptime,
        sloTarget: s.sloTargetMin,
        met: s.meetingSlo,
        breached: s.breachingSlo,
        noData: s.noData,
      })),
    )
  })

  it('charges incidents only up to now', async () => {
    // On 10 November 10:30Z INC-0012 has been open 30 min (30 of pay's down samples) and
    // INC-0015 has not started.
    const earlier = { ...scope, now: new Date('2026-11-10T10:30:00Z') }
    const report = await servicesReport(t.db, earlier)
    const budgets = report.tables.find((x) => x.key === 'errorBudgets')?.rows
    expect(
      budgets?.map((r) => [r.service, r.incidentMinutes, r.incidents, r.worstSeverity]),
    ).toEqual([
      ['Payments', 30, 'INC-0012 (SEV1)', 'SEV1'],
      ['Sign-in', 0, 'INC-0013 (SEV3)', 'SEV3'],
    ])
  })
})
