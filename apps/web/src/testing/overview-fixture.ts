import type { InferResponseType } from 'hono/client'
import type { api } from '../lib/api.ts'

// Realistic API answers for the Overview and each area's tile, with the nulls the API sends when
// there is no data. Typed from the API's own response types, so a changed field fails here first.
export type OverviewBody = InferResponseType<typeof api.overview.$get, 200>
type Summary<Area extends 'services' | 'incidents' | 'projects' | 'capacity'> = InferResponseType<
  (typeof api)[Area]['summary']['$get'],
  200
>

export const servicesFixture = () =>
  ({
    from: '2026-10-28T14:00:00.000Z',
    to: '2026-11-27T14:00:00.000Z',
    total: 24,
    byStatus: { up: 19, degraded: 2, down: 1, maintenance: 1, unknown: 1 },
    byTier: [
      {
        tier: 2,
        services: 10,
        uptime: 0.99712,
        coverage: 0.981,
        sloTargetMin: 0.995,
        sloTargetMax: 0.999,
        health: 'partly',
        meetingSlo: 7,
        breachingSlo: 2,
        noData: 1,
      },
      {
        tier: 1,
        services: 6,
        uptime: 0.99953,
        coverage: 0.999,
        sloTargetMin: 0.999,
        sloTargetMax: 0.999,
        health: 'meeting',
        meetingSlo: 6,
        breachingSlo: 0,
        noData: 0,
      },
      {
        tier: 3,
        services: 8,
        uptime: null,
        coverage: null,
        sloTargetMin: 0.99,
        sloTargetMax: 0.99,
        health: 'no-data',
        meetingSlo: 0,
        breachingSlo: 0,
        noData: 8,
      },
    ],
  }) satisfies Summary<'services'>

export const incidentsFixture = () =>
  ({
    open: { SEV1: 1, SEV2: 2, SEV3: 4, SEV4: 0, total: 7 },
    startedInRange: 31,
    mtta: { mean: 12.4, median: 8, p90: 31, count: 29 },
    mttr: { mean: 72, median: 45, p90: 4560, count: 27 },
  }) satisfies Summary<'incidents'>

export const budgetsFixture = () =>
  ({
    asOf: '2026-11-27',
    currency: 'GBP',
    projects: 9,
    bac: 245_000_000,
    ac: 112_350_000,
    eac: 263_400_000,
    vac: -18_400_000,
    rag: { red: 2, amber: 3, green: 3, grey: 1 },
    // Red first, then amber, as the server orders them.
    atRisk: [
      {
        id: 4,
        code: 'PRJ-004',
        name: 'Data centre exit',
        status: 'red',
        reason: 'CPI 0.72 < 0.80',
      },
      {
        id: 7,
        code: 'PRJ-007',
        name: 'ERP upgrade',
        status: 'red',
        reason: 'EAC 121% of BAC > 115%',
      },
      {
        id: 2,
        code: 'PRJ-002',
        name: 'Service desk move',
        status: 'amber',
        reason: 'SPI 0.91 < 0.95',
      },
      {
        id: 9,
        code: 'PRJ-009',
        name: 'Network refresh',
        status: 'amber',
        reason: 'CPI 0.88 < 0.90',
      },
      {
        id: 11,
        code: 'PRJ-011',
        name: 'Laptop rollout',
        status: 'amber',
        reason: 'EAC 107% of BAC > 105%',
      },
    ],
    // Not the defaults: the tile must show the organisation's own.
    thresholds: {
      red: { cpi: 0.8, spi: 0.8, eacOverBac: 1.15 },
      amber: { cpi: 0.9, spi: 0.95, eacOverBac: 1.05 },
    },
  }) satisfies Summary<'projects'>

export const capacityFixture = () =>
  ({
    week: '2026-11-23',
    teams: [
      {
        teamId: 1,
        name: 'Platform',
        people: 6,
        contractedHours: 225,
        effectiveHours: 210,
        allocatedHours: 231,
        overAllocatedPeople: 2,
        utilization: 1.1,
      },
      {
        teamId: 2,
        name: 'Service Desk',
        people: 8,
        contractedHours: 300,
        effectiveHours: 280,
        allocatedHours: 238,
        overAllocatedPeople: 0,
        utilization: 0.85,
      },
      {
        teamId: 3,
        name: 'Data',
        people: 0,
        contractedHours: 0,
        effectiveHours: 0,
        allocatedHours: 0,
        overAllocatedPeople: 0,
        utilization: null,
      },
    ],
    total: {
      people: 14,
      contractedHours: 525,
      effectiveHours: 490,
      allocatedHours: 469,
      overAllocatedPeople: 2,
      utilization: 469 / 490,
    },
  }) satisfies Summary<'capacity'>

/** What needs attention, ranked as the server ranks it (critical first, then area, then since). */
export const attentionFixture = () =>
  [
    {
      area: 'services',
      severity: 'critical',
      title: 'Payments',
      reason: 'Page alert: burning the 30-day budget 16× (1 h), 18× (5 min)',
      href: '/services/payments',
      since: '2026-11-27T13:10:00.000Z',
    },
    {
      area: 'services',
      severity: 'critical',
      title: 'Checkout',
      reason: 'Down for 12 min',
      href: '/services/checkout',
      since: '2026-11-27T13:48:00.000Z',
    },
    {
      area: 'services',
      severity: 'warning',
      title: 'Search',
      reason:
        'Error budget projected to run out on 14 Dec at the 30-day burn rate (67% of it spent)',
      href: '/services/search',
      since: null,
    },
  ] satisfies OverviewBody['attention']

/** `GET /overview`: the four areas' fixtures together. */
export const overviewFixture = (): OverviewBody => ({
  services: servicesFixture(),
  incidents: incidentsFixture(),
  budgets: budgetsFixture(),
  capacity: capacityFixture(),
  attention: attentionFixture(),
})
