import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches, loginAs, setupApp } from '../../../test/helpers.ts'
import { Suppliers } from './schemas.ts'

// Spend from 1 January to 31 March 2026, in pence:
//   Acme           A: 100,000 (Jan) + 50,000 (Feb) − 10,000 credit (Mar); B: 30,000 (Feb)
//                  + 10,000 (Feb, entered as "Acme ", trimmed) = 180,000; A 140,000, B 40,000
//   (no supplier)  B: 20,000 ("") + 5,000 ("  ") in January = 25,000
//   S01…S10        C (cancelled: spend is spend): 10,000, 9,000 … 1,000 = 55,000
//   Refunds Ltd    A: −5,000 (a credit only)
// All spend 180,000 + 25,000 + 55,000 − 5,000 = 255,000; Acme's share 180/255 = 0.70588.
// Top ten: Acme, (no supplier), S01…S08; Other = S09 2,000 + S10 1,000 + Refunds −5,000 = −2,000.
// Acme's entries of 31 Dec 2025 and 1 Apr 2026 are outside the range.
//
// May 2026, the cap of five projects a supplier: Wide Ltd on seven projects, 26,000 in all —
//   B 4,000 + 3,000 = 7,000; A 5,000; E 4,000; C, D and F 3,000 each; G 1,000.
// Its five largest: B, A, E, then C and D (the tie at 3,000 by code; F and G are left out);
// projectCount 7 and its total 26,000 count all seven (the five shown sum to 22,000).
const NOW = new Date('2026-07-04T12:00:00Z')
const Q1 = 'from=2026-01-01&to=2026-03-31'

let ctx: Awaited<ReturnType<typeof setupApp>>
let headers: Record<string, string>
beforeAll(async () => {
  ctx = await setupApp(NOW)
  await seed(ctx.db)
  headers = (await loginAs(ctx, 'viewer')).headers
})
afterAll(() => ctx.drop())

async function get(query: string) {
  const res = await ctx.app.request(`/api/v1/suppliers?${query}`, { headers })
  const body: unknown = await res.json()
  return { status: res.status, body }
}
async function suppliers(query = Q1) {
  const { status, body } = await get(query)
  expect(status).toBe(200)
  return expectMatches(Suppliers, body)
}

