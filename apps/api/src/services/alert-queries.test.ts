import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAlerts } from './alert-queries.ts'

let t: TestDatabase
let payroll: number
let email: number
beforeAll(async () => {
  t = await createTestDatabase()
  const services = await t.db
    .insertInto('services')
    .values([
      { slug: 'payroll', name: 'Payroll', tier: 1, sloTarget: 0.999 },
      { slug: 'email', name: 'Email', tier: 2, sloTarget: 0.995 },
    ])
    .returning('id')
    .execute()
  payroll = services[0]!.id
  email = services[1]!.id
  const alert = { threshold: 14.4, longBurnRate: 20, shortBurnRate: 22, peakBurnRate: 22 }
  await t.db
    .insertInto('sloAlerts')
    .values([
      // Ended 1 December 10:00.
      {
        ...alert,
        serviceId: payroll,
        severity: 'page',
        rule: '1h/5m',
        startedAt: '2026-12-01T09:00Z',
        endedAt: '2026-12-01T10:00Z',
      },
      // Still open, started 2 December.
      {
        ...alert,
        serviceId: payroll,
        severity: 'ticket',
        rule: '24h/2h',
        threshold: 3,
        startedAt: '2026-12-02T08:00Z',
      },
      // Ended 20 November.
      {
        ...alert,
        serviceId: email,
        severity: 'page',
        rule: '6h/30m',
        threshold: 6,
        startedAt: '2026-11-20T08:00Z',
        endedAt: '2026-11-20T09:00Z',
      },
    ])
    .execute()
})
afterAll(() => t.drop())

describe('listAlerts', () => {
  it('lists open alerts first, then the latest started, with the service and figures', async () => {
    const alerts = await listAlerts(t.db)
    expect(alerts.map((a) => `${a.serviceSlug} ${a.rule}`)).toEqual([
      'payroll 24h/2h',
      'payroll 1h/5m',
      'email 6h/30m',
    ])
    expect(alerts[1]).toMatchObject({
      serviceId: payroll,
      serviceName: 'Payroll',
      severity: 'page',
      threshold: 14.4,
      longBurnRate: 20,
      shortBurnRate: 22,
      peakBurnRate: 22,
      startedAt: new Date('2026-12-01T09:00Z'),
      endedAt: new Date('2026-12-01T10:00Z'),
    })
  })

  it('filters by service, open only, and activity since an instant', async () => {
    const forEmail = await listAlerts(t.db, { serviceId: email })
    expect(forEmail.map((a) => a.rule)).toEqual(['6h/30m'])
    const open = await listAlerts(t.db, { openOnly: true })
    expect(open.map((a) => a.rule)).toEqual(['24h/2h'])
    // Ended at 10:00 on 1 December: still counted from exactly then, not after.
    const since = await listAlerts(t.db, { since: new Date('2026-12-01T10:00Z') })
    expect(since.map((a) => a.rule)).toEqual(['24h/2h', '1h/5m'])
    const later = await listAlerts(t.db, { since: new Date('2026-12-01T10:00:01Z') })
    expect(later.map((a) => a.rule)).toEqual(['24h/2h'])
  })
})
