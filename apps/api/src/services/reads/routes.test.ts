import { bucketIndex, bucketLowerBound, bucketUpperBound } from '@opsdeck/kpi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches } from '../../../test/helpers.ts'
import { NOW, readExampleApp } from './read-example.ts'
import { ServiceDaily, ServiceDetail, ServiceList, type WindowKpis } from './schemas.ts'

// Every figure of the worked example in read-example.ts, by hand. Checks every minute: one down
// check is one minute of downtime. 'pay' has an SLO of 99.9%, so 0.1% of a window is allowed.

let ex: Awaited<ReturnType<typeof readExampleApp>>
let detail: ServiceDetail
beforeAll(async () => {
  ex = await readExampleApp()
  const res = await ex.get('/api/v1/services/pay?from=2026-10-22T10:15:00Z&to=2026-10-22T10:45:00Z')
  expect(res.status).toBe(200)
  detail = expectMatches(ServiceDetail, res.body)
})
afterAll(() => ex.drop())

const windowOf = (key: WindowKpis['window']) => {
  const w = detail.windows.find((x) => x.window === key)
  if (!w) throw new Error(`no ${key} window`)
  return w
}
const spent = { exhaustsAt: NOW.toISOString() }

describe('GET /api/v1/services/:slug, worked example', () => {
  it('counts the last 24 h to the check: 27 Oct 12:10 (S3) is out, 12:40 (S4) in', () => {
    const w = windowOf('24h')
    expect(w.from).toBe('2026-10-27T12:30:00.000Z')
    // S1 42 up, 3 degraded, 5 down; S2 up; S4 down.
    expect(w.counts).toEqual({ up: 43, degraded: 3, down: 6, maintenance: 0 })
    expect(w.uptime).toBeCloseTo(46 / 52, 12)
    expect(w.degradedShare).toBeCloseTo(3 / 52, 12)
    expect(w.coverage).toBeCloseTo(52 / 1440, 12)
    expect(w.downtimeMinutes).toBe(6)
    expect(w.sloAttainment?.met).toBe(false)
    expect(w.sloAttainment?.margin).toBeCloseTo(46 / 52 - 0.999, 12)
    expect(w.errorBudget.allowedMinutes).toBeCloseTo(1.44, 9)
    expect(w.errorBudget.remainingMinutes).toBeCloseTo(1.44 - 6, 9)
    expect(w.errorBudget.burnRate).toBeCloseTo(6 / 1440 / 0.001, 9)
    expect(w.errorBudget).toMatchObject(spent)
  })

  it('starts 7, 30 and 90 days at the top of the hour, and leaves maintenance out', () => {
    const d7 = windowOf('7d')
    // From 21 Oct 12:00: S6 at 12:10 counts. 24 h + S3 up + S5 30 up, 30 down + S6 down.
    expect(d7.from).toBe('2026-10-21T12:00:00.000Z')
    expect(d7.counts).toEqual({ up: 74, degraded: 3, down: 37, maintenance: 0 })
    expect(d7.uptime).toBeCloseTo(77 / 114, 12)
    expect(d7.coverage).toBeCloseTo(114 / (7 * 1440 + 30), 12)
    expect(d7.errorBudget.burnRate).toBeCloseTo(37 / 10_080 / 0.001, 9)

    const d30 = windowOf('30d')
    // + S7 (10 in maintenance: neither up nor down), S8 20 down, S9 up, S10 10 down.
    expect(d30.counts).toEqual({ up: 75, degraded: 3, down: 67, maintenance: 10 })
    expect(d30.uptime).toBeCloseTo(78 / 145, 12)
    expect(d30.coverage).toBeCloseTo(155 / (30 * 1440 + 30), 12)

    const d90 = windowOf('90d')
    // + S11 5 down. Budget 0.1% of 129,600 min = 129.6; 72 spent at 72 / 129,600 a minute
    // leaves 57.6 min, which lasts 103,680 min = 72 days.
    expect(d90.counts).toEqual({ up: 75, degraded: 3, down: 72, maintenance: 10 })
    expect(d90.uptime).toBeCloseTo(78 / 150, 12)
    expect(d90.errorBudget.allowedMinutes).toBeCloseTo(129.6, 9)
    expect(d90.errorBudget.remainingMinutes).toBeCloseTo(57.6, 9)
    expect(d90.errorBudget.remainingShare).toBeCloseTo(57.6 / 129.6, 12)
    expect(d90.errorBudget.burnRate).toBeCloseTo(72 / 129_600 / 0.001, 9)
    expect(d90.errorBudget.exhaustsAt).toBe('2027-01-08T12:30:00.000Z')
  })

  it('counts a requested range to the check within raw retention', () => {
    const r = windowOf('range')
    // 10:15–10:29 up, 10:30–10:44 down; whole hours would have given 30 and 30.
    expect(r.counts).toEqual({ up: 15, degraded: 0, down: 15, maintenance: 0 })
    expect(r.uptime).toBe(0.5)
    expect(r.coverage).toBe(1)
    expect(r.errorBudget.allowedMinutes).toBeCloseTo(0.03, 12)
    expect(r.errorBudget.burnRate).toBeCloseTo(15 / 30 / 0.001, 9)
  })

  it('takes the calendar month in London: 745 hours across the end of BST, 1 Oct 00:30 BST in', () => {
    const m = windowOf('month')
    expect(m.from).toBe('2026-09-30T23:00:00.000Z')
    expect(m.to).toBe('2026-11-01T00:00:00.000Z')
    // S9 (30 Sep 23:30Z) is October in London; S10 (29 Sep) is not; S7 is maintenance.
    expect(m.counts).toEqual({ up: 75, degraded: 3, down: 57, maintenance: 10 })
    expect(m.uptime).toBeCloseTo(78 / 135, 12)
    // 27 days 13.5 hours have passed: 39,690 minutes.
    expect(m.coverage).toBeCloseTo(145 / 39_690, 12)
    expect(m.errorBudget.allowedMinutes).toBeCloseTo(0.001 * 745 * 60, 9)
    expect(m.errorBudget.remainingMinutes).toBeCloseTo(44.7 - 57, 9)
    expect(m.errorBudget.burnRate).toBeCloseTo(57 / 39_690 / 0.001, 9)
    expect(m.errorBudget).toMatchObject(spent)
  })

  it('gives the SLO-window budget and the burn rates over 1 h, 6 h, 24 h and the window', () => {
    // 30-day window: 43.2 min allowed, 67 spent.
    expect(detail.errorBudget.allowedMinutes).toBeCloseTo(43.2, 9)
    expect(detail.errorBudget.consumedMinutes).toBe(67)
    expect(detail.errorBudget.remainingMinutes).toBeCloseTo(-23.8, 9)
    expect(detail.errorBudget.remainingShare).toBeCloseTo(-23.8 / 43.2, 12)
    expect(detail.errorBudget).toMatchObject(spent)
    // As the alerts measure them: down share / 0.1%. 1 h (11:30–12:30): S1's 5 of 50 checks;
    // 6 h: + S2, 5 of 51; 24 h: 6 of 52.
    expect(detail.burnRates.h1).toBeCloseTo(5 / 50 / 0.001, 9)
    expect(detail.burnRates.h6).toBeCloseTo(5 / 51 / 0.001, 9)
    expect(detail.burnRates.h24).toBeCloseTo(6 / 52 / 0.001, 9)
    expect(detail.burnRates.window).toBeCloseTo(67 / 43_200 / 0.001, 9)
  })

  it('merges latency histograms over whole hours, interpolating inside the bucket', () => {
    // Interpolation inside bucket b at rank r of its n samples, `before` below it.
    const within = (ms: number, rank: number, before: number, n: number, top?: number) => {
      const b = bucketIndex(ms)
      const lo = bucketLowerBound(b)
      return lo + ((rank - before) / n) * ((top ?? bucketUpperBound(b)) - lo)
    }
    // 24 h from 27 Oct 12:00: 44 checks at 100 ms (S1, S2, S3), 3 at 2,500 ms, the slowest.
    const h24 = detail.latency.h24
    expect(h24.count).toBe(47)
    expect(h24.maxMs).toBe(2500)
    expect(h24.p50).toBeCloseTo(within(100, 0.5 * 47, 0, 44), 9)
    expect(h24.p95).toBeCloseTo(within(2500, 0.95 * 47, 44, 3, 2500), 9)
    expect(h24.p99).toBeCloseTo(within(2500, 0.99 * 47, 44, 3, 2500), 9)
    // 30 days: + S5's 30 at 200 ms and S9 at 100 ms: 45, 30, 3.
    const d30 = detail.latency.d30
    expect(d30.count).toBe(78)
    expect(d30.p50).toBeCloseTo(within(100, 0.5 * 78, 0, 45), 9)
    expect(d30.p95).toBeCloseTo(within(200, 0.95 * 78, 45, 30), 9)
    expect(d30.p99).toBeCloseTo(within(2500, 0.99 * 78, 75, 3, 2500), 9)
  })

  it('shows status now, configuration, alerts, incidents, coming maintenance and the rules', () => {
    expect(detail.status.now).toBe('up')
    expect(detail.status.lastSample?.at).toBe('2026-10-28T12:29:00.000Z')
    expect(detail.check).toMatchObject({ url: 'https://pay.example/health', intervalSeconds: 60 })
    expect(detail.service).toMatchObject({
      slug: 'pay',
      ownerTeam: { slug: 'infra' },
      openIncidentOnPage: false,
    })
    expect(detail.alerts).toEqual([expect.objectContaining({ severity: 'page', endedAt: null })])
    expect(detail.incidents.map((i) => i.ref)).toEqual(['INC-1'])
    // 20 October's window is over; 30 October's is to come.
    expect(detail.maintenance.map((m) => m.reason)).toEqual(['Upgrade'])
    expect(detail.accounting.map((a) => a.rule)).toContain('maintenance')
    expect(detail.accounting.find((a) => a.rule === 'downtime')?.text).toContain('every 1 min')
  })

  it('answers 404 service_not_found for an unknown slug, 400 for a malformed one', async () => {
    for (const path of ['', '/series', '/daily']) {
      const res = await ex.get(`/api/v1/services/nope${path}`)
      expect(res.status).toBe(404)
      expect(res.body).toMatchObject({ error: { code: 'service_not_found' } })
      expect((await ex.get(`/api/v1/services/No_Such${path}`)).status).toBe(400)
    }
  })
})

