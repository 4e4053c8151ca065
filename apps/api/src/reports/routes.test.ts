import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches, loginAs, postJson } from '../../test/helpers.ts'
import { exampleApp } from '../../test/worked-example.ts'
import { Report } from './schemas.ts'
import { Snapshot, SnapshotList } from './snapshots/schemas.ts'

// The report over the worked example (now: 4 November 2026, 12:00Z): October is the last whole
// month. Each area's figures are asserted in its own report test; here, the composition, the
// snapshot that never changes, and who may do what.
let ex: Awaited<ReturnType<typeof exampleApp>>
let manager: Record<string, string>
beforeAll(async () => {
  ex = await exampleApp()
  manager = (await loginAs(ex, 'manager')).headers
})
afterAll(() => ex.drop())

const freeze = (body: unknown, headers = manager) =>
  postJson(ex, '/api/v1/reports/snapshots', body, headers)

describe('GET /api/v1/reports/preview', () => {
  it('is the last whole month by default, with the four areas, the summary and definitions', async () => {
    const { status, body } = await ex.get<Report>('/api/v1/reports/preview')
    expect(status).toBe(200)
    const report = expectMatches(Report, body)
    expect(report.period).toMatchObject({
      kind: 'month',
      firstDay: '2026-10-01',
      label: 'October 2026',
    })
    expect(report.previous.label).toBe('September 2026')
    expect(report.trend).toHaveLength(6)
    expect(report.sections.map((s) => s.area)).toEqual([
      'services',
      'incidents',
      'projects',
      'capacity',
    ])
    expect(report.summary.text.length).toBeGreaterThan(0)
    expect(report.definitions.map((d) => d.id)).toContain('periodChange')
    // Every figure's definition is in the appendix.
    const ids = new Set(report.definitions.map((d) => d.id))
    for (const s of report.sections) {
      for (const f of s.figures) if (f.definition) expect(ids, f.key).toContain(f.definition)
    }
  })

  it('gives each figure the previous period as the trend’s last but one', async () => {
    const { body } = await ex.get<Report>('/api/v1/reports/preview?period=month&day=2026-10-31')
    for (const s of body.sections) {
      for (const f of s.figures) {
        expect(f.trend.at(-1), f.key).toBe(f.value)
        expect(f.trend.at(-2) ?? null, f.key).toBe(f.previous)
      }
    }
  })

  it('has in its trend the figures each earlier period’s own report gives', async () => {
    const october = await ex.get<Report>('/api/v1/reports/preview?day=2026-10-01')
    const september = await ex.get<Report>('/api/v1/reports/preview?day=2026-09-01')
    for (const s of october.body.sections) {
      const own = september.body.sections.find((x) => x.area === s.area)
      for (const f of s.figures) {
        const value = own?.figures.find((x) => x.key === f.key)?.value ?? null
        expect(f.previous, `${s.area} ${f.key}`).toBe(value)
      }
    }
    // The earlier periods are read for their figures: the tables are the period's own.
    expect(september.body.sections.every((s) => s.tables.length > 0)).toBe(true)
  })

  it('refuses a period that has not begun, and a custom period without its days', async () => {
    const future = await ex.get<{ error: { code: string; details: { path: string }[] } }>(
      '/api/v1/reports/preview?period=month&day=2026-12-01',
    )
    expect(future.status).toBe(422)
    expect(future.body.error.code).toBe('period_not_started')
    expect(future.body.error.details[0]?.path).toBe('query.day')
    const custom = await ex.get<{ error: { code: string; details: { path: string }[] } }>(
      '/api/v1/reports/preview?period=custom&from=2026-10-10',
    )
    expect(custom.status).toBe(400)
    expect(custom.body.error.details.map((d) => d.path)).toEqual(['query.to'])
    const bad = await ex.get<{ error: { details: { path: string }[] } }>(
      '/api/v1/reports/preview?period=custom&from=2026-13-01&to=2026-12-01',
    )
    expect(bad.body.error.details.map((d) => d.path)).toEqual(['query.from'])
    const reversed = await ex.get(
      '/api/v1/reports/preview?period=custom&from=2026-10-10&to=2026-10-01',
    )
    expect(reversed.status).toBe(400)
  })
})

