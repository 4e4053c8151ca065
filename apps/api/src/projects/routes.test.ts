import { DEFAULT_RAG_THRESHOLDS } from '@opsdeck/kpi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Portfolio } from './portfolio/schemas.ts'
import { ProjectsSummary } from './schemas.ts'
import { expectMatches } from '../../test/helpers.ts'
import { exampleApp, OCTOBER } from '../../test/worked-example.ts'

let ex: Awaited<ReturnType<typeof exampleApp>>
beforeAll(async () => {
  ex = await exampleApp()
})
afterAll(() => ex.drop())

const summary = async () =>
  (await ex.get<ProjectsSummary>(`/api/v1/projects/summary?${OCTOBER}`)).body

describe('GET /api/v1/projects/summary', () => {
  it('sums the live portfolio with EVM forecasts and RAG as of the last day', async () => {
    // P1: BAC £100k, PV £100k, AC £125k, 80% → EV £80k, CPI 0.64 → EAC £156,250 (red).
    // P2: BAC £20k, PV £20k, AC £19k, 100% → CPI 1.0526, EAC £19k (green).
    // P3 starts in December, P4 is cancelled: neither is in the live portfolio.
    expect(await summary()).toMatchObject({
      asOf: '2026-10-31',
      currency: 'GBP',
      projects: 2,
      bac: 12_000_000,
      ac: 14_400_000,
      eac: 17_525_000,
      vac: -5_525_000,
      rag: { red: 1, amber: 0, green: 1, grey: 0 },
      thresholds: DEFAULT_RAG_THRESHOLDS,
    })
  })

  it('names the projects at risk with the rule that set their colour', async () => {
    const { atRisk } = await summary()
    expect(atRisk).toEqual([
      { id: expect.any(Number), code: 'P1', name: 'P1', status: 'red', reason: 'CPI 0.64 < 0.85' },
    ])
  })

  it('rates with the organisation’s thresholds', async () => {
    const red = { cpi: 0.5, spi: 0.5, eacOverBac: 2 }
    const amber = DEFAULT_RAG_THRESHOLDS.amber
    await ex.db
      .updateTable('organisationSettings')
      .set({ ragThresholds: JSON.stringify({ red, amber }) })
      .execute()
    try {
      const body = await summary()
      expect(body.thresholds).toEqual({ red, amber })
      expect(body.atRisk).toMatchObject([
        { code: 'P1', status: 'amber', reason: 'CPI 0.64 < 0.95' },
      ])
    } finally {
      await ex.db
        .updateTable('organisationSettings')
        .set({ ragThresholds: JSON.stringify(DEFAULT_RAG_THRESHOLDS) })
        .execute()
    }
  })

  it('is GET /portfolio’s roll-up as of the same day, less the projects not yet started', async () => {
    const { status, body } = await ex.get(`/api/v1/portfolio?asOf=2026-10-31`)
    expect(status).toBe(200)
    const { projects, totals } = expectMatches(Portfolio, body)
    // P3 (BAC £50k, from 1 December) is listed with PV 0; the Overview counts started projects.
    expect(projects.map((p) => [p.code, p.started, p.pv])).toEqual([
      ['P1', true, 10_000_000],
      ['P2', true, 2_000_000],
      ['P3', false, 0],
    ])
    expect(totals).toMatchObject({ projects: 3, bac: 17_000_000, ac: 14_400_000, eac: 22_525_000 })
    const s = await summary()
    expect([s.projects, s.bac, s.ac, s.eac, s.vac]).toEqual([
      totals.projects - 1,
      totals.bac - 5_000_000,
      totals.ac,
      totals.eac - 5_000_000,
      totals.vac, // P3 adds its BAC to both BAC and EAC
    ])
  })

  it('answers as its schema in the OpenAPI document says', async () => {
    const { status, body } = await ex.get(`/api/v1/projects/summary?${OCTOBER}`)
    expect(status).toBe(200)
    expectMatches(ProjectsSummary, body)
  })
})
