import { rebuildAllDailyRollups } from '@opsdeck/db'
import { histogramOf } from '@opsdeck/kpi'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectMatches } from '../../test/helpers.ts'
import { SettingsUpdated } from './schemas.ts'
import { settingsApp } from './test-kit.ts'

const { app, read, patch, auditRows } = settingsApp()

describe('PATCH /settings with a new time zone', () => {
  let service: number
  const days = async () =>
    (
      await app.ctx.db
        .selectFrom('checkRollupDaily')
        .select(['bucketStart', 'samples', 'down'])
        .where('serviceId', '=', service)
        .orderBy('bucketStart')
        .execute()
    ).map((d) => ({ ...d, bucketStart: d.bucketStart.toISOString() }))

  beforeAll(async () => {
    service = (
      await app.ctx.db
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
    await app.ctx.db
      .insertInto('checkRollupHourly')
      .values([hour('2026-11-03T20:00Z', 0), hour('2026-11-04T02:00Z', 3)])
      .execute()
    await app.ctx.db
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
    await app.ctx.db.transaction().execute((trx) => rebuildAllDailyRollups(trx, 'America/New_York'))
    expect(await days()).toEqual([
      { bucketStart: '2026-11-03T05:00:00.000Z', samples: 120, down: 3 },
    ])
    const body = expectMatches(SettingsUpdated, await (await patch({ currency: 'EUR' })).json())
    expect(body.dailyRollups).toEqual({ timezone: 'America/New_York', rebuilding: false })
    // Leave London days behind for the next test, as the worker would.
    await app.ctx.db.transaction().execute((trx) => rebuildAllDailyRollups(trx, 'Europe/London'))
  })

  it('changes neither zone when another field of the same request is refused', async () => {
    const before = await days()
    // A region without its bank holidays is refused (the migrations load them: taken out here).
    await app.ctx.db.deleteFrom('bankHolidays').where('region', '=', 'GB-NIR').execute()
    const res = await patch({ timezone: 'America/New_York', bankHolidayRegion: 'GB-NIR' })
    expect(res.status).toBe(400)
    expect((await read()).body.settings.timezone).toBe('Europe/London')
    const { dailyRollupTimezone } = await app.ctx.db
      .selectFrom('organisationSettings')
      .select('dailyRollupTimezone')
      .executeTakeFirstOrThrow()
    expect(dailyRollupTimezone).toBe('Europe/London')
    expect(await days()).toEqual(before)
  })
})
