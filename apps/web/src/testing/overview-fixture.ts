import type { InferResponseType } from 'hono/client'
import type { api } from '../lib/api.ts'

// Realistic API answers for the Overview and each area's tile, with the nulls the API sends when
// there is no data. Typed from the API's own response types, so a changed field fails here first.
export type OverviewBody = InferResponseType<typeof api.overview.$get, 200>

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
        meetingSlo: 0,
        breachingSlo: 0,
        noData: 8,
      },
    ],
  }) satisfies OverviewBody['services']

export const incidentsFixture = () =>
  ({
    open: { SEV1: 1, SEV2: 2, SEV3: 4, SEV4: 0, total: 7 },
    startedInRange: 31,
    mtta: { mean: 12.4, count: 29 },
    mttr: { mean: 72, median: 45, p90: 4560, count: 27 },
  }) satisfies OverviewBody['incidents']

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
  }) satisfies OverviewBody['budgets']

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
  }) satisfies OverviewBody['capacity']

/** `GET /overview`: the four areas' fixtures together. */
export const overviewFixture = (): OverviewBody => ({
  services: servicesFixture(),
  incidents: incidentsFixture(),
  budgets: budgetsFixture(),
  capacity: capacityFixture(),
})
