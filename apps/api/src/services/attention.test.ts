import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ATTENTION_NOW, seedAttentionExample } from '../../test/attention-example.ts'
import { expectMatches } from '../../test/helpers.ts'
import { AttentionItem } from '../lib/attention.ts'
import { scopeOf } from '../lib/scope.ts'
import { servicesAttention } from './attention.ts'

// The worked example's services (test/attention-example.ts); the Overview's test ranks them.
let t: TestDatabase
beforeAll(async () => {
  t = await createTestDatabase()
  await seedAttentionExample(t.db)
})
afterAll(() => t.drop())

async function items() {
  const scoped = await scopeOf(t.db, {}, ATTENTION_NOW)
  if (!scoped.ok) throw new Error(scoped.message)
  const list = await servicesAttention(t.db, scoped.scope)
  for (const i of list) expectMatches(AttentionItem, i)
  return new Map(list.map((i) => [`${i.title}: ${i.reason}`, i]))
}

const since = (iso: string) => new Date(iso).toISOString()

describe('servicesAttention', () => {
  it('gives one item per service per problem, with its reason in words and since when', async () => {
    const got = await items()
    expect([...got.keys()].sort()).toEqual([
      // Down since 11:48: the run before 11:36 ended with the up samples after it.
      'Checkout: Down for 12 min',
      'Fresh: No check results received yet',
      // 7-day window: 20 min down on 1 December against 0.1% × 10,080 min = 10.08 min; the
      // 100 min on 20 November are outside it.
      'Ledger: Error budget spent: 20 min down in the last 7 days, 10 min allowed by the 99.9% SLO',
      'Mail: Ticket alert: burning the 30-day budget 1.4× (3 d), 2.4× (6 h)',
      // Two page rules firing, the fastest burn shown; the ticket open beside them is no item.
      'Payments: Page alert: burning the 30-day budget 16× (1 h), 18× (5 min)',
      'Reports: No check results for 3 h',
      // 29 min down in the window against 43.2 min: 14.2 min left at 29 min per 43,200 is
      // 21,153 min, 14.7 days from now: 17 December, within the next 30 days; 29 / 43.2 = 67%.
      'Search: Error budget projected to run out on 17 Dec at the 30-day burn rate (67% of it spent)',
    ])
    expect(got.get('Checkout: Down for 12 min')).toEqual({
      area: 'services',
      severity: 'critical',
      title: 'Checkout',
      reason: 'Down for 12 min',
      href: '/services/checkout',
      since: since('2026-12-02T11:48Z'),
    })
  })

  it('rates pages, downs and spent budgets critical, the rest warnings', async () => {
    const severity = Object.fromEntries([...(await items()).values()].map((i) => [i.title, i]))
    expect(severity).toMatchObject({
      Payments: { severity: 'critical', since: since('2026-12-02T11:10Z') }, // the first page
      Checkout: { severity: 'critical' },
      Ledger: { severity: 'critical', since: null },
      Mail: { severity: 'warning', since: since('2026-12-01T08:00Z') },
      Reports: { severity: 'warning', since: since('2026-12-02T09:00Z') }, // its newest sample
      Fresh: { severity: 'warning', since: null },
      Search: { severity: 'warning', since: null },
    })
  })
})
