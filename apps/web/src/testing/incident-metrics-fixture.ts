import type { IncidentMetrics } from '../features/incidents/queries.ts'

// GET /incidents/metrics, typed from the API's response: a changed field fails here first.
// Range 1 Sep – 30 Nov 2026 (Europe/London), now Friday 27 Nov 2026 14:00 UTC. September had no
// incident; October two, both resolved within target:
//   INC-2026-0038 SEV2 Payroll slow logins, 30 Oct: ack 6 min, resolved in 2 h, 35.5 min down;
//   INC-2026-0039 SEV3 Print queue stuck, no service: ack 14 min, resolved in 3 h;
// November three:
//   INC-2026-0040 SEV2 VPN drops: ack 40 min (target 15: breached), resolved in 4 h;
//   INC-2026-0041 SEV3 Email delays: ack 20 min, resolved in 6h 40m, 30 min down;
//   INC-2026-0042 SEV1 Payroll unreachable: ack 4 min, still open (pending), 60 min down; a repeat
//   of INC-2026-0038, 28 days before on Payroll.
// MTTA over 4, 6, 14, 20, 40: mean 16.8, median 14, p90 20 + 0.6 × 20 = 32.

const NONE = { mean: null, median: null, p90: null, count: 0 }
const one = (minutes: number) => ({ mean: minutes, median: minutes, p90: minutes, count: 1 })
const quiet = { incidents: 0, mtta: NONE, mttr: NONE }