describe('GET /api/v1/services/:slug/daily', () => {
  it('gives each London day, the 25-hour 25 October included, maintenance counted apart', async () => {
    const res = await ex.get('/api/v1/services/pay/daily?days=10')
    expect(res.status).toBe(200)
    const body = expectMatches(ServiceDaily, res.body)
    const day = (d: string) => body.days.find((x) => x.day === d)
    expect(body.days.map((d) => d.day)).toEqual([
      '2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23',
      '2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27', '2026-10-28',
    ]) // prettier-ignore
    expect(day('2026-10-22')).toEqual({
      day: '2026-10-22',
      counts: { up: 30, degraded: 0, down: 30, maintenance: 0 },
      uptime: 0.5,
      coverage: 60 / 1440,
      metSlo: false,
    })
    // Only maintenance: no uptime, and neither met nor missed.
    expect(day('2026-10-20')).toMatchObject({ uptime: null, metSlo: null, coverage: 10 / 1440 })
    expect(day('2026-10-25')).toMatchObject({ uptime: null, coverage: 0 })
    // Today so far: 00:00–12:30 is 750 minutes; S1 and S2.
    expect(day('2026-10-28')).toMatchObject({ uptime: 46 / 51, coverage: 51 / 750 })
  })

  it('takes 1 to 400 days', async () => {
    const many = await ex.get<ServiceDaily>('/api/v1/services/pay/daily?days=400')
    expect(many.body.days).toHaveLength(400)
    expect((await ex.get<ServiceDaily>('/api/v1/services/pay/daily')).body.days).toHaveLength(90)
    for (const bad of ['0', '401', '1.5', 'x']) {
      expect((await ex.get(`/api/v1/services/pay/daily?days=${bad}`)).status).toBe(400)
    }
  })
})

