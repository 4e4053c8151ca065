import { type IngestSample, ingestSamples } from '@opsdeck/db'
import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateSloAlerts } from './slo-alerts.ts'

const MINUTE = 60_000
const at = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00Z`)

let t: TestDatabase
let paging: number
let quiet: number
afterAll(() => t.drop())
beforeAll(async () => {
  t = await createTestDatabase()
  const ids = await t.db
    .insertInto('services')
    .values([
      { slug: 'payroll', name: 'Payroll', tier: 1, sloTarget: 0.999, openIncidentOnPage: true },
      { slug: 'intranet', name: 'Intranet', tier: 3, sloTarget: 0.999 },
    ])
    .returning('id')
    .execute()
  ;[paging, quiet] = ids.map((r) => r.id) as [number, number]
  // Six clean hours, then from 09:00 every fifth minute down (20%): both page rules fire at 09:30.
  await ingest('03:00', '09:00', () => 'up')
  await ingest('09:00', '09:30', (i) => (i % 5 === 0 ? 'down' : 'up'))
})

// Minute checks in [from, to) for both services.
async function ingest(from: string, to: string, status: (i: number) => IngestSample['status']) {
  const samples: IngestSample[] = []
  for (let ms = at(from).getTime(), i = 0; ms < at(to).getTime(); ms += MINUTE, i++) {
    for (const serviceId of [paging, quiet]) {
      samples.push({
        serviceId,
        at: new Date(ms),
        status: status(i),
        latencyMs: 90,
        statusCode: null,
        error: null,
      })
    }
  }
  await ingestSamples(t.db, samples)
}

const incidentsOf = (serviceId: number) =>
  t.db
    .selectFrom('incidents')
    .select(['id', 'ref', 'status', 'severity', 'title', 'startedAt', 'source', 'externalId'])
    .where('source', '=', 'slo')
    .where('externalId', '=', `service:${serviceId}`)
    .orderBy('id')
    .execute()

const timeline = (incidentId: number) =>
  t.db
    .selectFrom('incidentEvents')
    .select(['kind', 'at', 'body', 'author', 'authorUserId'])
    .where('incidentId', '=', incidentId)
    .orderBy('id')
    .execute()

describe('burn-rate incidents', () => {
  it('opens one SEV2 incident when page alerts fire on a service that asks for it', async () => {
    const outcome = await evaluateSloAlerts(t.db, at('09:30'))
    // Four rules fire on each service; the two page rules open one incident, for payroll only.
    expect(outcome).toMatchObject({ status: 'evaluated', opened: 8, incidents: 1 })
    expect(await incidentsOf(quiet)).toEqual([])
    const [incident, ...more] = await incidentsOf(paging)
    expect(more).toEqual([])
    expect(incident).toMatchObject({
      status: 'triggered',
      severity: 'SEV2',
      title: 'Error budget burning fast: Payroll',
      startedAt: at('09:30'),
      externalId: `service:${paging}`,
    })
    const services = await t.db
      .selectFrom('incidentServices')
      .select(['serviceId', 'impact'])
      .where('incidentId', '=', incident!.id)
      .execute()
    expect(services).toEqual([{ serviceId: paging, impact: 'degraded' }])
    // 1 h: 6 down of 60 → 0.1 / 0.001 = 100 ≥ 14.4 (5 min: 1 of 5 → 200); 6 h: 6 of 360 → 16.7 ≥ 6.
    expect(await timeline(incident!.id)).toEqual([
      {
        kind: 'created',
        at: at('09:30'),
        body: 'Opened by Burn-rate alerts: SEV2 Error budget burning fast: Payroll. Affected: payroll (degraded)',
        author: 'Burn-rate alerts',
        authorUserId: null,
      },
      {
        kind: 'alert',
        at: at('09:30'),
        body: 'Page alert: the 1h/5m rule at 100× the sustainable burn rate (200× over its short window; pages from 14.4×).',
        author: 'Burn-rate alerts',
        authorUserId: null,
      },
      {
        kind: 'alert',
        at: at('09:30'),
        body: 'Page alert: the 6h/30m rule at 16.666667× the sustainable burn rate (200× over its short window; pages from 6×).',
        author: 'Burn-rate alerts',
        authorUserId: null,
      },
    ])
  })

  it('adds nothing while the alerts keep firing, and notes a page alert’s end', async () => {
    await ingest('09:30', '10:00', (i) => (i % 5 === 0 ? 'down' : 'up'))
    expect(await evaluateSloAlerts(t.db, at('10:00'))).toMatchObject({ opened: 0, incidents: 0 })
    const [incident] = await incidentsOf(paging)
    expect(await timeline(incident!.id)).toHaveLength(3)

    await ingest('10:00', '10:10', () => 'up')
    expect(await evaluateSloAlerts(t.db, at('10:10'))).toMatchObject({ ended: 2, incidents: 0 })
    // The 1 h page ended on both services: payroll's open incident notes it and stays open.
    expect((await timeline(incident!.id)).at(-1)).toMatchObject({
      kind: 'alert',
      at: at('10:10'),
      body: 'Page alert 1h/5m ended at 2026-12-02T10:10:00.000Z.',
    })
    expect((await incidentsOf(paging))[0]!.status).toBe('triggered')
    expect(await incidentsOf(quiet)).toEqual([])
  })

  it('opens a new incident when a page alert fires after the last one was resolved', async () => {
    const [first] = await incidentsOf(paging)
    await t.db
      .updateTable('incidents')
      .set({ status: 'resolved', acknowledgedAt: at('10:12'), mitigatedAt: at('10:12') })
      .set({ resolvedAt: at('10:12') })
      .where('id', '=', first!.id)
      .execute()
    await ingest('10:10', '10:15', () => 'down')
    expect(await evaluateSloAlerts(t.db, at('10:15'))).toMatchObject({ opened: 2, incidents: 1 })
    const [, second, ...more] = await incidentsOf(paging)
    expect(more).toEqual([])
    expect(second).toMatchObject({ status: 'triggered', startedAt: at('10:15') })
    expect(second!.ref).not.toBe(first!.ref)
    expect(await incidentsOf(quiet)).toEqual([])
  })
})