export const metricsFixture = (over: Partial<IncidentMetrics> = {}): IncidentMetrics => ({
  now: '2026-11-27T14:00:00.000Z',
  timezone: 'Europe/London',
  range: { from: '2026-08-31T23:00:00.000Z', to: '2026-12-01T00:00:00.000Z' },
  filters: { severity: null, service: null, team: null },
  incidents: 5,
  bySeverity: { SEV1: 1, SEV2: 2, SEV3: 2, SEV4: 0 },
  byService: [
    {
      slug: 'payroll',
      name: 'Payroll',
      team: { slug: 'applications', name: 'Applications' },
      incidents: 2,
      downtimeMinutes: 95.5,
      budgetShare: 95.5 / 43.2,
      mtbfMinutes: 41_608,
    },
    {
      slug: 'email',
      name: 'Email (Exchange Online)',
      team: { slug: 'infrastructure-cloud', name: 'Infrastructure & Cloud' },
      incidents: 1,
      downtimeMinutes: 30,
      budgetShare: null,
      mtbfMinutes: 124_800,
    },
    {
      slug: 'vpn',
      name: 'VPN',
      team: null,
      incidents: 1,
      downtimeMinutes: 0,
      budgetShare: 0,
      mtbfMinutes: 124_920,
    },
  ],
  byTeam: [
    { slug: 'applications', name: 'Applications', incidents: 2 },
    { slug: 'infrastructure-cloud', name: 'Infrastructure & Cloud', incidents: 1 },
  ],
  byMonth: [
    {
      month: '2026-09',
      incidents: 0,
      mtta: NONE,
      mttr: NONE,
      slaBreachRate: null,
      bySeverity: { SEV1: quiet, SEV2: quiet, SEV3: quiet, SEV4: quiet },
    },
    {
      month: '2026-10',
      incidents: 2,
      mtta: { mean: 10, median: 10, p90: 13.2, count: 2 },
      mttr: { mean: 150, median: 150, p90: 174, count: 2 },
      slaBreachRate: 0,
      bySeverity: {
        SEV1: quiet,
        SEV2: { incidents: 1, mtta: one(6), mttr: one(120) },
        SEV3: { incidents: 1, mtta: one(14), mttr: one(180) },
        SEV4: quiet,
      },
    },
    {
      month: '2026-11',
      incidents: 3,
      mtta: { mean: 64 / 3, median: 20, p90: 36, count: 3 },
      mttr: { mean: 320, median: 320, p90: 384, count: 2 },
      slaBreachRate: 0.5,
      bySeverity: {
        SEV1: { incidents: 1, mtta: one(4), mttr: NONE },
        SEV2: { incidents: 1, mtta: one(40), mttr: one(240) },
        SEV3: { incidents: 1, mtta: one(20), mttr: one(400) },
        SEV4: quiet,
      },
    },
  ],
  mtta: { mean: 16.8, median: 14, p90: 32, count: 5 },
  mttr: { mean: 235, median: 210, p90: 352, count: 4 },
  mttd: { mean: 4.5, median: 4, p90: 7.1, count: 4 },
  sla: { breachRate: 0.25, breached: 1, met: 3, pending: 1 },
  followUps: { open: 3, overdue: 1 },
  repeats: {
    windowDays: 30,
    count: 1,
    share: 0.2,
    incidents: [
      {
        ref: 'INC-2026-0042',
        title: 'Payroll unreachable',
        severity: 'SEV1',
        startedAt: '2026-11-27T13:00:00.000Z',
        services: ['payroll', 'finance-erp'],
      },
    ],
  },
  downtime: {
    minutes: 125.5,
    incidents: [
      {
        ref: 'INC-2026-0042',
        title: 'Payroll unreachable',
        severity: 'SEV1',
        startedAt: '2026-11-27T13:00:00.000Z',
        resolvedAt: null,
        downtimeMinutes: 60,
        exact: true,
        services: [
          { slug: 'payroll', name: 'Payroll', downtimeMinutes: 60, budgetShare: 60 / 43.2 },
          { slug: 'finance-erp', name: 'Finance ERP', downtimeMinutes: 0, budgetShare: 0 },
        ],
      },
      {
        ref: 'INC-2026-0038',
        title: 'Payroll slow logins',
        severity: 'SEV2',
        startedAt: '2026-10-30T09:00:00.000Z',
        resolvedAt: '2026-10-30T11:00:00.000Z',
        downtimeMinutes: 35.5,
        exact: false,
        services: [
          { slug: 'payroll', name: 'Payroll', downtimeMinutes: 35.5, budgetShare: 35.5 / 43.2 },
        ],
      },
      {
        ref: 'INC-2026-0041',
        title: 'Email delays',
        severity: 'SEV3',
        startedAt: '2026-11-27T11:00:00.000Z',
        resolvedAt: '2026-11-27T17:40:00.000Z',
        downtimeMinutes: 30,
        exact: true,
        services: [
          {
            slug: 'email',
            name: 'Email (Exchange Online)',
            downtimeMinutes: 30,
            budgetShare: null,
          },
        ],
      },
      {
        ref: 'INC-2026-0040',
        title: 'VPN drops',
        severity: 'SEV2',
        startedAt: '2026-11-20T09:00:00.000Z',
        resolvedAt: '2026-11-20T13:00:00.000Z',
        downtimeMinutes: 0,
        exact: true,
        services: [{ slug: 'vpn', name: 'VPN', downtimeMinutes: 0, budgetShare: 0 }],
      },
    ],
  },
  ...over,
})

/** A range in which nothing started: every month empty, every figure n/a. */
export const emptyMetricsFixture = (): IncidentMetrics =>
  metricsFixture({
    incidents: 0,
    bySeverity: { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 },
    byService: [],
    byTeam: [],
    byMonth: [
      {
        month: '2026-11',
        incidents: 0,
        mtta: NONE,
        mttr: NONE,
        slaBreachRate: null,
        bySeverity: { SEV1: quiet, SEV2: quiet, SEV3: quiet, SEV4: quiet },
      },
    ],
    mtta: NONE,
    mttr: NONE,
    mttd: NONE,
    sla: { breachRate: null, breached: 0, met: 0, pending: 0 },
    followUps: { open: 0, overdue: 0 },
    repeats: { windowDays: 30, count: 0, share: null, incidents: [] },
    downtime: { minutes: 0, incidents: [] },
  })
