import type {
  BusinessServiceList,
  ServiceList,
  ServiceListItem,
} from '../features/services/queries.ts'

// The Services pages' API answers, typed from the API's own response types (the feature's
// queries.ts infers them from the client): a changed field fails here first.

/** The instant every fixture is read at. */
export const NOW = '2026-11-27T14:00:00.000Z'

/** 90 local days ending 27 Nov 2026, oldest first. */
export const stripDays = (count = 90): string[] =>
  Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(2026, 10, 27 - (count - 1 - i)))
    return d.toISOString().slice(0, 10)
  })

/** An error budget, 75% left unless told otherwise. */
export const budget = (over: Partial<ServiceListItem['errorBudget']> = {}) => ({
  allowedMinutes: 43.2,
  consumedMinutes: 10.8,
  remainingMinutes: 32.4,
  remainingShare: 0.75,
  burnRate: 0.25,
  exhaustsAt: null,
  ...over,
})

const window = (uptime: number | null) => ({ uptime, coverage: uptime === null ? null : 0.998 })

/** Up, healthy; a full strip at 100% but for one day below the SLO. */
export const emailItem = (): ServiceListItem => ({
  slug: 'email',
  name: 'Email (Exchange Online)',
  tier: 1,
  ownerTeam: { slug: 'infrastructure-cloud', name: 'Infrastructure & Cloud' },
  tags: ['m365'],
  archivedAt: null,
  status: 'up',
  uptime: { h24: window(1), d7: window(0.99991), d30: window(0.99962) },
  slo: { target: 0.9995, windowDays: 30 },
  errorBudget: budget({ remainingShare: 0.24, remainingMinutes: 5.2, consumedMinutes: 16.4 }),
  burnRate: { window: 0.76, h1: 0 },
  p95LatencyMs: 212.4,
  daily: stripDays().map((_, i) => (i === 80 ? 0.9981 : 1)),
})

/** Down now, budget overspent, burning fast. */
export const payrollItem = (): ServiceListItem => ({
  slug: 'payroll',
  name: 'Payroll',
  tier: 1,
  ownerTeam: { slug: 'applications', name: 'Applications' },
  tags: [],
  archivedAt: null,
  status: 'down',
  uptime: { h24: window(0.9712), d7: window(0.9958), d30: window(0.9986) },
  slo: { target: 0.999, windowDays: 30 },
  errorBudget: budget({
    allowedMinutes: 43.2,
    consumedMinutes: 60.5,
    remainingMinutes: -17.3,
    remainingShare: -0.4,
    burnRate: 1.4,
    exhaustsAt: NOW,
  }),
  burnRate: { window: 1.4, h1: 28.8 },
  p95LatencyMs: 1840,
  daily: stripDays().map((_, i) => (i === 89 ? 0.9712 : i < 30 ? null : 0.9995)),
})

/** No recent data at all. */
export const printItem = (): ServiceListItem => ({
  slug: 'print-scan',
  name: 'Print & Scan',
  tier: 3,
  ownerTeam: null,
  tags: [],
  archivedAt: null,
  status: 'unknown',
  uptime: { h24: window(null), d7: window(null), d30: window(null) },
  slo: { target: 0.99, windowDays: 30 },
  errorBudget: budget({
    consumedMinutes: 0,
    remainingMinutes: 432,
    allowedMinutes: 432,
    remainingShare: 1,
    burnRate: null,
  }),
  burnRate: { window: null, h1: null },
  p95LatencyMs: null,
  daily: stripDays().map(() => null),
})

export const listFixture = (over: Partial<ServiceList> = {}): ServiceList => ({
  now: NOW,
  timezone: 'Europe/London',
  days: stripDays(),
  sort: 'status',
  order: 'asc',
  services: [payrollItem(), printItem(), emailItem()],
  ...over,
})

type BusinessList = BusinessServiceList
type GroupWindow = BusinessList['businessServices'][number]['uptime']['h24']
const groupWindow = (uptime: number | null): GroupWindow => ({
  from: '2026-11-26T14:00:00.000Z',
  to: NOW,
  uptime,
  coverage: uptime === null ? null : 1,
  minutes: { up: 1400, down: 40, maintenance: 0, noData: 0 },
})

/** Payroll for staff: all of two components up, down now because Payroll is. */
export const businessFixture = (): BusinessList => ({
  now: NOW,
  businessServices: [
    {
      slug: 'pay-staff',
      name: 'Pay staff',
      description: 'Run the monthly payroll and pay by BACS',
      rule: 'all',
      minUp: null,
      components: [
        { slug: 'payroll', name: 'Payroll', status: 'down' },
        { slug: 'finance-erp', name: 'Finance ERP', status: 'up' },
      ],
      status: 'down',
      uptime: { h24: groupWindow(0.9722), d7: groupWindow(0.9957), d30: groupWindow(0.9985) },
      sloTarget: 0.999,
      sloMet: false,
      archivedAt: null,
      createdAt: '2026-01-05T09:00:00.000Z',
    },
  ],
})
