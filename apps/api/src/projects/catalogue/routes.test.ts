import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createToken,
  expectMatches,
  loginAs,
  postJson,
  setupApp,
  type TestApp,
} from '../../../test/helpers.ts'
import { ProjectList, ProjectRecord } from './schemas.ts'
import { addPerson, auditRows, expectRefused } from './test-fixtures.ts'

const NOW = new Date('2026-12-03T09:00:00Z')
// Within the session's idle timeout.
const LATER = new Date('2026-12-03T09:10:00Z')

let ctx: TestApp
let manager: Record<string, string>
let managerId: number
let owner: { id: number; name: string }

beforeAll(async () => {
  ctx = await setupApp(NOW)
  const signedIn = await loginAs(ctx, 'manager')
  manager = signedIn.headers
  managerId = signedIn.user.id
  owner = await addPerson(ctx.db, 'Priya Shah')
})
afterAll(() => ctx.drop())

const BASE = '/api/v1/projects'
const post = (body: unknown, headers = manager) => postJson(ctx, BASE, body, headers)
const patch = (code: string, body: unknown, headers = manager) =>
  postJson(ctx, `${BASE}/${code}`, body, headers, 'PATCH')
const del = (code: string, headers = manager) =>
  postJson(ctx, `${BASE}/${code}`, {}, headers, 'DELETE')
const get = async (path: string, headers = manager) => ctx.app.request(path, { headers })
const record = async (code: string) => {
  const res = await get(`${BASE}/${code}`)
  expect(res.status).toBe(200)
  return expectMatches(ProjectRecord, await res.json())
}
const list = async (query: string) => {
  const res = await get(`${BASE}?${query}`)
  expect(res.status, await res.clone().text()).toBe(200)
  return expectMatches(ProjectList, await res.json()).projects
}
const projectRow = (code: string) =>
  ctx.db.selectFrom('projects').selectAll().where('code', '=', code).executeTakeFirst()

const minimal = (code: string) => ({
  code,
  name: `Project ${code}`,
  startDate: '2026-01-01',
  endDate: '2026-12-31',
})
async function create(body: Record<string, unknown>) {
  const res = await post(body)
  expect(res.status, await res.clone().text()).toBe(201)
  return expectMatches(ProjectRecord, await res.json())
}