describe('report snapshots', () => {
  it('freezes the report with the edited summary; later data changes do not touch it', async () => {
    const summary = { text: 'October went well.', highlights: ['Quiet month'], risks: [] }
    const res = await freeze({ period: 'month', day: '2026-10-01', summary, title: 'Board pack' })
    expect(res.status).toBe(201)
    const frozen = expectMatches(Snapshot, await res.json())
    expect(frozen).toMatchObject({
      title: 'Board pack',
      firstDay: '2026-10-01',
      lastDay: '2026-10-31',
    })
    expect(frozen.report.summary).toEqual(summary)
    expect(frozen.dataCutoff).toBe('2026-11-04T12:00:00.000Z')
    const incidentsBefore = figure(frozen.report, 'incidents', 'incidents')

    // A new SEV1 in October, recorded after the freeze: the preview counts it, the snapshot not.
    await ex.db
      .insertInto('incidents')
      .values({
        ref: 'INC-LATE',
        title: 'Found later',
        severity: 'SEV1',
        status: 'resolved',
        startedAt: '2026-10-20T10:00:00Z',
        detectedAt: null,
        acknowledgedAt: '2026-10-20T10:05:00Z',
        mitigatedAt: null,
        resolvedAt: '2026-10-20T11:00:00Z',
        closedAt: null,
        commanderPersonId: null,
        externalId: null,
      })
      .execute()
    const preview = await ex.get<Report>('/api/v1/reports/preview?day=2026-10-01')
    expect(figure(preview.body, 'incidents', 'incidents')).toBe((incidentsBefore ?? 0) + 1)
    const again = await ex.get<Snapshot>(`/api/v1/reports/snapshots/${frozen.id}`)
    expect(again.body).toEqual(frozen)

    // Nor can anyone rewrite it in SQL.
    await expect(
      sql`UPDATE report_snapshots SET title = 'Edited' WHERE id = ${frozen.id}`.execute(ex.db),
    ).rejects.toThrow(/immutable/)
  })

  it('lists the archive, newest period first, and compares by opening two', async () => {
    await freeze({ period: 'month', day: '2026-09-01' })
    const { body } = await ex.get<SnapshotList>('/api/v1/reports/snapshots')
    expectMatches(SnapshotList, body)
    const days = body.snapshots.map((s) => s.firstDay)
    expect(days).toEqual([...days].sort().reverse())
    expect(body.snapshots.map((s) => s.label)).toContain('September 2026')
  })

  it('exports any table as CSV, figures in spreadsheet units', async () => {
    const res = await freeze({ period: 'month', day: '2026-10-01' })
    const { id } = (await res.json()) as { id: number }
    const csv = await ex.app.request(`/api/v1/reports/snapshots/${id}/csv`, { headers: manager })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const text = await csv.text()
    expect(text.split('\r\n')[0]).toBe('Area,Figure,Unit,Value,Previous,Change,Target,On target')
    const table = await ex.app.request(`/api/v1/reports/snapshots/${id}/csv?table=services.tiers`, {
      headers: manager,
    })
    expect(table.status).toBe(200)
    const missing = await ex.app.request(`/api/v1/reports/snapshots/${id}/csv?table=nope`, {
      headers: manager,
    })
    expect(missing.status).toBe(404)
  })

  it('is frozen by managers only; viewers read; unknown ids are 404', async () => {
    const viewer = (await loginAs(ex, 'viewer')).headers
    const refused = await freeze({ period: 'month' }, viewer)
    expect(refused.status).toBe(403)
    expect((await ex.get('/api/v1/reports/snapshots/999999')).status).toBe(404)
    for (const text of ['x\u0000', 'paid \u202Eevil', 'bell \u0007']) {
      const bad = await freeze({ period: 'month', summary: { text, highlights: [], risks: [] } })
      expect(bad.status, JSON.stringify(text)).toBe(400)
      const { error } = (await bad.json()) as { error: { details: { path: string }[] } }
      expect(error.details.map((d) => d.path)).toEqual(['json.summary.text'])
    }
    // Paragraphs are fine.
    const lines = { text: 'First.\n\nSecond.', highlights: [], risks: [] }
    expect((await freeze({ period: 'month', summary: lines })).status).toBe(201)
  })
})

function figure(report: Report, area: string, key: string) {
  return report.sections.find((s) => s.area === area)?.figures.find((f) => f.key === key)?.value
}
