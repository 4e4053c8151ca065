import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getOrganisation } from '../lib/organisation.ts'
import { AreaReport } from '../lib/report-section.ts'
import type { Scope } from '../lib/scope.ts'
import { incidentMetrics } from './metrics/metrics.ts'
import { incidentsReport } from './report.ts'

// The worked example. Period: November 2026 in Europe/London (GMT all month) =
// [2026-11-01T00:00Z, 2026-12-01T00:00Z). Now: 20 November 12:00Z, the rest of it to come.
// Response targets are the defaults (SEV1 5 min / 4 h, SEV2 15 min / 8 h, SEV3 1 h / 3 d).
//   INC-0101 SEV1  3 Nov 10:00, ack +4.5, resolved +180: met. Payments and Sign-in.
//   INC-0102 SEV2 10 Nov 08:00, ack +30 (> 15: breached), resolved +300. Sign-in.
//   INC-0103 SEV3 12 Nov 09:00, ack +20, resolved +1,440: met.
//   INC-0104 SEV2 19 Nov 12:00, ack +10, open: 24 h now, past its 8 h (breached); no duration.
//   INC-0105 SEV4 30 Oct: before the period. INC-0106 SEV3 25 Nov: after now, not yet counted.
// Incidents 4, SEV1 1, major (SEV1/SEV2, which need a review) 3, targets missed 2.
// MTTA (4.5 + 30 + 20 + 10) / 4 = 16.125 → 16.1; MTTR (180 + 300 + 1,440) / 3 = 640;
// p90 of 180, 300, 1,440 at rank 0.9 × 2 = 1.8: 300 + 0.8 × 1,140 = 1,212.
// By severity: SEV1 1, 4.5, 180, 0; SEV2 2, (30 + 10) / 2 = 20, 300, 2; SEV3 1, 20, 1,440, 0.
// Follow-ups, overdue from the day after their due day (today 20 Nov):
//   A1 INC-0101 due 15 Nov, open, Alex: 5 days.  A2 INC-0101 due 25 Nov, open: not yet.
//   A3 INC-0102 due 12 Nov, done 11 Nov.  A4 INC-0105 due 1 Nov, open, no owner: 19 days.
//   A5 INC-0103 due 20 Nov (today), open: not yet.  A6 INC-0102 due 14 Nov, done 18 Nov.
//   A7 INC-0104 due 28 Nov, done 2 Dec.  A8 INC-0104 due 30 Nov, added 2 Dec.
// After the period (now 3 Dec 09:00Z) the follow-ups are read at its end, the start of 1 Dec:
// A4 30 days, A1 16, A5 11, A2 6, A7 3 (done only on 2 Dec); A6 was done, A8 not yet added.
const NOW = new Date('2026-11-20T12:00:00Z')
const RANGE = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') }
const MIN = 60_000
const plus = (iso: string, minutes: number | null) =>
  minutes === null ? null : new Date(Date.parse(iso) + minutes * MIN)

let t: TestDatabase
let scope: Scope

