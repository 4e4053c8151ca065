import { describe, expect, it } from 'vitest'
import { expectMatches, loginAs } from '../../../test/helpers.ts'
import { CostEntry } from './schemas.ts'
import { projectsTestApp } from './test-fixtures.ts'

// The clock stands at 09:00 UTC on Thursday 1 October 2026.
const t = projectsTestApp(new Date('2026-10-01T09:00:00Z'))
const { ctx, project, line, auditOf, send } = t

const entry = {
  incurredOn: '2026-09-15',
  amountPence: 123_456,
  category: 'services',
  spendType: 'opex',
  supplier: '  Contoso Ltd ',
  reference: 'INV-1001',
  description: 'September consultancy',
}

/** Everything a cost-entry write touches, to show that a refused one changed nothing. */
const written = async (projectId: number) => ({
  entries: await ctx.db
    .selectFrom('costEntries')
    .selectAll()
    .where('projectId', '=', projectId)
    .orderBy('id')
    .execute(),
  audit: await auditOf(projectId),
})

async function added(code: string, body: Record<string, unknown> = {}) {
  const res = await send('POST', `${code}/actuals`, { ...entry, ...body })
  expect(res.status, await res.clone().text()).toBe(201)
  return expectMatches(CostEntry, await res.json())
}

describe('POST /api/v1/projects/:code/actuals', () => {
  it('records an entry with who entered it, trimmed, and audits it', async () => {
    const p = await project()
    const body = await added(p.code)
    expect(body).toEqual({
      id: expect.any(Number),
      incurredOn: '2026-09-15',
      amountPence: 123_456,
      category: 'services',
      spendType: 'opex',
      supplier: 'Contoso Ltd',
      reference: 'INV-1001',
      description: 'September consultancy',
      budgetLine: null,
      createdAt: '2026-10-01T09:00:00.000Z',
      createdBy: { id: t.manager().user.id, name: t.manager().user.name },
    })
    expect(await auditOf(p.id)).toEqual([
      {
        action: 'add_cost_entry',
        actorUserId: t.manager().user.id,
        changes: {
          code: p.code,
          costEntryId: body.id,
          incurredOn: { from: null, to: '2026-09-15' },
          amountPence: { from: null, to: 123_456 },
          category: { from: null, to: 'services' },
          spendType: { from: null, to: 'opex' },
          supplier: { from: null, to: 'Contoso Ltd' },
          reference: { from: null, to: 'INV-1001' },
          description: { from: null, to: 'September consultancy' },
          budgetLineId: { from: null, to: null },
        },
      },
    ])
  })

  it('takes a credit as a negative amount, and the line’s category and spend type', async () => {
    const p = await project()
    const lineId = await line(p.id, { name: 'Laptops', category: 'labour', spendType: 'capex' })
    const body = await added(p.code, {
      amountPence: -5_000,
      category: undefined,
      spendType: undefined,
      reference: '',
      budgetLineId: lineId,
    })
    expect(body).toMatchObject({
      amountPence: -5_000,
      category: 'labour',
      spendType: 'capex',
      reference: '',
      budgetLine: { id: lineId, name: 'Laptops' },
    })
    // Entries without a reference never collide.
    await added(p.code, { reference: '' })
    // A category given beats the line's.
    const own = await added(p.code, { reference: 'X', budgetLineId: lineId, category: 'cloud' })
    expect(own).toMatchObject({ category: 'cloud', spendType: 'opex' })
  })

  it('refuses a reference the project already uses, but not one another project uses', async () => {
    const [p, other] = [await project(), await project()]
    await added(p.code)
    await added(other.code)
    const before = await written(p.id)
    const res = await send('POST', `${p.code}/actuals`, { ...entry, amountPence: 1 })
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({
      error: { code: 'reference_taken', details: [{ path: 'json.reference' }] },
    })
    expect(await written(p.id)).toEqual(before)
  })

  it('refuses a budget line of another project, changing nothing', async () => {
    const [p, other] = [await project(), await project()]
    const theirs = await line(other.id)
    const res = await send('POST', `${p.code}/actuals`, { ...entry, budgetLineId: theirs })
    expect(res.status).toBe(422)
    expect(await res.json()).toMatchObject({
      error: { code: 'unknown_budget_line', details: [{ path: 'json.budgetLineId' }] },
    })
    expect(await written(p.id)).toEqual({ entries: [], audit: [] })
  })

  it('refuses bad fields, naming each, and writes nothing', async () => {
    const p = await project()
    const cases: [Record<string, unknown>, string[]][] = [
      [{ incurredOn: '2026-02-31' }, ['json.incurredOn']],
      [{ incurredOn: '1999-12-31' }, ['json.incurredOn']],
      [{ amountPence: 0 }, ['json.amountPence']],
      [{ amountPence: 1.5 }, ['json.amountPence']],
      [{ category: 'snacks', spendType: 'both' }, ['json.category', 'json.spendType']],
      [{ category: undefined }, ['json.category']],
      [{ reference: 'x'.repeat(65) }, ['json.reference']],
      [{ supplier: 'Two\nlines' }, ['json.supplier']],
      [{ budgetLineId: 0 }, ['json.budgetLineId']],
      [{ unknown: 1 }, ['json']],
    ]
    for (const [body, paths] of cases) {
      const res = await send('POST', `${p.code}/actuals`, { ...entry, ...body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      const { error } = (await res.json()) as {
        error: { code: string; details: { path: string }[] }
      }
      expect(error.code).toBe('validation_failed')
      expect(error.details.map((d) => d.path)).toEqual(paths)
    }
    expect(await written(p.id)).toEqual({ entries: [], audit: [] })
  })

  it('names the largest amount in pounds too, as the form shows it beside a pounds field', async () => {
    const p = await project()
    for (const [amountPence, message] of [
      [1_000_000_000_001, 'must be at most 1000000000000 pence (£10bn)'],
      [-1_000_000_000_001, 'must be at least -1000000000000 pence (−£10bn)'],
    ] as const) {
      const res = await send('POST', `${p.code}/actuals`, { ...entry, amountPence })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({
        error: { details: [{ path: 'json.amountPence', message }] },
      })
    }
  })

  it('is 404 for no such project and 403 for a viewer', async () => {
    expect((await send('POST', 'PRJ-NONE/actuals', entry)).status).toBe(404)
    const p = await project()
    const viewer = await loginAs(ctx, 'viewer')
    expect((await send('POST', `${p.code}/actuals`, entry, viewer.headers)).status).toBe(403)
    expect(await written(p.id)).toEqual({ entries: [], audit: [] })
  })
})

describe('PATCH and DELETE /api/v1/projects/:code/actuals/:id', () => {
  it('changes fields, audited with from and to; the same values again write nothing', async () => {
    const p = await project()
    const lineId = await line(p.id, { name: 'Staff', category: 'labour', spendType: 'capex' })
    const { id } = await added(p.code)
    const res = await send('PATCH', `${p.code}/actuals/${id}`, {
      amountPence: -200,
      budgetLineId: lineId,
      reference: 'CR-1',
    })
    expect(res.status, await res.clone().text()).toBe(200)
    expect(expectMatches(CostEntry, await res.json())).toMatchObject({
      amountPence: -200,
      category: 'labour',
      spendType: 'capex',
      budgetLine: { id: lineId, name: 'Staff' },
      reference: 'CR-1',
      supplier: 'Contoso Ltd',
    })
    const again = await send('PATCH', `${p.code}/actuals/${id}`, { amountPence: -200 })
    expect(again.status).toBe(200)
    expect((await auditOf(p.id)).slice(1)).toEqual([
      {
        action: 'update_cost_entry',
        actorUserId: t.manager().user.id,
        changes: {
          code: p.code,
          costEntryId: id,
          amountPence: { from: 123_456, to: -200 },
          budgetLineId: { from: null, to: lineId },
          category: { from: 'services', to: 'labour' },
          spendType: { from: 'opex', to: 'capex' },
          reference: { from: 'INV-1001', to: 'CR-1' },
        },
      },
    ])
  })

  it('refuses another entry’s reference, another project’s line or entry, changing nothing', async () => {
    const [p, other] = [await project(), await project()]
    const { id } = await added(p.code)
    await added(p.code, { reference: 'INV-2' })
    const theirEntry = await added(other.code)
    const theirLine = await line(other.id)
    const before = await written(p.id)
    const taken = await send('PATCH', `${p.code}/actuals/${id}`, { reference: 'INV-2' })
    expect(taken.status).toBe(409)
    const lineRes = await send('PATCH', `${p.code}/actuals/${id}`, { budgetLineId: theirLine })
    expect(lineRes.status).toBe(422)
    for (const method of ['PATCH', 'DELETE']) {
      const res = await send(
        method,
        `${p.code}/actuals/${theirEntry.id}`,
        method === 'PATCH' ? { amountPence: 1 } : undefined,
      )
      expect(res.status).toBe(404)
      expect(await res.json()).toMatchObject({ error: { code: 'cost_entry_not_found' } })
    }
    expect(await written(p.id)).toEqual(before)
    const stillThere = await ctx.db
      .selectFrom('costEntries')
      .select('amountPence')
      .where('id', '=', theirEntry.id)
      .executeTakeFirstOrThrow()
    expect(stillThere.amountPence).toBe(123_456)
  })

  it('deletes an entry, audited with its fields; a viewer may not', async () => {
    const p = await project()
    const { id } = await added(p.code)
    const viewer = await loginAs(ctx, 'viewer')
    expect(
      (await send('DELETE', `${p.code}/actuals/${id}`, undefined, viewer.headers)).status,
    ).toBe(403)
    expect(
      (await send('PATCH', `${p.code}/actuals/${id}`, { amountPence: 5 }, viewer.headers)).status,
    ).toBe(403)
    const res = await send('DELETE', `${p.code}/actuals/${id}`)
    expect(res.status).toBe(204)
    expect((await written(p.id)).entries).toEqual([])
    expect((await auditOf(p.id)).at(-1)).toEqual({
      action: 'delete_cost_entry',
      actorUserId: t.manager().user.id,
      changes: expect.objectContaining({
        code: p.code,
        costEntryId: id,
        amountPence: { from: 123_456, to: null },
        reference: { from: 'INV-1001', to: null },
      }),
    })
    expect((await send('DELETE', `${p.code}/actuals/${id}`)).status).toBe(404)
  })
})