describe('POST /projects', () => {
  it('adds a project with its lines, answers its record and audits it in one row', async () => {
    const res = await post({
      code: 'CAT-0001',
      name: '  Laptop refresh ',
      description: 'Replace the 2021 fleet.\nTwo waves.',
      ownerPersonId: owner.id,
      sponsor: 'Finance Director',
      startDate: '2026-02-01',
      endDate: '2026-11-30',
      status: 'proposed',
      lines: [
        { name: 'Laptops', category: 'hardware', spendType: 'capex', amountPence: 12_000_000 },
        { name: 'Imaging', category: 'services', spendType: 'opex', amountPence: 1_500_050 },
        { name: 'Contingency', category: 'contingency', spendType: 'opex', amountPence: 0 },
      ],
    })
    expect(res.status).toBe(201)
    const body = expectMatches(ProjectRecord, await res.json())
    const ids = body.lines.map((l) => l.id)
    expect(body).toEqual({
      code: 'CAT-0001',
      name: 'Laptop refresh',
      description: 'Replace the 2021 fleet.\nTwo waves.',
      status: 'proposed',
      startDate: '2026-02-01',
      endDate: '2026-11-30',
      owner: { id: owner.id, name: 'Priya Shah' },
      sponsor: 'Finance Director',
      bac: 13_500_050,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      lines: [
        {
          id: ids[0],
          name: 'Laptops',
          category: 'hardware',
          spendType: 'capex',
          amountPence: 12_000_000,
        },
        {
          id: ids[1],
          name: 'Imaging',
          category: 'services',
          spendType: 'opex',
          amountPence: 1_500_050,
        },
        {
          id: ids[2],
          name: 'Contingency',
          category: 'contingency',
          spendType: 'opex',
          amountPence: 0,
        },
      ],
      budget: {
        byCategory: {
          labour: 0,
          licences: 0,
          hardware: 12_000_000,
          cloud: 0,
          services: 1_500_050,
          contingency: 0,
        },
        bySpendType: { capex: 12_000_000, opex: 1_500_050 },
      },
    })
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    expect(await record('CAT-0001')).toEqual(body)

    const id = (await projectRow('CAT-0001'))!.id
    expect(await auditRows(ctx.db, 'project', id)).toEqual([
      {
        actorUserId: managerId,
        action: 'create',
        at: NOW,
        changes: expect.objectContaining({
          code: { from: null, to: 'CAT-0001' },
          name: { from: null, to: 'Laptop refresh' },
          ownerPersonId: { from: null, to: owner.id },
          status: { from: null, to: 'proposed' },
          lines: { from: null, to: body.lines },
        }),
      },
    ])
  })

  it('defaults: active, no owner, no sponsor or description, no lines (BAC 0)', async () => {
    const body = await create(minimal('CAT-0002'))
    expect(body).toMatchObject({
      status: 'active',
      owner: null,
      sponsor: '',
      description: '',
      lines: [],
      bac: 0,
      budget: { bySpendType: { capex: 0, opex: 0 } },
    })
    // A project of one day.
    const oneDay = await create({ ...minimal('CAT-0003'), endDate: '2026-01-01' })
    expect(oneDay.endDate).toBe('2026-01-01')
    // The longest a project may be: ten years less a day.
    const longest = await create({ ...minimal('CAT-0010'), endDate: '2035-12-31' })
    expect(longest.endDate).toBe('2035-12-31')
  })

  const line = { name: 'Staff', category: 'labour', spendType: 'opex', amountPence: 100 }
  it.each([
    [{ code: 'cat-0004' }, 'json.code', /capitals/],
    [{ code: 'CAT 0004' }, 'json.code', /capitals/],
    [{ code: '-CAT' }, 'json.code', /capitals/],
    [{ code: `C${'X'.repeat(32)}` }, 'json.code', /at most 32/],
    [{ endDate: '2025-12-31' }, 'json.endDate', /on or after startDate/],
    [{ endDate: '2036-01-01' }, 'json.endDate', /less than 10 years after startDate/],
    [{ startDate: '2026-02-31' }, 'json.startDate', /must be a day/],
    [{ endDate: '31/12/2026' }, 'json.endDate', /must be a day/],
    [{ status: 'completed' }, 'json.status', /proposed/],
    [{ name: '   ' }, 'json.name', /must not be empty/],
    [{ name: 'x'.repeat(121) }, 'json.name', /at most 120/],
    [{ name: 'two\nlines' }, 'json.name', /one line/],
    [{ description: 'x'.repeat(2001) }, 'json.description', /at most 2000/],
    [{ ownerPersonId: 0 }, 'json.ownerPersonId', /person’s id/],
    [{ lines: [{ ...line, amountPence: -1 }] }, 'json.lines.0.amountPence', /0 or more/],
    [{ lines: [line, { ...line, amountPence: 1.5 }] }, 'json.lines.1.amountPence', /whole pence/],
    [{ lines: [{ ...line, category: 'travel' }] }, 'json.lines.0.category', /labour/],
    [{ lines: [{ ...line, spendType: 'both' }] }, 'json.lines.0.spendType', /capex/],
    [{ lines: [{ ...line, name: '' }] }, 'json.lines.0.name', /must not be empty/],
    [{ bac: 100 }, 'json', /bac/],
  ])('refuses %j, naming %s, and writes nothing', async (change, path, message) => {
    const body = { ...minimal('CAT-0004'), ...change }
    const refused = await expectRefused(await post(body), 400, 'validation_failed')
    expect(refused.error.details).toContainEqual({ path, message: expect.stringMatching(message) })
    expect(await projectRow(String(body.code))).toBeUndefined()
  })

  it('refuses a code another project has (409), leaving that one as it was', async () => {
    const first = await create(minimal('CAT-0005'))
    const res = await post({ ...minimal('CAT-0005'), name: 'Second', lines: [line] })
    const refused = await expectRefused(res, 409, 'project_code_taken')
    expect(refused.error.details).toEqual([{ path: 'json.code', message: 'is taken' }])
    expect(await record('CAT-0005')).toEqual(first)
    const id = (await projectRow('CAT-0005'))!.id
    expect(await auditRows(ctx.db, 'project', id)).toHaveLength(1)
  })

  it('refuses an owner who is no person (422) and writes nothing', async () => {
    const res = await post({ ...minimal('CAT-0006'), ownerPersonId: 999_999_999 })
    await expectRefused(res, 422, 'unknown_person')
    expect(await projectRow('CAT-0006')).toBeUndefined()
  })

  it('is for managers and admins: viewers and read tokens get 403 and write nothing', async () => {
    for (const headers of [
      (await loginAs(ctx, 'viewer')).headers,
      (await createToken(ctx.db, ['read'])).headers,
    ]) {
      await expectRefused(await post(minimal('CAT-0007'), headers), 403, 'forbidden')
    }
    expect(await projectRow('CAT-0007')).toBeUndefined()
    expect((await post(minimal('CAT-0007'), (await loginAs(ctx, 'admin')).headers)).status).toBe(
      201,
    )
  })
})

