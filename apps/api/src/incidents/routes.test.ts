import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IncidentsSummary } from './schemas.ts'
import { expectMatches } from '../../test/helpers.ts'
import { exampleApp, OCTOBER } from '../../test/worked-example.ts'

let ex: Awaited<ReturnType<typeof exampleApp>>
beforeAll(async () => {
  ex = await exampleApp()
})
afterAll(() => ex.drop())

describe('GET /api/v1/incidents/summary', () => {
  it('gives open incidents now and MTTA/MTTR over incidents started in the range', async () => {
    const { status, body } = await ex.get<IncidentsSummary>(`/api/v1/incidents/summary?${OCTOBER}`)
    expect(status).toBe(200)
    // Open now, whenever they started (I5 started in September).
    expect(body.open).toEqual({ SEV1: 0, SEV2: 1, SEV3: 0, SEV4: 1, total: 2 })
    expect(body.startedInRange).toBe(3)
    // Acknowledged after 10, 30 and 20 minutes → mean 20, median 20, p90 h = 1.8 → 20 + 0.8 × 10.
    expect(body.mtta).toMatchObject({ mean: 20, median: 20, count: 3 })
    expect(body.mtta.p90).toBeCloseTo(28, 9)
    // Resolved: 120 and 300 minutes → mean 210, median 210, p90 120 + 0.9 × 180 = 282.
    expect(body.mttr).toMatchObject({ mean: 210, median: 210, p90: 282, count: 2 })
  })

  it('answers as its schema in the OpenAPI document says', async () => {
    const { status, body } = await ex.get(`/api/v1/incidents/summary?${OCTOBER}`)
    expect(status).toBe(200)
    expectMatches(IncidentsSummary, body)
  })
})
