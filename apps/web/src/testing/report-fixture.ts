import type { Report, SharedReport, Snapshot } from '../features/reports/queries.ts'

// A small report as GET /reports/preview answers it: two areas, a figure with a target it met
// and one it missed, a money figure, a table with rows and an empty one.

const month = (n: number, label: string) => ({
  kind: 'month' as const,
  firstDay: `2026-${String(n).padStart(2, '0')}-01`,
  lastDay: `2026-${String(n).padStart(2, '0')}-28`,
  label,
})

export function reportFixture(overrides: Partial<Report> = {}): Report {
  return {
    title: 'IT report — November 2026',
    organisation: 'Northbridge Council IT',
    timezone: 'Europe/London',
    currency: 'GBP',
    period: {
      ...month(11, 'November 2026'),
      lastDay: '2026-11-30',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    },
    previous: month(10, 'October 2026'),
    trend: [
      month(6, 'June 2026'),
      month(7, 'July 2026'),
      month(8, 'August 2026'),
      month(9, 'September 2026'),
      month(10, 'October 2026'),
      month(11, 'November 2026'),
    ],
    dataCutoff: '2026-12-03T10:42:41.985Z',
    partial: false,
    sections: [
      {
        area: 'services',
        title: 'Service health',
        figures: [
          {
            key: 'availability.tier1',
            label: 'Tier 1 availability',
            value: 0.99961,
            unit: 'share',
            better: 'higher',
            target: 0.999,
            targetKind: 'min',
            definition: 'uptime',
            note: '11 of 13 services met their SLO',
            previous: 0.99994,
            delta: -0.033,
            relative: null,
            verdict: 'worse',
            onTarget: true,
            trend: [0.99968, 0.99976, 0.99971, 0.99985, 0.99994, 0.99961],
          },
          {
            key: 'budgetsExhausted',
            label: 'Error budgets exhausted',
            value: 2,
            unit: 'count',
            better: 'lower',
            target: 0,
            targetKind: 'max',
            definition: 'errorBudget',
            note: null,
            previous: 0,
            delta: 2,
            relative: null,
            verdict: 'worse',
            onTarget: false,
            trend: [2, 2, 3, 1, 0, 2],
          },
        ],
        tables: [
          {
            key: 'tiers',
            title: 'Availability by tier',
            columns: [
              { key: 'tier', label: 'Tier', unit: 'count' },
              { key: 'availability', label: 'Availability', unit: 'share' },
              { key: 'breached', label: 'Breached', unit: 'count' },
            ],
            rows: [{ tier: 1, availability: 0.99961, breached: 2 }],
            empty: 'No services',
          },
        ],
      },
      {
        area: 'projects',
        title: 'Project budgets',
        figures: [
          {
            key: 'eac',
            label: 'Forecast cost (EAC)',
            value: 763030126,
            unit: 'money',
            better: 'lower',
            target: null,
            targetKind: null,
            definition: 'evm',
            note: null,
            previous: 756044562,
            delta: 6985564,
            relative: 0.0092,
            verdict: 'worse',
            onTarget: null,
            trend: [null, null, 737862217, 754564671, 756044562, 763030126],
          },
        ],
        tables: [
          {
            key: 'ragChanges',
            title: 'RAG changes',
            columns: [{ key: 'code', label: 'Project', unit: 'text' }],
            rows: [],
            empty: 'No project changed colour',
          },
        ],
      },
    ],
    summary: {
      text: 'Tier 1 availability was 99.96% against a 99.9% target (down 0.03 points on October 2026).',
      highlights: ['Tier 1 availability met its target at 99.96%.'],
      risks: ['Two services used up their error budget.'],
    },
    definitions: [
      {
        id: 'uptime',
        name: 'Uptime',
        formula: '(up + degraded) / (up + degraded + down) check samples in the window',
        notes: 'Samples in a maintenance window count as neither.',
      },
    ],
    rules: [
      { name: 'Time zone', value: 'Europe/London: periods run from local midnight to midnight' },
    ],
    ...overrides,
  }
}

export function snapshotFixture(id = 41, report = reportFixture()): Snapshot {
  return {
    id,
    title: report.title,
    periodKind: report.period.kind,
    firstDay: report.period.firstDay,
    lastDay: report.period.lastDay,
    dataCutoff: report.dataCutoff,
    frozenAt: '2026-12-03T11:00:00.000Z',
    frozenBy: 'Mo Manager',
    scheduleId: null,
    report,
  }
}

export const sharedFixture = (snapshot = snapshotFixture()): SharedReport => ({
  expiresAt: '2027-01-02T11:00:00.000Z',
  snapshot,
})