describe('GET /projects', () => {
  beforeAll(async () => {
    const l = (amountPence: number) => ({
      name: 'L',
      category: 'cloud',
      spendType: 'opex',
      amountPence,
    })
    await create({ ...minimal('LST-B'), name: 'Bravo 100% cloud', lines: [l(300), l(200)] })
    await create({ ...minimal('LST-A'), name: 'Alpha', status: 'on_hold', ownerPersonId: owner.id })
    await create({ ...minimal('LST-C'), name: 'Charlie', status: 'closed', lines: [l(7)] })
  })

  it('lists the projects by code with owner and BAC, to any reader', async () => {
    const viewer = (await loginAs(ctx, 'viewer')).headers
    const res = await get(`${BASE}?q=lst-`, viewer)
    expect(res.status).toBe(200)
    expect(expectMatches(ProjectList, await res.json()).projects).toEqual([
      {
        code: 'LST-A',
        name: 'Alpha',
        status: 'on_hold',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        owner: { id: owner.id, name: 'Priya Shah' },
        sponsor: '',
        bac: 0,
      },
      expect.objectContaining({ code: 'LST-B', status: 'active', owner: null, bac: 500 }),
      expect.objectContaining({ code: 'LST-C', status: 'closed', bac: 7 }),
    ])
  })

  it('filters by statuses, comma-separated or repeated, and by part of the code or name', async () => {
    const codes = async (query: string) => (await list(query)).map((p) => p.code)
    expect(await codes('q=LST&status=active,on_hold')).toEqual(['LST-A', 'LST-B'])
    expect(await codes('q=LST&status=closed&status=on_hold')).toEqual(['LST-A', 'LST-C'])
    expect(await codes('q=LST&status=proposed')).toEqual([])
    expect(await codes('q=charl')).toEqual(['LST-C'])
    // % and _ are taken literally.
    expect(await codes('q=100%25')).toEqual(['LST-B'])
    expect(await codes('q=LST_')).toEqual([])
    expect(await codes('q=LST-A')).toEqual(['LST-A'])
  })

  it('refuses an unknown status', async () => {
    const refused = await expectRefused(
      await get(`${BASE}?status=active,done`),
      400,
      'validation_failed',
    )
    expect(refused.error.details?.[0]?.path).toBe('query.status.1')
  })
})

