import { describe, expect, it } from 'vitest'
import { createToken, expectMatches, loginAs } from '../../test/helpers.ts'
import { SettingsUpdated } from './schemas.ts'
import { DEFAULTS, NOW, type Refused, settingsApp } from './test-kit.ts'

const { app, read, patch, auditRows } = settingsApp()

describe('GET /settings', () => {
  it('is open to every reader, people and read tokens alike', async () => {
    for (const headers of [
      (await loginAs(app.ctx, 'viewer')).headers,
      (await loginAs(app.ctx, 'manager')).headers,
      (await createToken(app.ctx.db, ['read'])).headers,
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
      const res = await patch({ currency: 'EUR' }, (await loginAs(app.ctx, role)).headers)
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
        actorUserId: app.admin.user.id,
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

  it('sets how long raw check samples are kept, audited like the others', async () => {
    const before = (await auditRows()).length
    const res = await patch({ rawSampleRetentionDays: 90 })
    expect(res.status).toBe(200)
    expect(expectMatches(SettingsUpdated, await res.json()).settings.rawSampleRetentionDays).toBe(
      90,
    )
    expect((await read()).body.settings.rawSampleRetentionDays).toBe(90)
    const stored = await app.ctx.db
      .selectFrom('organisationSettings')
      .select('rawSampleRetentionDays')
      .executeTakeFirstOrThrow()
    expect(stored.rawSampleRetentionDays).toBe(90)
    expect((await auditRows()).slice(before).map((r) => r.changes)).toEqual([
      { rawSampleRetentionDays: { from: 30, to: 90 } },
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
    [{ rawSampleRetentionDays: 6 }, 'json.rawSampleRetentionDays', />=7/],
    [{ rawSampleRetentionDays: 401 }, 'json.rawSampleRetentionDays', /<=400/],
    [{ rawSampleRetentionDays: 30.5 }, 'json.rawSampleRetentionDays', /expected int/],
    [{ rawSampleRetentionDays: '90' }, 'json.rawSampleRetentionDays', /expected number/],
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
    // The migrations load all three regions; a database that lost a region's rows is refused.
    await app.ctx.db.deleteFrom('bankHolidays').where('region', '=', 'GB-SCT').execute()
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

    await app.ctx.db
      .insertInto('bankHolidays')
      .values({ region: 'GB-SCT', day: '2026-11-30', name: 'St Andrew’s Day' })
      .execute()
    expect((await patch({ bankHolidayRegion: 'GB-SCT' })).status).toBe(200)
    expect((await read()).body.settings.bankHolidayRegion).toBe('GB-SCT')
  })
})