describe('GET /api/v1/suppliers', () => {
  it('sums each supplier’s spend by project and month, credits netted', async () => {
    const body = await suppliers()
    expect(body).toMatchObject({ from: '2026-01-01', to: '2026-03-31', currency: 'GBP' })
    expect(body.total).toBe(255_000)
    expect(body.months).toEqual(['2026-01', '2026-02', '2026-03'])
    const [acme, none] = body.suppliers
    expect(acme).toEqual({
      supplier: 'Acme',
      total: 180_000,
      share: 180_000 / 255_000,
      projects: [
        { code: 'A', name: 'Project A', total: 140_000 },
        { code: 'B', name: 'Project B', total: 40_000 },
      ],
      projectCount: 2,
      months: [
        { month: '2026-01', total: 100_000 },
        { month: '2026-02', total: 90_000 },
        { month: '2026-03', total: -10_000 },
      ],
    })
    expect(none).toMatchObject({ supplier: '(no supplier)', total: 25_000 })
  })

  it('orders by total, a credit-only supplier last with a negative share', async () => {
    const { suppliers: list } = await suppliers()
    expect(list.map((s) => s.supplier)).toEqual([
      'Acme',
      '(no supplier)',
      ...Array.from({ length: 10 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`),
      'Refunds Ltd',
    ])
    expect(list.at(-1)).toMatchObject({ total: -5_000, share: -5_000 / 255_000 })
  })

  it('names a supplier’s five largest projects and counts them all', async () => {
    const body = await suppliers('from=2026-05-01&to=2026-05-31')
    expect(body.total).toBe(26_000)
    expect(body.suppliers).toEqual([
      {
        supplier: 'Wide Ltd',
        total: 26_000,
        share: 1,
        projects: [
          { code: 'B', name: 'Project B', total: 7_000 },
          { code: 'A', name: 'Project A', total: 5_000 },
          { code: 'E', name: 'Project E', total: 4_000 },
          { code: 'C', name: 'Project C', total: 3_000 },
          { code: 'D', name: 'Project D', total: 3_000 },
        ],
        projectCount: 7,
        months: [{ month: '2026-05', total: 26_000 }],
      },
    ])
    expect(body.top).toEqual([
      { supplier: 'Wide Ltd', total: 26_000, share: 1, other: false, suppliers: 1 },
    ])
  })

  it('names the ten largest and sums the rest as Other', async () => {
    const { top, total } = await suppliers()
    expect(top).toHaveLength(11)
    expect(top.slice(0, 3).map((t) => [t.supplier, t.total, t.other])).toEqual([
      ['Acme', 180_000, false],
      ['(no supplier)', 25_000, false],
      ['S01', 10_000, false],
    ])
    expect(top[10]).toEqual({
      supplier: 'Other',
      total: -2_000,
      share: -2_000 / 255_000,
      other: true,
      suppliers: 3,
    })
    expect(top.reduce((n, t) => n + t.total, 0)).toBe(total)
  })

  it('defaults to this month and the eleven before it, in the organisation’s zone', async () => {
    const body = await suppliers('')
    expect([body.from, body.to]).toEqual(['2025-08-01', '2026-07-04'])
    expect(body.months).toHaveLength(12)
    // Acme's 999,999 of 31 December 2025 and 888,888 of 1 April 2026 now count.
    expect(body.suppliers[0]).toMatchObject({
      supplier: 'Acme',
      total: 180_000 + 999_999 + 888_888,
    })
  })

  it('refuses days that do not exist and reversed or over-long ranges, in the envelope', async () => {
    for (const [query, code] of [
      ['from=2026-02-30&to=2026-03-31', 'validation_failed'],
      ['from=2026-1-1', 'validation_failed'],
      ['from=2026-04-01&to=2026-03-31', 'invalid_range'],
      ['from=2024-01-01&to=2026-03-31', 'invalid_range'],
    ] as const) {
      const { status, body } = await get(query)
      expect(status, query).toBe(400)
      expect(body, query).toMatchObject({ error: { code, details: [{ path: 'query.from' }] } })
    }
  })

  it('answers with an empty list for a range without spend', async () => {
    const body = await suppliers('from=2030-01-01&to=2030-01-31')
    expect(body).toMatchObject({ total: 0, months: ['2030-01'], suppliers: [], top: [] })
  })
})

async function seed(db: Kysely<Database>) {
  const project = (code: string, status: 'active' | 'cancelled') =>
    db
      .insertInto('projects')
      .values({
        code,
        name: `Project ${code}`,
        status,
        startDate: '2025-01-01',
        endDate: '2027-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id)
  const a = await project('A', 'active')
  const b = await project('B', 'active')
  const c = await project('C', 'cancelled')
  const [d, e, f, g] = [
    await project('D', 'active'),
    await project('E', 'active'),
    await project('F', 'active'),
    await project('G', 'active'),
  ]
  const cost = (projectId: number, incurredOn: string, amountPence: number, supplier: string) => ({
    projectId,
    incurredOn,
    amountPence,
    supplier,
    category: 'services' as const,
    spendType: 'opex' as const,
  })
  await db
    .insertInto('costEntries')
    .values([
      cost(a, '2026-01-10', 100_000, 'Acme'),
      cost(a, '2026-02-05', 50_000, 'Acme'),
      cost(a, '2026-03-01', -10_000, 'Acme'),
      cost(b, '2026-02-20', 30_000, 'Acme'),
      cost(b, '2026-02-25', 10_000, 'Acme '),
      cost(a, '2025-12-31', 999_999, 'Acme'),
      cost(a, '2026-04-01', 888_888, 'Acme'),
      cost(b, '2026-01-15', 20_000, ''),
      cost(b, '2026-01-16', 5_000, '  '),
      cost(a, '2026-01-20', -5_000, 'Refunds Ltd'),
      cost(b, '2026-05-02', 4_000, 'Wide Ltd'),
      cost(b, '2026-05-20', 3_000, 'Wide Ltd'),
      cost(a, '2026-05-03', 5_000, 'Wide Ltd'),
      cost(e, '2026-05-04', 4_000, 'Wide Ltd'),
      cost(f, '2026-05-05', 3_000, 'Wide Ltd'),
      cost(d, '2026-05-06', 3_000, 'Wide Ltd'),
      cost(c, '2026-05-07', 3_000, 'Wide Ltd'),
      cost(g, '2026-05-08', 1_000, 'Wide Ltd'),
      ...Array.from({ length: 10 }, (_, i) =>
        cost(c, '2026-03-15', (10 - i) * 1_000, `S${String(i + 1).padStart(2, '0')}`),
      ),
    ])
    .execute()
}
