import { rebuildAllDailyRollups } from '@opsdeck/db'
import { histogramOf } from '@opsdeck/kpi'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  createToken,
  expectMatches,
  loginAs,
  postJson,
  setupApp,
  type TestApp,
} from '../../test/helpers.ts'
import { SettingsBody, SettingsUpdated } from './schemas.ts'

const NOW = new Date('2026-11-04T12:00:00Z')
const DEFAULTS = {
  name: 'Our organisation',
  timezone: 'Europe/London',
  currency: 'GBP',
  bankHolidayRegion: 'GB-ENG',
  workingDaysPerWeek: 5,
  ragThresholds: {
    red: { cpi: 0.85, spi: 0.85, eacOverBac: 1.1 },
    amber: { cpi: 0.95, spi: 0.95, eacOverBac: 1 },
  },
}
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
// Settings are one row: every test starts from the defaults.
beforeEach(async () => {
  const { ragThresholds, ...rest } = DEFAULTS
  await ctx.db
    .updateTable('organisationSettings')
    .set({
      ...rest,
      dailyRollupTimezone: rest.timezone,
      ragThresholds: JSON.stringify(ragThresholds),
    })
    .execute()
})

const read = async (headers: Record<string, string> = admin.headers) => {
  const res = await ctx.app.request('/api/v1/settings', { headers })
  return { status: res.status, body: expectMatches(SettingsBody, await res.json()) }
}
const patch = (body: unknown, headers: Record<string, string> = admin.headers) =>
  postJson(ctx, '/api/v1/settings', body, headers, 'PATCH')
const auditRows = () =>
  ctx.db
    .selectFrom('auditLog')
    .select(['actorUserId', 'action', 'entityId', 'changes', 'at'])
    .where('entity', '=', 'settings')
    .orderBy('id')
    .execute()

describe('GET /settings', () => {
  it('is open to every reader, people and read tokens alike', async () => {
    for (const headers of [
      (await loginAs(ctx, 'viewer')).headers,
      (await loginAs(ctx, 'manager')).headers,
      (await createToken(ctx.db, ['read'])).headers,
    ]) {
      const { status, body } = await read(headers)
      expect(status).toBe(200)
      expect(body.settings).toMatchObject(DEFAULTS)
    }
  })
})

