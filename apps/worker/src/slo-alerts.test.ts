import { type IngestSample, ingestSamples } from '@opsdeck/db'
import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateSloAlerts } from './slo-alerts.ts'

const MINUTE = 60_000
const at = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00Z`)

let t: TestDatabase
let payroll: number
let patched: number
afterAll(() => t.drop())
beforeAll(async () => {
  t = await createTestDatabase()
  const ids = await t.db
    .insertInto('services')
    .values(['payroll', 'patched'].map((slug) => ({ slug, name: slug, tier: 1, sloTarget: 0.999 })))
    .returning('id')
    .execute()
  ;[payroll, patched] = ids.map((r) => r.id) as [number, number]
  // 'patched' fails the same way, but inside a maintenance window.
  await t.db
    .insertInto('maintenanceWindows')
    .values({ serviceId: patched, startsAt: at('08:00'), endsAt: at('11:00') })
    .execute()
  // Six clean hours, then from 09:00 every fifth minute down (20%): one in every 5 minutes.
  await ingest('03:00', '09:00', () => 'up')
  await ingest('09:00', '09:30', (i) => (i % 5 === 0 ? 'down' : 'up'))
})

// Minute checks in [from, to) for both services.
async function ingest(from: string, to: string, status: (i: number) => IngestSample['status']) {
  const samples: IngestSample[] = []
  for (let ms = at(from).getTime(), i = 0; ms < at(to).getTime(); ms += MINUTE, i++) {
    for (const serviceId of [payroll, patched]) {
      const s = status(i)
      samples.push({
        serviceId,
        at: new Date(ms),
        status: s,
        latencyMs: 90,
        statusCode: null,
        error: null,
      })
    }
  }
  await ingestSamples(t.db, samples)
}

const alerts = (serviceId: number) =>
  t.db
    .selectFrom('sloAlerts')
    .select([
      'rule',
      'severity',
      'threshold',
      'longBurnRate',
      'shortBurnRate',
      'peakBurnRate',
      'startedAt',
      'endedAt',
    ])
    .where('serviceId', '=', serviceId)
    .orderBy('id')
    .execute()

describe('evaluateSloAlerts', () => {
  it('pages when an hour of 20% failures burns a 99.9% budget, with the figures', async () => {
    const outcome = await evaluateSloAlerts(t.db, at('09:30'))
    expect(outcome).toMatchObject({ status: 'evaluated', opened: 4, ended: 0 })
    const rows = await alerts(payroll)
    // At 09:30 over a 30-day window: 1 h = 6 down of 60 → 0.1 / 0.001 = 100 ≥ 14.4, and 5 min =
    // 1 of 5 → 200 ≥ 14.4. 6 h: 6 / 360 → 16.7 ≥ 6 with 30 min 6 / 30 → 200; 24 h and 3 d hold
    // only the 390 samples since 03:00: 6 / 390 → 15.4 ≥ 3 and ≥ 1, with 2 h 6 / 120 → 50 and 6 h.
    expect(rows.map((r) => r.rule)).toEqual(['1h/5m', '6h/30m', '24h/2h', '3d/6h'])
    expect(rows[0]).toEqual({
      rule: '1h/5m',
      severity: 'page',
      threshold: 14.4,
      longBurnRate: 100,
      shortBurnRate: 200,
      peakBurnRate: 100,
      startedAt: at('09:30'),
      endedAt: null,
    })
    expect(rows[2]).toMatchObject({ severity: 'ticket', threshold: 3, shortBurnRate: 50 })
    expect(await alerts(patched)).toEqual([])
  })

  it('raises the peak while the rule keeps firing, without a second row', async () => {
    await ingest('09:30', '10:00', (i) => (i % 5 === 0 ? 'down' : 'up'))
    const outcome = await evaluateSloAlerts(t.db, at('10:00'))
    expect(outcome).toMatchObject({ opened: 0, ended: 0, firing: 4 })
    const [page] = await alerts(payroll)
    // 1 h to 10:00: 12 of 60 → 200; the figures that fired it stay those of 09:30.
    expect(page).toMatchObject({
      rule: '1h/5m',
      longBurnRate: 100,
      peakBurnRate: 200,
      endedAt: null,
    })
  })

  it('ends the page once the last 5 minutes are clean; the slower rules still fire', async () => {
    await ingest('10:00', '10:10', () => 'up')
    const outcome = await evaluateSloAlerts(t.db, at('10:10'))
    expect(outcome).toMatchObject({ opened: 0, ended: 1 })
    const rows = await alerts(payroll)
    // 5 min to 10:10: 0 down → 0 < 14.4, although the 1 h is still 10 of 60 → 167. 30 min: 4 of
    // 30 → 133 ≥ 6 with 6 h: 12 of 360 → 33 ≥ 6.
    expect(rows.map((r) => [r.rule, r.endedAt])).toEqual([
      ['1h/5m', at('10:10')],
      ['6h/30m', null],
      ['24h/2h', null],
      ['3d/6h', null],
    ])
    // Evaluating the same instant again changes nothing.
    expect(await evaluateSloAlerts(t.db, at('10:10'))).toMatchObject({ opened: 0, ended: 0 })
    expect(await alerts(payroll)).toEqual(rows)
    expect(await alerts(patched)).toEqual([])
  })

  it('opens a new alert when the rule fires again, once under two workers at once', async () => {
    await ingest('10:10', '10:15', () => 'down')
    // 5 min: 5 of 5 → 1,000; 1 h (09:15–10:15): 9 + 5 = 14 of 60 → 233.
    const both = await Promise.all([
      evaluateSloAlerts(t.db, at('10:15')),
      evaluateSloAlerts(t.db, at('10:15')),
    ])
    expect(both.filter((o) => o.status === 'evaluated' && o.opened === 1)).toHaveLength(1)
    const pages = (await alerts(payroll)).filter((r) => r.rule === '1h/5m')
    expect(pages.map((r) => [r.startedAt, r.endedAt])).toEqual([
      [at('09:30'), at('10:10')],
      [at('10:15'), null],
    ])
    expect(pages[1]!.shortBurnRate).toBe(1000)
  })

  it('ends the alerts of a service that is archived', async () => {
    await t.db
      .updateTable('services')
      .set({ archivedAt: at('10:20') })
      .where('id', '=', payroll)
      .execute()
    const outcome = await evaluateSloAlerts(t.db, at('10:20'))
    expect(outcome).toMatchObject({ opened: 0, ended: 4 })
    expect((await alerts(payroll)).filter((r) => r.endedAt === null)).toEqual([])
  })
})
