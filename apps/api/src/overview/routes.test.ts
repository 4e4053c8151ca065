import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches } from '../../test/helpers.ts'
import { exampleApp, NOW, OCTOBER } from '../../test/worked-example.ts'
import { Overview } from './schemas.ts'

// The worked example's figures are asserted in each area's summary test; here, the composition.
let ex: Awaited<ReturnType<typeof exampleApp>>
beforeAll(async () => {
  ex = await exampleApp()
})
afterAll(() => ex.drop())

const getOverview = (path = `/api/v1/overview?${OCTOBER}`) =>
  ex.get<Overview & { error: { code: string; details: { path: string }[] } }>(path)

describe('GET /api/v1/overview', () => {
  it('has exactly the four areas and what needs attention', async () => {
    const { status, body } = await getOverview()
    expect(status).toBe(200)
    expectMatches(Overview, body)
    expect(Object.keys(body).sort()).toEqual([
      'attention',
      'budgets',
      'capacity',
      'incidents',
      'services',
    ])
  })

  it('ranks what needs attention now, critical first', async () => {
    const { body } = await getOverview()
    // Now (4 November 12:00): a is down since its 11:59 sample; its 5 min down on 10 October
    // leave 38.2 of its 43.2 budget minutes, 229 days at 5 min per 30 days: not within the
    // window. b's newest sample (11:50) is stale; c is in maintenance. Incidents (the targets
    // are the defaults): I5 (SEV4) untouched since 15 September, 50 d 3 h against 10 d; I3
    // (SEV2) open 7 d 3 h against 8 h; I4, I1 and I2 resolved with no review, each more than 5
    // working days ago (1 September → 8 September, 5 October → 12, 20 October → 27), of which
    // only I1 is of a severity (SEV1/SEV2) that needs one. Projects, as of 4 November: P1 has
    // AC £130k of £100k and 95% done → CPI 9.5 / 13 = 0.73, red since its first day (SPI 0, no
    // progress), over budget since 31 Oct; SPI 9.5 / 10 = 0.95 → 365 / 0.95 = 384.2 → 385 days
    // from 1 Jan → 20 Jan 2027, late since its first progress (30 Sep). P2 has spent £19k of £20k
    // (since 30 Apr). The project items follow the other areas' of the same severity.
    // Capacity, this week (2 November, 6 November a holiday) and the weeks ahead: X has 37.5 −
    // 7.5 (holiday) − 7.5 (leave on the 4th) = 22.5 h, booked (20 + 25) × 4/5 = 36 h, 160% with
    // work on leave: critical. Infrastructure owns the tier-1 services a and b, and X's leave
    // leaves Y alone on the 4th. With Y's 12 of 24 h, the team has 48 h booked of 46.5 h.
    expect(body.attention.map((i) => [i.severity, i.title, i.reason])).toEqual([
      ['critical', 'a', 'Down for 1 min'],
      ['critical', 'I5: I5', 'Not acknowledged or resolved: 40 d 3 h past the 10 d resolve target'],
      ['critical', 'I3: I3', 'SEV2 open for 7 d 3 h (acknowledged)'],
      ['critical', 'I3: I3', 'Not resolved: 6 d 19 h past the 8 h target'],
      ['critical', 'P1: P1', 'CPI 0.73 < 0.85'],
      ['critical', 'P1: P1', '130% of budget spent (£130,000 of £100,000)'],
      [
        'critical',
        'X',
        'Booked 36 of 22.5 h (160%) in week 45, over 120%, with work booked over leave on Wed 4 Nov',
      ],
      ['warning', 'b', 'No check results for 10 min'],
      ['warning', 'I1: I1', 'Review overdue: resolved 5 Oct, due by 12 Oct (5 working days)'],
      ['warning', 'P2: P2', '95% of budget spent (£19,000 of £20,000)'],
      ['warning', 'P1: P1', 'Forecast to finish 20 Jan 2027, 20 days after its end date'],
      ['warning', 'Infrastructure', '1 person available on Wed 4 Nov for a, b'],
      [
        'warning',
        'Infrastructure',
        'Booked over capacity, tentative work included, in week 45: 48 of 46.5 h (103%)',
      ],
    ])
    expect(body.attention[0]).toMatchObject({ area: 'services', href: '/services/a' })
    expect(body.attention.filter((i) => i.area === 'capacity').map((i) => i.href)).toEqual([
      expect.stringMatching(/^\/capacity\/people\/\d+$/),
      '/capacity?team=infra',
      '/capacity?team=infra&tentative=1',
    ])
  })

  it('is each area’s summary for the same range, composed', async () => {
    const { body } = await getOverview()
    const area = async (path: string) => (await ex.get(`/api/v1/${path}/summary?${OCTOBER}`)).body
    expect(body.services).toEqual(await area('services'))
    expect(body.incidents).toEqual(await area('incidents'))
    expect(body.budgets).toEqual(await area('projects'))
    expect(body.capacity).toEqual(await area('capacity'))
  })

  it('defaults to the last 30 days', async () => {
    const { status, body } = await getOverview('/api/v1/overview')
    expect(status).toBe(200)
    expect(body.services.to).toBe(NOW.toISOString())
    expect(body.services.from).toBe('2026-10-05T12:00:00.000Z')
  })

  it('rejects a bad range with the error envelope naming the field', async () => {
    const bad = await getOverview('/api/v1/overview?from=yesterday')
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('validation_failed')
    expect(bad.body.error.details[0]?.path).toBe('query.from')
    const reversed = await getOverview('/api/v1/overview?from=2026-10-31&to=2026-10-01')
    expect(reversed.status).toBe(400)
    expect(reversed.body.error).toMatchObject({ code: 'invalid_range' })
    const tooLong = await getOverview('/api/v1/overview?from=2024-01-01&to=2026-10-01')
    expect(tooLong.status).toBe(400)
  })
})