describe('PATCH /settings', () => {
  it('is for admins only: managers and viewers get 403 and change nothing', async () => {
    for (const role of ['manager', 'viewer'] as const) {
      const res = await patch({ currency: 'EUR' }, (await loginAs(ctx, role)).headers)
      expect(res.status).toBe(403)
    }
    expect((await read()).body.settings.currency).toBe('GBP')
  })

  it('changes the fields given, leaves the rest, and audits each change from → to', async () => {
    const before = (await auditRows()).length
    const ragThresholds = {
      red: { cpi: 0.5, spi: 0.8, eacOverBac: 1.25 },
      amber: { cpi: 0.9, spi: 0.9, eacOverBac: 1.05 },
    }
    const res = await patch({
      name: '  Borsetshire Council IT  ',
      currency: 'EUR',
      workingDaysPerWeek: 4,
      ragThresholds,
      bankHolidayRegion: 'GB-ENG', // unchanged: not audited
    })
    expect(res.status).toBe(200)
    const expected = {
      ...DEFAULTS,
      name: 'Borsetshire Council IT',
      currency: 'EUR',
      workingDaysPerWeek: 4,
      ragThresholds,
      updatedAt: NOW.toISOString(),
    }
    expect(expectMatches(SettingsUpdated, await res.json())).toEqual({
      settings: expected,
      dailyRollups: { timezone: 'Europe/London', rebuilding: false },
    })
    expect((await read()).body.settings).toEqual(expected)

    const rows = (await auditRows()).slice(before)
    expect(rows).toEqual([
      {
        actorUserId: admin.user.id,
        action: 'update',
        entityId: 'organisation',
        at: NOW,
        changes: {
          name: { from: 'Our organisation', to: 'Borsetshire Council IT' },
          currency: { from: 'GBP', to: 'EUR' },
          workingDaysPerWeek: { from: 5, to: 4 },
          // Per limit, so the audit log says which one changed.
          'ragThresholds.red.cpi': { from: 0.85, to: 0.5 },
          'ragThresholds.red.spi': { from: 0.85, to: 0.8 },
          'ragThresholds.red.eacOverBac': { from: 1.1, to: 1.25 },
          'ragThresholds.amber.cpi': { from: 0.95, to: 0.9 },
          'ragThresholds.amber.spi': { from: 0.95, to: 0.9 },
          'ragThresholds.amber.eacOverBac': { from: 1, to: 1.05 },
        },
      },
    ])
  })

  it('audits a change of one limit as that limit alone', async () => {
    const { red, amber } = DEFAULTS.ragThresholds
    const res = await patch({ ragThresholds: { red: { ...red, cpi: 0.5 }, amber } })
    expect(res.status).toBe(200)
    expect((await auditRows()).at(-1)?.changes).toEqual({
      'ragThresholds.red.cpi': { from: 0.85, to: 0.5 },
    })
  })

  it('writes no audit row when nothing changes', async () => {
    const before = (await auditRows()).length
    const { ragThresholds } = DEFAULTS
    expect((await patch({ currency: 'GBP', timezone: 'Europe/London' })).status).toBe(200)
    expect((await patch({ ragThresholds })).status).toBe(200)
    expect((await patch({})).status).toBe(200)
    expect((await auditRows()).length).toBe(before)
  })

  const RED_NOT_BELOW = {
    red: { cpi: 0.95, spi: 0.85, eacOverBac: 1.1 },
    amber: { cpi: 0.95, spi: 0.95, eacOverBac: 1 },
  }
  const EAC_NOT_ABOVE = {
    red: { cpi: 0.85, spi: 0.85, eacOverBac: 1 },
    amber: { cpi: 0.95, spi: 0.95, eacOverBac: 1.05 },
  }
  const level = { cpi: 0.9, spi: 0.9, eacOverBac: 1.1 }
  it.each([
    [{ timezone: 'Mars/Olympus_Mons' }, 'json.timezone', /Mars\/Olympus_Mons is not an IANA/],
    [{ timezone: 'Asia/Kolkata' }, 'json.timezone', /Asia\/Kolkata is UTC\+05:30.*whole number/],
    [{ timezone: 'europe/london' }, 'json.timezone', /not an IANA time zone/],
    [{ currency: 'XYZ' }, 'json.currency', /ISO 4217/],
    [{ currency: 'gbp' }, 'json.currency', /ISO 4217/],
    [{ bankHolidayRegion: 'england-and-wales' }, 'json.bankHolidayRegion', /GB-ENG/],
    [{ workingDaysPerWeek: 0 }, 'json.workingDaysPerWeek', />=1/],
    [{ workingDaysPerWeek: 8 }, 'json.workingDaysPerWeek', /<=7/],
    [{ workingDaysPerWeek: 4.5 }, 'json.workingDaysPerWeek', /expected int/],
    [{ name: '  ' }, 'json.name', /must not be empty/],
    [
      { ragThresholds: RED_NOT_BELOW },
      'json.ragThresholds.red.cpi',
      /0\.95 must be below amber's 0\.95/,
    ],
    [
      { ragThresholds: EAC_NOT_ABOVE },
      'json.ragThresholds.red.eacOverBac',
      /red EAC limit 100% of BAC must be above amber's 105%/,
    ],
    [
      { ragThresholds: { red: { ...level, cpi: 0 }, amber: level } },
      'json.ragThresholds.red.cpi',
      /more than 0 and at most 2/,
    ],
    [
      { ragThresholds: { red: level, amber: { ...level, spi: 2.5 } } },
      'json.ragThresholds.amber.spi',
      /more than 0 and at most 2/,
    ],
    [
      {
        ragThresholds: { red: { ...level, eacOverBac: 1.2 }, amber: { ...level, eacOverBac: 0.9 } },
      },
      'json.ragThresholds.amber.eacOverBac',
      /from 1 to 3/,
    ],
    [
      { ragThresholds: { red: { ...level, cpi: 0.8499 }, amber: level } },
      'json.ragThresholds.red.cpi',
      /3 decimal places/,
    ],
    [{ ragThresholds: { red: level } }, 'json.ragThresholds.amber', /expected object/],
    [{ demoData: true }, 'json', /demoData/],
  ])('refuses %j with 400 naming %s, changing nothing', async (body, path, message) => {
    const before = (await auditRows()).length
    const res = await patch(body)
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as Refused
    expect(error.code).toBe('validation_failed')
    const detail = error.details.find((d) => d.path === path)
    expect(detail, JSON.stringify(error.details)).toBeDefined()
    expect(detail!.message).toMatch(message)
    expect((await read()).body.settings).toMatchObject(DEFAULTS)
    expect((await auditRows()).length).toBe(before)
  })

  it('refuses a region whose bank holidays are not loaded, and accepts it once they are', async () => {
    const res = await patch({ bankHolidayRegion: 'GB-SCT', currency: 'EUR' })
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as Refused
    expect(error.details).toEqual([
      {
        path: 'json.bankHolidayRegion',
        message: expect.stringMatching(/no bank holidays .* GB-SCT/),
      },
    ])
    // All or nothing: the valid currency in the same request is not applied either.
    expect((await read()).body.settings).toMatchObject(DEFAULTS)

    await ctx.db
      .insertInto('bankHolidays')
      .values({ region: 'GB-SCT', day: '2026-11-30', name: 'St Andrew’s Day' })
      .execute()
    expect((await patch({ bankHolidayRegion: 'GB-SCT' })).status).toBe(200)
    expect((await read()).body.settings.bankHolidayRegion).toBe('GB-SCT')
  })
})