describe('GET /projects/:code', () => {
  it('is 404 for no such project and 400 for a code that cannot be one', async () => {
    await expectRefused(await get(`${BASE}/NOPE-0001`), 404, 'project_not_found')
    const refused = await expectRefused(await get(`${BASE}/nope`), 400, 'validation_failed')
    expect(refused.error.details?.[0]?.path).toBe('param.code')
  })
})

describe('PATCH /projects/:code', () => {
  it('changes the fields given, bumps updatedAt and audits each change', async () => {
    const before = await create({ ...minimal('PAT-0001'), ownerPersonId: owner.id })
    const other = await addPerson(ctx.db, 'Sam Okafor')
    ctx.clock.now = LATER
    try {
      const res = await patch('PAT-0001', {
        name: 'Renamed',
        ownerPersonId: other.id,
        endDate: '2027-03-31',
        status: 'on_hold',
        sponsor: 'CIO',
      })
      expect(res.status).toBe(200)
      const body = expectMatches(ProjectRecord, await res.json())
      expect(body).toEqual({
        ...before,
        name: 'Renamed',
        owner: other,
        endDate: '2027-03-31',
        status: 'on_hold',
        sponsor: 'CIO',
        updatedAt: LATER.toISOString(),
      })
      expect(await record('PAT-0001')).toEqual(body)
      const id = (await projectRow('PAT-0001'))!.id
      expect((await auditRows(ctx.db, 'project', id)).slice(1)).toEqual([
        {
          actorUserId: managerId,
          action: 'update',
          at: LATER,
          changes: {
            code: 'PAT-0001',
            name: { from: 'Project PAT-0001', to: 'Renamed' },
            ownerPersonId: { from: owner.id, to: other.id },
            endDate: { from: '2026-12-31', to: '2027-03-31' },
            status: { from: 'active', to: 'on_hold' },
            sponsor: { from: '', to: 'CIO' },
          },
        },
      ])
      // The owner can be cleared.
      const cleared = expectMatches(
        ProjectRecord,
        await (await patch('PAT-0001', { ownerPersonId: null })).json(),
      )
      expect(cleared.owner).toBeNull()
    } finally {
      ctx.clock.now = NOW
    }
  })

  it('writes nothing for a patch that changes nothing', async () => {
    const before = await create(minimal('PAT-0002'))
    ctx.clock.now = LATER
    try {
      const res = await patch('PAT-0002', { name: before.name, status: 'active' })
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual(before)
      const id = (await projectRow('PAT-0002'))!.id
      expect(await auditRows(ctx.db, 'project', id)).toHaveLength(1)
    } finally {
      ctx.clock.now = NOW
    }
  })

  it.each([
    [{ endDate: '2025-12-31' }, 'json.endDate', /on or after startDate \(2026-01-01\)/],
    [{ startDate: '2027-01-01' }, 'json.startDate', /on or before endDate \(2026-12-31\)/],
    [{ startDate: '2026-06-01', endDate: '2026-05-31' }, 'json.endDate', /on or after/],
    [
      { endDate: '2036-01-01' },
      'json.endDate',
      /less than 10 years after startDate \(2026-01-01\)/,
    ],
    [
      { startDate: '2016-12-31' },
      'json.startDate',
      /less than 10 years before endDate \(2026-12-31\)/,
    ],
    [{ startDate: '2020-01-01', endDate: '2030-01-01' }, 'json.endDate', /less than 10 years/],
    [{ endDate: '2026-04-31' }, 'json.endDate', /must be a day/],
    [{ code: 'PAT-9999' }, 'json', /code/],
    [{ name: '' }, 'json.name', /must not be empty/],
    [{ status: 'done' }, 'json.status', /proposed/],
  ])('refuses %j, naming %s, and changes nothing', async (change, path, message) => {
    const code = 'PAT-0003'
    const before = (await projectRow(code)) ? await record(code) : await create(minimal(code))
    const refused = await expectRefused(await patch(code, change), 400, 'validation_failed')
    expect(refused.error.details).toContainEqual({ path, message: expect.stringMatching(message) })
    expect(await record(code)).toEqual(before)
    expect(await auditRows(ctx.db, 'project', (await projectRow(code))!.id)).toHaveLength(1)
  })

  it('refuses an unknown owner (422), no such project (404) and viewers (403)', async () => {
    const before = await create(minimal('PAT-0004'))
    await expectRefused(
      await patch('PAT-0004', { ownerPersonId: 999_999_999 }),
      422,
      'unknown_person',
    )
    await expectRefused(await patch('PAT-9998', { name: 'X' }), 404, 'project_not_found')
    const viewer = (await loginAs(ctx, 'viewer')).headers
    await expectRefused(await patch('PAT-0004', { name: 'X' }, viewer), 403, 'forbidden')
    expect(await record('PAT-0004')).toEqual(before)
  })
})

