import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ServicesSummary } from './schemas.ts'
import { expectMatches } from '../../test/helpers.ts'
import { exampleApp, NOW, OCTOBER } from '../../test/worked-example.ts'

let ex: Awaited<ReturnType<typeof exampleApp>>
beforeAll(async () => {
  ex = await exampleApp()
})
afterAll(() => ex.drop())

const summary = async (query = OCTOBER) =>
  (await ex.get<ServicesSummary>(`/api/v1/services/summary?${query}`)).body

describe('GET /api/v1/services/summary', () => {
  it('counts services by current status, treating stale samples as unknown', async () => {
    const body = await summary()
    expect(body.total).toBe(3)
    expect(body.byStatus).toEqual({ up: 0, degraded: 0, down: 1, maintenance: 1, unknown: 1 })
  })

  it('computes uptime and SLO health per tier from the rollups inside the range only', async () => {
    const [tier1, tier2] = (await summary()).byTier
    if (!tier1) throw new Error('no tier 1')
    // Tier 1: A up 50 + degraded 5, down 5; B up 60 → (110 + 5) / 120. 30 September is outside.
    expect(tier1.uptime).toBeCloseTo(115 / 120, 10)
    expect(tier1.coverage).toBeCloseTo(120 / (2 * 745 * 60), 10)
    expect(tier1).toMatchObject({ tier: 1, services: 2, meetingSlo: 1, breachingSlo: 1, noData: 0 })
    expect(tier1.sloTargetMin).toBe(0.999)
    expect(tier1.sloTargetMax).toBe(0.9995)
    // B meets its 99.95% (60 / 60), A misses its 99.9% (55 / 60 = 91.7%): some of each.
    expect(tier1.health).toBe('partly')
    expect(tier2).toMatchObject({
      tier: 2,
      services: 1,
      uptime: null,
      noData: 1,
      health: 'no-data',
    })
  })

  it('reads a range within a day from the hourly rollup', async () => {
    const body = await summary('from=2026-10-10T10:30:00Z&to=2026-10-10T12:00:00Z')
    // The hour from 10:00 is included whole: rollups resolve to hours.
    expect(body.byTier[0]).toMatchObject({
      uptime: 55 / 60,
      meetingSlo: 0,
      breachingSlo: 1,
      noData: 1,
    })
  })

  it('gives the range it was computed over, 30 days to now by default', async () => {
    const { status, body } = await ex.get<ServicesSummary>('/api/v1/services/summary')
    expect(status).toBe(200)
    expect(body.to).toBe(NOW.toISOString())
    expect(body.from).toBe('2026-10-05T12:00:00.000Z')
  })

  it('answers as its schema in the OpenAPI document says', async () => {
    const { status, body } = await ex.get(`/api/v1/services/summary?${OCTOBER}`)
    expect(status).toBe(200)
    expectMatches(ServicesSummary, body)
  })
})