describe('PATCH /settings with a new time zone', () => {
  let service: number
  const days = async () =>
    (
      await ctx.db
        .selectFrom('checkRollupDaily')
        .select(['bucketStart', 'samples', 'down'])
        .where('serviceId', '=', service)
        .orderBy('bucketStart')
        .execute()
    ).map((d) => ({ ...d, bucketStart: d.bucketStart.toISOString() }))

  beforeAll(async () => {
    service = (
      await ctx.db
        .insertInto('services')
        .values({ slug: 'payroll', name: 'Payroll', tier: 1, sloTarget: 0.999 })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    // 20:00 and 02:00 UTC: 4 and 5 November in London, both 4 November in New York (UTC−5).
    const hour = (at: string, down: number) => ({
      serviceId: service,
      bucketStart: new Date(at),
      samples: 60,
      up: 60 - down,
      degraded: 0,
      down,
      maintenance: 0,
      latencyCount: 1,
      latencySumMs: 100,
      latencyMaxMs: 100,
      latencyHist: histogramOf([100]),
    })
    await ctx.db
      .insertInto('checkRollupHourly')
      .values([hour('2026-11-03T20:00Z', 0), hour('2026-11-04T02:00Z', 3)])
      .execute()
    await ctx.db
      .insertInto('checkRollupDaily')
      .values([
        hour('2026-11-03T00:00Z', 0),
        { ...hour('2026-11-04T00:00Z', 3), bucketStart: new Date('2026-11-04T00:00Z') },
      ])
      .execute()
  })

  it('changes the zone at once, with its audit, and leaves the daily rollups to the worker', async () => {
    const before = await days()
    const res = await patch({ timezone: 'America/New_York' })
    expect(res.status).toBe(200)
    const body = expectMatches(SettingsUpdated, await res.json())
    expect(body.settings.timezone).toBe('America/New_York')
    // Still London days, as the answer says: the worker re-labels them in the background.
    expect(body.dailyRollups).toEqual({ timezone: 'Europe/London', rebuilding: true })
    expect(await days()).toEqual(before)
    expect((await read()).body.settings.timezone).toBe('America/New_York')
    expect((await auditRows()).at(-1)?.changes).toEqual({
      timezone: { from: 'Europe/London', to: 'America/New_York' },
    })

    // Back to London before the worker ran: the days were never anything else.
    const back = expectMatches(
      SettingsUpdated,
      await (await patch({ timezone: 'Europe/London' })).json(),
    )
    expect(back.dailyRollups).toEqual({ timezone: 'Europe/London', rebuilding: false })
  })

  it('says the daily rollups are in the new zone once the worker has re-labelled them', async () => {
    expect((await patch({ timezone: 'America/New_York' })).status).toBe(200)
    await ctx.db.transaction().execute((trx) => rebuildAllDailyRollups(trx, 'America/New_York'))
    expect(await days()).toEqual([
      { bucketStart: '2026-11-03T05:00:00.000Z', samples: 120, down: 3 },
    ])
    const body = expectMatches(SettingsUpdated, await (await patch({ currency: 'EUR' })).json())
    expect(body.dailyRollups).toEqual({ timezone: 'America/New_York', rebuilding: false })
    // Leave London days behind for the next test, as the worker would.
    await ctx.db.transaction().execute((trx) => rebuildAllDailyRollups(trx, 'Europe/London'))
  })

  it('changes neither zone when another field of the same request is refused', async () => {
    const before = await days()
    const res = await patch({ timezone: 'America/New_York', bankHolidayRegion: 'GB-NIR' })
    expect(res.status).toBe(400)
    expect((await read()).body.settings.timezone).toBe('Europe/London')
    const { dailyRollupTimezone } = await ctx.db
      .selectFrom('organisationSettings')
      .select('dailyRollupTimezone')
      .executeTakeFirstOrThrow()
    expect(dailyRollupTimezone).toBe('Europe/London')
    expect(await days()).toEqual(before)
  })
})
