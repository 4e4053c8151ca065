import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches, loginAs, postJson, setupApp, type TestApp } from '../../test/helpers.ts'
import { SettingsBody } from './schemas.ts'

// Money is stored in minor units and never converted: a new currency re-labels every amount, so
// one whose minor unit is another power of ten would change what each amount is worth.
const NOW = new Date('2026-11-04T12:00:00Z')
interface Refused {
  error: { code: string; message: string; details: { path: string; message: string }[] }
}

let ctx: TestApp
let admin: Awaited<ReturnType<typeof loginAs>>
beforeAll(async () => {
  ctx = await setupApp(NOW)
  admin = await loginAs(ctx, 'admin')
})
afterAll(() => ctx.drop())

const patch = (body: unknown) => postJson(ctx, '/api/v1/settings', body, admin.headers, 'PATCH')
const settings = async () => {
  const res = await ctx.app.request('/api/v1/settings', { headers: admin.headers })
  return expectMatches(SettingsBody, await res.json()).settings
}
const auditCount = async () =>
  (await ctx.db.selectFrom('auditLog').select('id').where('entity', '=', 'settings').execute())
    .length

// One amount in each money table: a budget line, a month's baseline, a cost, a cost rate.
async function recordMoney() {
  const team = await ctx.db
    .insertInto('teams')
    .values({ slug: 'infra', name: 'Infrastructure' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await ctx.db
    .insertInto('people')
    .values({ teamId: team.id, name: 'Pat', role: 'Engineer', contractedHoursPerWeek: 37.5 })
    .execute()
  await ctx.db
    .insertInto('people')
    .values({
      teamId: team.id,
      name: 'Sam',
      role: 'Engineer',
      contractedHoursPerWeek: 37.5,
      costRatePencePerHour: 5_000,
    })
    .execute()
  const project = await ctx.db
    .insertInto('projects')
    .values({ code: 'PRJ-1', name: 'Payroll', startDate: '2026-01-01', endDate: '2026-12-31' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const line = {
    projectId: project.id,
    name: 'Build',
    category: 'services',
    spendType: 'capex',
  } as const
  await ctx.db
    .insertInto('projectBudgetLines')
    // A zero is zero in any currency: it is not counted.
    .values([
      { ...line, amountPence: 690_000_000 },
      { ...line, amountPence: 0 },
    ])
    .execute()
  await ctx.db
    .insertInto('projectBaselines')
    .values({ projectId: project.id, version: 1 })
    .execute()
  await ctx.db
    .insertInto('projectBaseline')
    .values({ projectId: project.id, version: 1, month: '2026-01-01', plannedPence: 50_000_00 })
    .execute()
  await ctx.db
    .insertInto('costEntries')
    .values({
      projectId: project.id,
      incurredOn: '2026-02-03',
      amountPence: 12_345,
      category: 'services',
      spendType: 'opex',
    })
    .execute()
}

describe('PATCH /settings with a new currency', () => {
  it('takes any currency while no amount is recorded: there is nothing to re-label', async () => {
    expect((await patch({ currency: 'JPY' })).status).toBe(200)
    expect((await settings()).currency).toBe('JPY')
    expect((await patch({ currency: 'GBP' })).status).toBe(200)
    await recordMoney()
  })

  it('re-labels amounts as a currency with as many decimal places (GBP → EUR)', async () => {
    expect((await patch({ currency: 'EUR' })).status).toBe(200)
    expect((await settings()).currency).toBe('EUR')
    expect((await patch({ currency: 'GBP' })).status).toBe(200)
  })

  it.each([
    [
      'JPY',
      'GBP has 2 decimal places and JPY 0, so the 4 amounts already recorded would change value 100-fold',
    ],
    [
      'KWD',
      'GBP has 2 decimal places and KWD 3, so the 4 amounts already recorded would change value 10-fold',
    ],
  ])(
    'refuses %s once amounts are recorded, and the rest of the request with it',
    async (to, why) => {
      const before = await settings()
      const audits = await auditCount()
      const res = await patch({ currency: to, name: 'Borsetshire Council IT' })
      expect(res.status).toBe(400)
      const { error } = (await res.json()) as Refused
      expect(error.code).toBe('validation_failed')
      expect(error.details).toEqual([
        {
          path: 'json.currency',
          message: `amounts are stored in minor units: ${why}; change the currency before recording amounts, or choose one with 2 decimal places`,
        },
      ])
      expect(await settings()).toEqual(before)
      expect(await auditCount()).toBe(audits)
    },
  )
})
