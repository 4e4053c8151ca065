import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches, loginAs, postJson, setupApp, type TestApp } from '../../../test/helpers.ts'
import { ProjectRecord } from './schemas.ts'
import { auditRows, expectRefused } from './test-fixtures.ts'

const NOW = new Date('2026-12-03T09:00:00Z')
// Within the session's idle timeout.
const LATER = new Date('2026-12-03T09:05:00Z')

let ctx: TestApp
let manager: Record<string, string>
let managerId: number

beforeAll(async () => {
  ctx = await setupApp(NOW)
  const signedIn = await loginAs(ctx, 'manager')
  manager = signedIn.headers
  managerId = signedIn.user.id
})
afterAll(() => ctx.drop())

const BASE = '/api/v1/projects'
const STAFF = { name: 'Staff', category: 'labour', spendType: 'opex', amountPence: 50_000 }
const SERVERS = { name: 'Servers', category: 'hardware', spendType: 'capex', amountPence: 80_000 }

const send = (method: string, path: string, body: unknown = {}, headers = manager) =>
  postJson(ctx, `${BASE}/${path}`, body, headers, method)
const record = async (code: string) => {
  const res = await ctx.app.request(`${BASE}/${code}`, { headers: manager })
  expect(res.status).toBe(200)
  return expectMatches(ProjectRecord, await res.json())
}
/** A project with the lines, and its lines' ids in order. */
async function project(code: string, lines: unknown[] = [STAFF]) {
  const body = { code, name: code, startDate: '2026-01-01', endDate: '2026-12-31', lines }
  const res = await postJson(ctx, BASE, body, manager)
  expect(res.status, await res.clone().text()).toBe(201)
  const created = expectMatches(ProjectRecord, await res.json())
  return { created, ids: created.lines.map((l) => l.id) }
}
const lineAudit = (id: number) => auditRows(ctx.db, 'project_budget_line', id)
async function bookCost(code: string, budgetLineId: number) {
  const { id: projectId } = await ctx.db
    .selectFrom('projects')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow()
  await ctx.db
    .insertInto('costEntries')
    .values({
      projectId,
      budgetLineId,
      incurredOn: '2026-02-01',
      amountPence: 1_000,
      category: 'labour',
      spendType: 'opex',
    })
    .execute()
}

describe('POST /projects/:code/lines', () => {
  it('adds a line, answers the project with its new BAC and splits, and audits it', async () => {
    const { created } = await project('LIN-0001')
    ctx.clock.now = LATER
    try {
      const res = await send('POST', 'LIN-0001/lines', { ...SERVERS, name: ' Servers ' })
      expect(res.status).toBe(201)
      const body = expectMatches(ProjectRecord, await res.json())
      const added = body.lines[1]!
      expect(body).toEqual({
        ...created,
        updatedAt: LATER.toISOString(),
        lines: [...created.lines, { id: added.id, ...SERVERS }],
        bac: 130_000,
        budget: {
          byCategory: { ...created.budget.byCategory, hardware: 80_000 },
          bySpendType: { capex: 80_000, opex: 50_000 },
        },
      })
      expect(await record('LIN-0001')).toEqual(body)
      expect(await lineAudit(added.id)).toEqual([
        {
          actorUserId: managerId,
          action: 'create',
          at: LATER,
          changes: {
            project: 'LIN-0001',
            name: { from: null, to: 'Servers' },
            category: { from: null, to: 'hardware' },
            spendType: { from: null, to: 'capex' },
            amountPence: { from: null, to: 80_000 },
          },
        },
      ])
    } finally {
      ctx.clock.now = NOW
    }
  })

  it.each([
    [{ ...STAFF, amountPence: -1 }, 'json.amountPence', /0 or more/],
    [{ ...STAFF, amountPence: 10.5 }, 'json.amountPence', /whole pence/],
    [{ ...STAFF, amountPence: '100' }, 'json.amountPence', /expected number/],
    [{ ...STAFF, category: 'Labour' }, 'json.category', /labour/],
    [{ ...STAFF, spendType: undefined }, 'json.spendType', /capex/],
    [{ ...STAFF, name: ' ' }, 'json.name', /must not be empty/],
    [{ ...STAFF, projectId: 1 }, 'json', /projectId/],
  ])('refuses %j, naming %s, and changes nothing', async (line, path, message) => {
    const code = 'LIN-0002'
    const before = (await ctx.db
      .selectFrom('projects')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirst())
      ? await record(code)
      : (await project(code)).created
    const refused = await expectRefused(
      await send('POST', `${code}/lines`, line),
      400,
      'validation_failed',
    )
    expect(refused.error.details).toContainEqual({ path, message: expect.stringMatching(message) })
    expect(await record(code)).toEqual(before)
  })

  it('is 404 for no such project, 403 for viewers', async () => {
    await expectRefused(await send('POST', 'LIN-NONE/lines', STAFF), 404, 'project_not_found')
    const { created } = await project('LIN-0003')
    const viewer = (await loginAs(ctx, 'viewer')).headers
    await expectRefused(await send('POST', 'LIN-0003/lines', STAFF, viewer), 403, 'forbidden')
    expect(await record('LIN-0003')).toEqual(created)
  })
})