describe('GET /api/v1/services, the worked example’s figures', () => {
  it('gives the list the same figures as the detail, and the 90-day strip', async () => {
    const res = await ex.get('/api/v1/services')
    expect(res.status).toBe(200)
    const list = expectMatches(ServiceList, res.body)
    const pay = list.services.find((s) => s.slug === 'pay')
    if (!pay) throw new Error('no pay')
    expect(pay.uptime.h24).toEqual({
      uptime: windowOf('24h').uptime,
      coverage: windowOf('24h').coverage,
    })
    expect(pay.uptime.d7.uptime).toBeCloseTo(77 / 114, 12)
    expect(pay.uptime.d30.uptime).toBeCloseTo(78 / 145, 12)
    // Coverage too: the samples expected from the top of the hour the window is counted from.
    for (const [key, window] of [
      ['d7', '7d'],
      ['d30', '30d'],
    ] as const) {
      expect(pay.uptime[key]).toEqual({
        uptime: windowOf(window).uptime,
        coverage: windowOf(window).coverage,
      })
    }
    expect(pay.errorBudget).toEqual(detail.errorBudget)
    expect(pay.burnRate).toEqual({ window: detail.burnRates.window, h1: detail.burnRates.h1 })
    expect(pay.p95LatencyMs).toBe(detail.latency.h24.p95)
    expect(list.days).toHaveLength(90)
    expect(list.days.at(-1)).toBe('2026-10-28')
    expect(list.days[0]).toBe('2026-07-31')
    const strip = (d: string) => pay.daily[list.days.indexOf(d)]
    expect(pay.daily).toHaveLength(90)
    expect(strip('2026-10-22')).toBe(0.5)
    expect(strip('2026-10-20')).toBeNull()
    expect(strip('2026-10-28')).toBeCloseTo(46 / 51, 12)
    expect(strip('2026-08-15')).toBe(0)
    expect(list.now).toBe(NOW.toISOString())
  })
})

