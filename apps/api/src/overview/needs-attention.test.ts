import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ATTENTION_NOW, seedAttentionExample } from '../../test/attention-example.ts'
import { expectMatches, loginAs, setupApp } from '../../test/helpers.ts'
import { Overview } from './schemas.ts'

// GET /api/v1/overview's `attention` over the worked example of test/attention-example.ts (each
// item's reason is checked in services/ and incidents/attention.test.ts): one list, ranked.
let ctx: Awaited<ReturnType<typeof setupApp>>
let headers: Record<string, string>
beforeAll(async () => {
  ctx = await setupApp(ATTENTION_NOW)
  await seedAttentionExample(ctx.db)
  headers = (await loginAs(ctx, 'viewer')).headers
})
afterAll(() => ctx.drop())

async function attention(query = '') {
  const res = await ctx.app.request(`/api/v1/overview${query}`, { headers })
  expect(res.status).toBe(200)
  return expectMatches(Overview, await res.json()).attention
}

describe('GET /api/v1/overview: needs attention', () => {
  it('ranks critical first, then by area, then the longest-standing first', async () => {
    expect((await attention()).map((i) => `${i.severity} ${i.title} ${i.since ?? '-'}`)).toEqual([
      'critical Payments 2026-12-02T11:10:00.000Z',
      'critical Checkout 2026-12-02T11:48:00.000Z',
      'critical Ledger -',
      // The incidents' items come after the services' of the same severity, however long-standing.
      'critical INC-2026-0042: Card payments failing 2026-12-02T11:00:00.000Z',
      'warning Mail 2026-12-01T08:00:00.000Z',
      'warning Reports 2026-12-02T09:00:00.000Z',
      // No start to rank by: by name.
      'warning Fresh -',
      'warning Search -',
      'warning INC-2026-0042: Card payments failing 2026-12-01T00:00:00.000Z',
    ])
  })

  it('leaves out archived, paused, in-maintenance and healthy services', async () => {
    const titles = (await attention()).map((i) => i.title)
    for (const quiet of ['Old', 'Paused', 'Patching', 'Healthy'])
      expect(titles).not.toContain(quiet)
  })

  it('is the same list whatever range the Overview shows', async () => {
    expect(await attention('?from=2026-10-01&to=2026-10-31')).toEqual(await attention())
  })
})
