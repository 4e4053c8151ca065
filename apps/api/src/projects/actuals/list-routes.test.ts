import { describe, expect, it } from 'vitest'
import { expectMatches, loginAs } from '../../../test/helpers.ts'
import { SYSTEM } from '../../lib/audit.ts'
import { insertCostEntries } from './add-cost-entries.ts'
import { CostEntryList } from './schemas.ts'
import { projectsTestApp } from './test-fixtures.ts'

const t = projectsTestApp(new Date('2026-10-01T09:00:00Z'))
const { ctx, project, line, auditOf, get } = t
const who = { at: new Date('2026-10-01T09:00:00Z'), requestId: null, actor: SYSTEM }

const row = (fields: Record<string, unknown>) => ({
  incurredOn: '2026-03-01',
  amountPence: 100,
  category: 'cloud' as const,
  spendType: 'opex' as const,
  supplier: 'Contoso',
  reference: '',
  description: '',
  budgetLineId: null,
  ...fields,
})

async function list(path: string, headers?: Record<string, string>) {
  const res = await get(path, headers)
  expect(res.status, await res.clone().text()).toBe(200)
  return expectMatches(CostEntryList, await res.json())
}

describe('insertCostEntries', () => {
  it('writes rows with their audit rows and skips references already taken', async () => {
    const p = await project()
    const first = await ctx.db
      .transaction()
      .execute((trx) => insertCostEntries(trx, p, [row({ reference: 'A' }), row({}), row({})], who))
    expect(first).toEqual({
      inserted: [
        { index: 0, id: expect.any(Number) },
        { index: 1, id: expect.any(Number) },
        { index: 2, id: expect.any(Number) },
      ],
      skipped: [],
    })
    // A re-import: the referenced row is skipped (also when repeated in the batch).
    const again = await ctx.db
      .transaction()
      .execute((trx) =>
        insertCostEntries(
          trx,
          p,
          [
            row({ reference: 'A' }),
            row({ reference: 'B' }),
            row({ reference: 'B', amountPence: 7 }),
          ],
          who,
        ),
      )
    expect(again).toEqual({ inserted: [{ index: 1, id: expect.any(Number) }], skipped: [0, 2] })
    expect((await auditOf(p.id)).map((a) => a.action)).toEqual(Array(4).fill('add_cost_entry'))
    const stored = await ctx.db
      .selectFrom('costEntries')
      .select(['reference', 'amountPence', 'createdByUserId'])
      .where('projectId', '=', p.id)
      .orderBy('id')
      .execute()
    expect(stored.map((s) => s.reference)).toEqual(['A', '', '', 'B'])
  })

  it('refuses the batch for a line not the project’s or a row without category', async () => {
    const [p, other] = [await project(), await project()]
    const theirs = await line(other.id)
    const refused = await ctx.db.transaction().execute(async (trx) => ({
      line: await insertCostEntries(trx, p, [row({}), row({ budgetLineId: theirs })], who),
      category: await insertCostEntries(trx, p, [row({ category: undefined })], who),
    }))
    expect(refused).toEqual({
      line: { refused: 'unknown_budget_line', index: 1 },
      category: { refused: 'category_required', index: 0 },
    })
    expect(await auditOf(p.id)).toEqual([])
  })
})

describe('GET /api/v1/projects/:code/actuals', () => {
  it('pages newest first with a stable cursor, and totals the whole filtered set', async () => {
    const p = await project()
    const days = [
      '2026-01-10',
      '2026-03-05',
      '2026-03-05',
      '2026-02-01',
      '2026-03-05',
      '2026-04-01',
    ]
    await ctx.db.transaction().execute((trx) =>
      insertCostEntries(
        trx,
        p,
        days.map((incurredOn, i) =>
          row({ incurredOn, amountPence: i % 2 ? -(i + 1) : 1000 * (i + 1) }),
        ),
        who,
      ),
    )
    const seen: { day: string; id: number }[] = []
    let cursor: string | null = ''
    let pages = 0
    while (cursor !== null) {
      const page = await list(`${p.code}/actuals?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      // An entry added after the first page, newer than it, neither repeats nor shifts the rest.
      if (pages === 0) {
        expect(page.total).toEqual({ count: 6, amountPence: 1000 + 3000 + 5000 - 2 - 4 - 6 })
        await ctx.db
          .transaction()
          .execute((trx) => insertCostEntries(trx, p, [row({ incurredOn: '2026-12-01' })], who))
      }
      seen.push(...page.entries.map((e) => ({ day: e.incurredOn, id: e.id })))
      cursor = page.nextCursor
      pages += 1
    }
    expect(pages).toBe(3)
    const expected = [...seen].sort((a, b) => b.day.localeCompare(a.day) || b.id - a.id)
    expect(seen).toEqual(expected)
    expect(seen.map((s) => s.day)).toEqual([
      '2026-04-01',
      '2026-03-05',
      '2026-03-05',
      '2026-03-05',
      '2026-02-01',
      '2026-01-10',
    ])
  })

  it('filters by days, category, supplier and text, for a viewer too', async () => {
    const p = await project()
    const other = await project()
    await ctx.db.transaction().execute(async (trx) => {
      await insertCostEntries(
        trx,
        p,
        [
          row({ incurredOn: '2026-01-31', supplier: 'Contoso', reference: 'INV-1' }),
          row({
            incurredOn: '2026-02-01',
            supplier: 'Fabrikam',
            category: 'labour',
            amountPence: 50,
          }),
          row({ incurredOn: '2026-02-28', supplier: 'fabrikam', description: 'Support 100%' }),
          row({ incurredOn: '2026-03-01', supplier: 'Northwind', reference: 'PO_7' }),
        ],
        who,
      )
      await insertCostEntries(trx, other, [row({ supplier: 'Fabrikam' })], who)
    })
    const viewer = await loginAs(ctx, 'viewer')
    const suppliers = async (query: string) =>
      (await list(`${p.code}/actuals?${query}`, viewer.headers)).entries.map((e) => e.supplier)
    expect(await suppliers('from=2026-02-01&to=2026-02-28')).toEqual(['fabrikam', 'Fabrikam'])
    expect(await suppliers('category=labour')).toEqual(['Fabrikam'])
    expect(await suppliers('supplier=FABRIKAM')).toEqual(['fabrikam', 'Fabrikam'])
    expect(await suppliers('q=inv')).toEqual(['Contoso'])
    // % and _ are literal.
    expect(await suppliers('q=100%25')).toEqual(['fabrikam'])
    expect(await suppliers('q=O_')).toEqual(['Northwind'])
    const filtered = await list(`${p.code}/actuals?supplier=fabrikam&category=cloud`)
    expect(filtered.total).toEqual({ count: 1, amountPence: 100 })
  })

  it('refuses bad filters and a bad cursor, and is 404 for no such project', async () => {
    const p = await project()
    for (const [query, path] of [
      ['from=2026-02-30', 'query.from'],
      ['category=snacks', 'query.category'],
      ['cursor=nonsense', 'query.cursor'],
      ['limit=0', 'query.limit'],
    ]) {
      const res = await get(`${p.code}/actuals?${query}`)
      expect(res.status, query).toBe(400)
      expect(await res.json()).toMatchObject({ error: { details: [{ path }] } })
    }
    const reversed = await get(`${p.code}/actuals?from=2026-03-01&to=2026-02-01`)
    expect(reversed.status).toBe(400)
    expect(await reversed.json()).toMatchObject({ error: { code: 'invalid_range' } })
    expect((await get('PRJ-NONE/actuals')).status).toBe(404)
  })
})