describe('a service with no samples (quiet: 95% over 30 days)', () => {
  it('reports what it spent and how fast as n/a, not a whole budget burning at ×0', async () => {
    const res = await ex.get('/api/v1/services/quiet')
    expect(res.status).toBe(200)
    const quiet = expectMatches(ServiceDetail, res.body)
    // Allowed is known without data: (1 − 0.95) × 30 × 1440 = 2160 minutes.
    const noData = {
      consumedMinutes: null,
      remainingMinutes: null,
      remainingShare: null,
      burnRate: null,
      exhaustsAt: null,
    }
    expect(quiet.errorBudget.allowedMinutes).toBeCloseTo(2160, 9)
    expect(quiet.errorBudget).toMatchObject(noData)
    expect(quiet.burnRates).toEqual({ h1: null, h6: null, h24: null, window: null })
    for (const w of quiet.windows) expect(w.errorBudget).toMatchObject(noData)

    const list = expectMatches(ServiceList, (await ex.get('/api/v1/services')).body)
    const item = list.services.find((s) => s.slug === 'quiet')
    expect(item?.errorBudget).toEqual(quiet.errorBudget)
    expect(item?.burnRate).toEqual({ window: null, h1: null })

    const series = await ex.get('/api/v1/services/quiet/series')
    expect(series.status).toBe(200)
    const budget = (series.body as { budget: Record<string, unknown> }).budget
    expect(budget).toMatchObject({ points: [], burnRate: null, exhaustsAt: null })
  })
})
