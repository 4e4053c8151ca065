import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches } from '../../../test/helpers.ts'
import { readExampleApp } from './read-example.ts'
import { ServiceList } from './schemas.ts'

// Filters and sorts of GET /services over read-example.ts: 'pay' (tier 1, infra, up), 'hr'
// (tier 2, people, down), 'quiet' (tier 3, no data: unknown), 'old' (tier 3, archived).

let ex: Awaited<ReturnType<typeof readExampleApp>>
beforeAll(async () => {
  ex = await readExampleApp()
})
afterAll(() => ex.drop())

const slugs = async (query: string) => {
  const res = await ex.get(`/api/v1/services?${query}`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return expectMatches(ServiceList, res.body).services.map((s) => s.slug)
}

describe('GET /api/v1/services: filters', () => {
  it('leaves archived services out unless asked', async () => {
    expect(await slugs('')).toEqual(['hr', 'quiet', 'pay'])
    expect(await slugs('archived=only')).toEqual(['old'])
    expect((await slugs('archived=true')).sort()).toEqual(['hr', 'old', 'pay', 'quiet'])
  })

  it('filters by status now, tier, owner team and text in slug, name or tags', async () => {
    expect(await slugs('status=down,unknown')).toEqual(['hr', 'quiet'])
    expect(await slugs('status=up')).toEqual(['pay'])
    expect(await slugs('tier=1,2')).toEqual(['hr', 'pay'])
    expect(await slugs('team=people')).toEqual(['hr'])
    expect(await slugs('q=PAYMENTS')).toEqual(['pay'])
    expect(await slugs('q=cor')).toEqual(['pay']) // the tag 'core'
    expect(await slugs('q=%25')).toEqual([]) // a literal %, not a wildcard
    expect(await slugs('tier=3&archived=true&q=ol')).toEqual(['old'])
  })

  it('refuses unknown values with 400, naming the field', async () => {
    for (const query of ['sort=colour', 'order=up', 'status=sideways', 'tier=4', 'archived=no']) {
      const res = await ex.get(`/api/v1/services?${query}`)
      expect(res.status, query).toBe(400)
      const field = query.split('=')[0]
      expect(res.body, query).toMatchObject({
        error: {
          code: 'validation_failed',
          details: [
            expect.objectContaining({ path: expect.stringContaining(`query.${field}`) as unknown }),
          ],
        },
      })
    }
  })
})

describe('GET /api/v1/services: sorts', () => {
  it('sorts by status worst first by default, then by slug', async () => {
    const res = expectMatches(ServiceList, (await ex.get('/api/v1/services')).body)
    expect(res).toMatchObject({ sort: 'status', order: 'asc' })
    expect(res.services.map((s) => s.status)).toEqual(['down', 'unknown', 'up'])
    expect(await slugs('sort=status&order=desc')).toEqual(['pay', 'quiet', 'hr'])
  })

  it('puts n/a last in either order', async () => {
    // 24 h uptime: pay 46/52 = 88.5%, hr 25/30 = 83.3%, quiet no data.
    expect(await slugs('sort=uptime24h&order=desc')).toEqual(['pay', 'hr', 'quiet'])
    expect(await slugs('sort=uptime24h&order=asc')).toEqual(['hr', 'pay', 'quiet'])
    // p95 over 24 h: pay's falls among its 2,500 ms checks, hr's at ~299 ms.
    expect(await slugs('sort=p95&order=desc')).toEqual(['pay', 'hr', 'quiet'])
  })

  it('sorts by name, tier, SLO target, budget left and burn rate', async () => {
    expect(await slugs('sort=name')).toEqual(['hr', 'pay', 'quiet'])
    expect(await slugs('sort=tier&order=desc')).toEqual(['quiet', 'hr', 'pay'])
    expect(await slugs('sort=sloTarget')).toEqual(['quiet', 'hr', 'pay'])
    // pay has overspent (−55%); hr spent 5 of 100.8 min; quiet nothing.
    expect(await slugs('sort=budgetRemaining')).toEqual(['pay', 'hr', 'quiet'])
    expect(await slugs('sort=burnRate&order=desc')).toEqual(['pay', 'hr', 'quiet'])
  })
})