beforeAll(async () => {
  t = await createTestDatabase()
  const db = t.db
  const [pay, auth] = await db
    .insertInto('services')
    .values([
      { slug: 'pay', name: 'Payments', tier: 1, sloTarget: 0.999 },
      { slug: 'auth', name: 'Sign-in', tier: 1, sloTarget: 0.99 },
    ])
    .returning('id')
    .execute()
  const team = await db
    .insertInto('teams')
    .values({ slug: 'ops', name: 'Operations' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const alex = await db
    .insertInto('people')
    .values({ teamId: team.id, name: 'Alex', role: 'Engineer', contractedHoursPerWeek: 37.5 })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (!pay || !auth) throw new Error('services not made')

  const ids: Record<string, number> = {}
  const incident = async (
    ref: string,
    severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4',
    startedAt: string,
    ack: number | null,
    resolve: number | null,
    more: { title?: string; summary?: string; customerImpact?: string; on?: number[] } = {},
  ) => {
    const row = await db
      .insertInto('incidents')
      .values({
        ref,
        title: more.title ?? ref,
        summary: more.summary ?? '',
        customerImpact: more.customerImpact ?? '',
        severity,
        startedAt,
        acknowledgedAt: plus(startedAt, ack),
        resolvedAt: plus(startedAt, resolve),
        status: resolve !== null ? 'resolved' : ack !== null ? 'acknowledged' : 'triggered',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    ids[ref] = row.id
    for (const serviceId of more.on ?? []) {
      await db.insertInto('incidentServices').values({ incidentId: row.id, serviceId }).execute()
    }
  }
  await incident('INC-0101', 'SEV1', '2026-11-03T10:00Z', 4.5, 180, {
    title: 'Payments failing',
    summary: 'Card payments failed for all customers.\nThe card processor rejected our TLS.',
    on: [pay.id, auth.id],
  })
  await incident('INC-0102', 'SEV2', '2026-11-10T08:00Z', 30, 300, {
    title: 'Sign-in slow',
    customerImpact: 'Slow sign-in for some users',
    on: [auth.id],
  })
  await incident('INC-0103', 'SEV3', '2026-11-12T09:00Z', 20, 1440)
  await incident('INC-0104', 'SEV2', '2026-11-19T12:00Z', 10, null, { title: 'Queue backlog' })
  await incident('INC-0105', 'SEV4', '2026-10-30T10:00Z', 60, 120)
  await incident('INC-0106', 'SEV3', '2026-11-25T10:00Z', null, null)

  const action = (
    ref: string,
    title: string,
    dueOn: string,
    createdAt: string,
    done: string | null = null,
    owner: number | null = null,
  ) => ({
    incidentId: ids[ref] ?? 0,
    title,
    dueOn,
    createdAt,
    ownerPersonId: owner,
    status: done ? ('done' as const) : ('open' as const),
    completedAt: done,
  })
  await db
    .insertInto('incidentActions')
    .values([
      action('INC-0101', 'A1 failover runbook', '2026-11-15', '2026-11-04T09:00Z', null, alex.id),
      action('INC-0101', 'A2 load test', '2026-11-25', '2026-11-04T09:00Z'),
      action('INC-0102', 'A3 cache fix', '2026-11-12', '2026-11-10T14:00Z', '2026-11-11T10:00Z'),
      action('INC-0105', 'A4 rotate keys', '2026-11-01', '2026-10-30T12:00Z'),
      action('INC-0103', 'A5 alert on lag', '2026-11-20', '2026-11-13T09:00Z'),
      action('INC-0102', 'A6 tune pool', '2026-11-14', '2026-11-10T14:00Z', '2026-11-18T10:00Z'),
      action('INC-0104', 'A7 drain queue', '2026-11-28', '2026-11-19T15:00Z', '2026-12-02T10:00Z'),
      action('INC-0104', 'A8 backfilled', '2026-11-30', '2026-12-02T10:00Z'),
    ])
    .execute()
  scope = { range: RANGE, now: NOW, org: await getOrganisation(db) }
})
afterAll(() => t.drop())

const valuesOf = (r: AreaReport) => Object.fromEntries(r.figures.map((f) => [f.key, f.value]))
const rowsOf = (r: AreaReport, key: string) => r.tables.find((x) => x.key === key)?.rows

describe('incidentsReport', () => {
  it('gives the figures worked out by hand', async () => {
    const report = AreaReport.parse(await incidentsReport(t.db, scope))
    expect(report).toMatchObject({ area: 'incidents', title: 'Incidents' })
    expect(valuesOf(report)).toEqual({
      incidents: 4,
      'incidents.sev1': 1,
      mtta: 16.1,
      mttr: 640,
      mttrP90: 1212,
      slaBreaches: 2,
      majorIncidents: 3,
      followUpsOverdue: 2,
    })
    expect(report.figures.map((f) => [f.key, f.unit, f.better, f.definition, f.target])).toEqual([
      ['incidents', 'count', 'lower', 'incidentCounts', null],
      ['incidents.sev1', 'count', 'lower', 'incidentCounts', null],
      ['mtta', 'minutes', 'lower', 'mtta', null],
      ['mttr', 'minutes', 'lower', 'mttr', null],
      ['mttrP90', 'minutes', 'lower', 'mttr', null],
      ['slaBreaches', 'count', 'lower', 'responseTargets', 0],
      ['majorIncidents', 'count', 'lower', 'incidentCounts', null],
      ['followUpsOverdue', 'count', 'lower', 'followUps', 0],
    ])
  })

  it('gives the tables worked out by hand', async () => {
    const report = await incidentsReport(t.db, scope)
    expect(rowsOf(report, 'bySeverity')).toEqual([
      { severity: 'SEV1', incidents: 1, mtta: 4.5, mttr: 180, slaBreaches: 0 },
      { severity: 'SEV2', incidents: 2, mtta: 20, mttr: 300, slaBreaches: 2 },
      { severity: 'SEV3', incidents: 1, mtta: 20, mttr: 1440, slaBreaches: 0 },
      { severity: 'SEV4', incidents: 0, mtta: null, mttr: null, slaBreaches: 0 },
    ])
    expect(rowsOf(report, 'majorIncidents')).toEqual([
      {
        ref: 'INC-0101',
        title: 'Payments failing',
        severity: 'SEV1',
        started: '2026-11-03',
        durationMinutes: 180,
        services: 'Sign-in, Payments',
        summary: 'Card payments failed for all customers.',
      },
      {
        ref: 'INC-0102',
        title: 'Sign-in slow',
        severity: 'SEV2',
        started: '2026-11-10',
        durationMinutes: 300,
        services: 'Sign-in',
        summary: 'Slow sign-in for some users',
      },
      {
        ref: 'INC-0104',
        title: 'Queue backlog',
        severity: 'SEV2',
        started: '2026-11-19',
        durationMinutes: null,
        services: '',
        summary: 'Queue backlog',
      },
    ])
    expect(rowsOf(report, 'overdueFollowUps')).toEqual([
      {
        incident: 'INC-0105',
        action: 'A4 rotate keys',
        owner: null,
        due: '2026-11-01',
        daysOverdue: 19,
      },
      {
        incident: 'INC-0101',
        action: 'A1 failover runbook',
        owner: 'Alex',
        due: '2026-11-15',
        daysOverdue: 5,
      },
    ])
  })

  it('reads the follow-ups at the end of a period that is over', async () => {
    const after = { ...scope, now: new Date('2026-12-03T09:00:00Z') }
    const report = AreaReport.parse(await incidentsReport(t.db, after))
    // INC-0106 has started by now.
    expect(valuesOf(report)).toMatchObject({ incidents: 5, followUpsOverdue: 5 })
    expect(rowsOf(report, 'overdueFollowUps')?.map((r) => [r.action, r.daysOverdue])).toEqual([
      ['A4 rotate keys', 30],
      ['A1 failover runbook', 16],
      ['A5 alert on lag', 11],
      ['A2 load test', 6],
      ['A7 drain queue', 3],
    ])
  })

  it('agrees with the incident metrics for the same range', async () => {
    const after = { ...scope, now: new Date('2026-12-03T09:00:00Z') }
    const [report, metrics] = await Promise.all([
      incidentsReport(t.db, after),
      incidentMetrics(t.db, after, {}),
    ])
    const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10)
    expect(valuesOf(report)).toMatchObject({
      incidents: metrics.incidents,
      'incidents.sev1': metrics.bySeverity.SEV1,
      mtta: round(metrics.mtta.mean),
      mttr: round(metrics.mttr.mean),
      mttrP90: round(metrics.mttr.p90),
      slaBreaches: metrics.sla.breached,
    })
    expect(rowsOf(report, 'bySeverity')?.map((r) => r.incidents)).toEqual(
      Object.values(metrics.bySeverity),
    )
  })
})
