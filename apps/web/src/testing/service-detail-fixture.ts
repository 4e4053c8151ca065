import type { ServiceDaily, ServiceDetail, ServiceSeries } from '../features/services/queries.ts'
import { budget, NOW, payrollItem, stripDays } from './services-fixture.ts'

// One service's API answers (detail, series, daily), typed from the API's own response types.

type Window = ServiceDetail['windows'][number]
const kpiWindow = (id: Window['window'], from: string, uptime: number | null): Window => ({
  window: id,
  from,
  to: NOW,
  counts: { up: 1430, degraded: 6, down: 4, maintenance: 0 },
  uptime,
  coverage: uptime === null ? null : 0.999,
  degradedShare: uptime === null ? null : 0.004,
  downtimeMinutes: 4,
  sloAttainment: uptime === null ? null : { met: uptime >= 0.999, margin: uptime - 0.999 },
  errorBudget: budget(),
})

/** Payroll, down now: a firing page alert, an open incident, a window next Sunday. */
export const detailFixture = (over: Partial<ServiceDetail> = {}): ServiceDetail => ({
  now: NOW,
  timezone: 'Europe/London',
  service: {
    slug: 'payroll',
    name: 'Payroll',
    description: 'Monthly payroll for 3,400 staff and BACS submission',
    tier: 1,
    ownerTeam: { slug: 'applications', name: 'Applications' },
    tags: ['finance'],
    runbookUrl: 'https://wiki.example.org/runbooks/payroll',
    dashboardUrl: null,
    openIncidentOnPage: false,
    archivedAt: null,
    createdAt: '2026-01-05T09:00:00.000Z',
    slo: { target: 0.999, windowDays: 30 },
  },
  check: {
    mode: 'probe',
    kind: 'http',
    enabled: true,
    url: 'https://payroll.example.org/health',
    method: 'GET',
    expectedStatuses: [200],
    keyword: null,
    host: null,
    port: null,
    intervalSeconds: 60,
    timeoutMs: 10_000,
    degradedLatencyMs: 3000,
  },
  status: {
    now: 'down',
    lastSample: {
      at: '2026-11-27T13:59:00.000Z',
      status: 'down',
      inMaintenance: false,
      latencyMs: 10_000,
      httpStatus: null,
      error: 'timeout after 10000 ms',
    },
  },
  windows: [
    kpiWindow('24h', '2026-11-26T14:00:00.000Z', 0.9712),
    kpiWindow('7d', '2026-11-20T14:00:00.000Z', 0.9958),
    kpiWindow('30d', '2026-10-28T14:00:00.000Z', 0.9986),
    kpiWindow('90d', '2026-08-29T13:00:00.000Z', 0.99931),
    kpiWindow('range', '2026-10-28T14:00:00.000Z', 0.9986),
    kpiWindow('month', '2026-11-01T00:00:00.000Z', 0.9984),
  ],
  errorBudget: payrollItem().errorBudget,
  burnRates: { h1: 28.8, h6: 7.1, h24: 2.9, window: 1.4 },
  latency: {
    h24: { p50: 290, p95: 1840, p99: 9600, maxMs: 10_000, count: 1436 },
    d30: { p50: 280, p95: 610, p99: 2400, maxMs: 10_000, count: 43_100 },
  },
  alerts: [
    {
      id: 7,
      severity: 'page',
      rule: '1h/5m',
      threshold: 14.4,
      longBurnRate: 28.8,
      shortBurnRate: 1000,
      peakBurnRate: 1000,
      startedAt: '2026-11-27T13:20:00.000Z',
      endedAt: null,
    },
  ],
  incidents: [
    {
      ref: 'INC-0142',
      title: 'Payroll unreachable',
      severity: 'SEV2',
      status: 'acknowledged',
      impact: 'outage',
      startedAt: '2026-11-27T13:15:00.000Z',
      resolvedAt: null,
    },
  ],
  maintenance: [
    {
      id: 31,
      startsAt: '2026-11-29T02:00:00.000Z',
      endsAt: '2026-11-29T04:00:00.000Z',
      reason: 'Monthly Windows Server patching',
      recurring: false,
    },
  ],
  accounting: [
    {
      rule: 'maintenance',
      text: 'Checks inside a maintenance window count as neither up nor down.',
    },
    { rule: 'degraded', text: 'Degraded checks count as up and are reported separately.' },
    { rule: 'no-data', text: 'A window without checks is no data, never up.' },
  ],
  ...over,
})

const HOUR = 3_600_000
const point = (i: number, uptime: number | null, p95: number | null) => ({
  at: new Date(Date.parse('2026-11-26T14:00:00.000Z') + i * HOUR).toISOString(),
  counts: { up: 60, degraded: 0, down: 0, maintenance: 0 },
  uptime,
  coverage: uptime === null ? null : 1,
  p50: p95 === null ? null : p95 / 2,
  p95,
})

/** 24 hourly points: a gap at 3, the outage in the last hour; a maintenance window at night. */
export const seriesFixture = (over: Partial<ServiceSeries> = {}): ServiceSeries => ({
  from: '2026-11-26T14:00:00.000Z',
  to: NOW,
  bucketSeconds: 3600,
  source: 'raw',
  points: Array.from({ length: 24 }, (_, i) =>
    point(i, i === 3 ? null : i === 23 ? 0.25 : 1, i === 3 ? null : i === 23 ? 9800 : 300),
  ),
  markers: {
    maintenance: [
      {
        id: 30,
        startsAt: '2026-11-27T02:00:00.000Z',
        endsAt: '2026-11-27T04:00:00.000Z',
        reason: 'SQL Server cumulative update',
        recurring: false,
      },
    ],
    incidents: detailFixture().incidents,
  },
  budget: {
    from: '2026-10-28T14:00:00.000Z',
    to: NOW,
    bucketSeconds: 86_400,
    allowedMinutes: 43.2,
    points: [
      { at: '2026-11-10T14:00:00.000Z', remainingMinutes: 43.2, remainingShare: 1 },
      { at: '2026-11-20T14:00:00.000Z', remainingMinutes: 30.24, remainingShare: 0.7 },
      { at: NOW, remainingMinutes: 21.6, remainingShare: 0.5 },
    ],
    burnRate: 0.5,
    exhaustsAt: '2026-12-27T14:00:00.000Z',
  },
  ...over,
})

export const dailyFixture = (): ServiceDaily => ({
  slug: 'payroll',
  timezone: 'Europe/London',
  slo: { target: 0.999, windowDays: 30 },
  days: stripDays().map((day, i) => {
    const uptime = i === 89 ? 0.9712 : 0.9995
    return {
      day,
      counts: { up: 1439, degraded: 0, down: 1, maintenance: 0 },
      uptime,
      coverage: 1,
      metSlo: uptime >= 0.999,
    }
  }),
})