describe('DELETE /projects/:code', () => {
  it('deletes a project with no actuals, its lines with it, and audits it', async () => {
    const line = { name: 'Staff', category: 'labour', spendType: 'opex', amountPence: 100 }
    await create({ ...minimal('DEL-0001'), lines: [line] })
    const id = (await projectRow('DEL-0001'))!.id
    const res = await del('DEL-0001')
    expect(res.status).toBe(204)
    expect(await projectRow('DEL-0001')).toBeUndefined()
    await expectRefused(await get(`${BASE}/DEL-0001`), 404, 'project_not_found')
    const lines = await ctx.db
      .selectFrom('projectBudgetLines')
      .select('id')
      .where('projectId', '=', id)
      .execute()
    expect(lines).toEqual([])
    const rows = await auditRows(ctx.db, 'project', id)
    expect(rows.map((r) => r.action)).toEqual(['create', 'delete'])
    expect(rows[1]?.changes).toMatchObject({
      code: { from: 'DEL-0001', to: null },
      name: { from: 'Project DEL-0001', to: null },
    })
    await expectRefused(await del('DEL-0001'), 404, 'project_not_found')
  })

  it('refuses a project with cost entries or progress (409): cancel or close it instead', async () => {
    for (const [code, booked] of [
      ['DEL-0002', 'cost'],
      ['DEL-0003', 'progress'],
    ] as const) {
      const before = await create(minimal(code))
      const projectId = (await projectRow(code))!.id
      if (booked === 'cost') {
        await ctx.db
          .insertInto('costEntries')
          .values({
            projectId,
            incurredOn: '2026-03-01',
            amountPence: 100,
            category: 'services',
            spendType: 'opex',
          })
          .execute()
      } else {
        await ctx.db
          .insertInto('projectProgress')
          .values({ projectId, asOf: '2026-03-01', percentComplete: 10 })
          .execute()
      }
      const refused = await expectRefused(await del(code), 409, 'project_has_actuals')
      expect(refused.error.message).toMatch(/cancel or close it/)
      expect(await record(code)).toEqual(before)
      expect(await auditRows(ctx.db, 'project', projectId)).toHaveLength(1)
    }
  })

  it('refuses a project people are booked to (409)', async () => {
    const before = await create(minimal('DEL-0004'))
    const projectId = (await projectRow('DEL-0004'))!.id
    await ctx.db
      .insertInto('allocations')
      .values({
        personId: owner.id,
        kind: 'project',
        projectId,
        firstDay: '2026-03-02',
        lastDay: '2026-04-05',
        hoursPerWeek: 10,
      })
      .execute()
    await expectRefused(await del('DEL-0004'), 409, 'project_has_allocations')
    expect(await record('DEL-0004')).toEqual(before)
  })

  it('is for managers and admins', async () => {
    await create(minimal('DEL-0005'))
    const viewer = (await loginAs(ctx, 'viewer')).headers
    await expectRefused(await del('DEL-0005', viewer), 403, 'forbidden')
    expect(await projectRow('DEL-0005')).toBeDefined()
  })
})