describe('PATCH /projects/:code/lines/:id', () => {
  it('changes the fields given, audited field by field; no change writes nothing', async () => {
    const { created, ids } = await project('LIN-0101', [STAFF, SERVERS])
    const res = await send('PATCH', `LIN-0101/lines/${ids[1]}`, {
      amountPence: 95_000,
      spendType: 'opex',
    })
    expect(res.status).toBe(200)
    const body = expectMatches(ProjectRecord, await res.json())
    expect(body.lines).toEqual([
      created.lines[0],
      { ...created.lines[1], amountPence: 95_000, spendType: 'opex' },
    ])
    expect(body.bac).toBe(145_000)
    expect(body.budget.bySpendType).toEqual({ capex: 0, opex: 145_000 })
    expect(await lineAudit(ids[1]!)).toEqual([
      {
        actorUserId: managerId,
        action: 'update',
        at: NOW,
        changes: {
          project: 'LIN-0101',
          amountPence: { from: 80_000, to: 95_000 },
          spendType: { from: 'capex', to: 'opex' },
        },
      },
    ])
    const again = await send('PATCH', `LIN-0101/lines/${ids[1]}`, { amountPence: 95_000 })
    expect(again.status).toBe(200)
    expect(await lineAudit(ids[1]!)).toHaveLength(1)
  })

  it('refuses another project’s line (404) and a bad body (400), changing nothing', async () => {
    const mine = await project('LIN-0102')
    const other = await project('LIN-0103')
    const res = await send('PATCH', `LIN-0102/lines/${other.ids[0]}`, { amountPence: 1 })
    await expectRefused(res, 404, 'budget_line_not_found')
    await expectRefused(
      await send('PATCH', `LIN-NONE/lines/${mine.ids[0]}`, { amountPence: 1 }),
      404,
      'project_not_found',
    )
    const bad = await send('PATCH', `LIN-0102/lines/${mine.ids[0]}`, { amountPence: -5 })
    const refused = await expectRefused(bad, 400, 'validation_failed')
    expect(refused.error.details?.[0]?.path).toBe('json.amountPence')
    expect(await record('LIN-0102')).toEqual(mine.created)
    expect(await record('LIN-0103')).toEqual(other.created)
  })
})

describe('a line’s amount', () => {
  it('is at most £10bn, as a cost entry’s, so that a BAC of many lines stays exact', async () => {
    const TEN_BN = 1_000_000_000_000
    const big = { ...STAFF, amountPence: TEN_BN }
    const { created, ids } = await project('LIN-0901', [big, big])
    expect(created.bac).toBe(2 * TEN_BN)
    for (const amountPence of [TEN_BN + 1, Number.MAX_SAFE_INTEGER]) {
      const added = await send('POST', 'LIN-0901/lines', { ...STAFF, amountPence })
      const refused = await expectRefused(added, 400, 'validation_failed')
      expect(refused.error.details).toEqual([
        { path: 'json.amountPence', message: `must be at most ${TEN_BN} pence (£10bn)` },
      ])
      const patched = await send('PATCH', `LIN-0901/lines/${ids[0]}`, { amountPence })
      await expectRefused(patched, 400, 'validation_failed')
    }
    const res = await postJson(
      ctx,
      BASE,
      {
        code: 'LIN-0902',
        name: 'x',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        lines: [{ ...STAFF, amountPence: Number.MAX_SAFE_INTEGER }],
      },
      manager,
    )
    await expectRefused(res, 400, 'validation_failed')
    expect(await record('LIN-0901')).toEqual(created)
  })
})

describe('DELETE /projects/:code/lines/:id', () => {
  it('deletes a line with no cost entries and answers the project, audited', async () => {
    const { created, ids } = await project('LIN-0201', [STAFF, SERVERS])
    const res = await send('DELETE', `LIN-0201/lines/${ids[0]}`)
    expect(res.status).toBe(200)
    const body = expectMatches(ProjectRecord, await res.json())
    expect(body.lines).toEqual([created.lines[1]])
    expect(body.bac).toBe(80_000)
    expect((await lineAudit(ids[0]!)).map((r) => [r.action, r.changes])).toEqual([
      [
        'delete',
        {
          project: 'LIN-0201',
          name: { from: 'Staff', to: null },
          category: { from: 'labour', to: null },
          spendType: { from: 'opex', to: null },
          amountPence: { from: 50_000, to: null },
        },
      ],
    ])
    await expectRefused(
      await send('DELETE', `LIN-0201/lines/${ids[0]}`),
      404,
      'budget_line_not_found',
    )
  })

  it('refuses a line cost entries are booked against (409), and another project’s line', async () => {
    const { created, ids } = await project('LIN-0202', [STAFF, SERVERS])
    await bookCost('LIN-0202', ids[0]!)
    const refused = await expectRefused(
      await send('DELETE', `LIN-0202/lines/${ids[0]}`),
      409,
      'budget_line_in_use',
    )
    expect(refused.error.message).toMatch(/Cost entries are booked/)
    const other = await project('LIN-0203')
    await expectRefused(
      await send('DELETE', `LIN-0202/lines/${other.ids[0]}`),
      404,
      'budget_line_not_found',
    )
    const viewer = (await loginAs(ctx, 'viewer')).headers
    await expectRefused(
      await send('DELETE', `LIN-0202/lines/${ids[1]}`, {}, viewer),
      403,
      'forbidden',
    )
    expect(await record('LIN-0202')).toEqual(created)
    expect(await record('LIN-0203')).toEqual(other.created)
    expect(await lineAudit(ids[0]!)).toEqual([])
  })
})
