import type {
  Baselines,
  CostEntry,
  CostEntryList,
  ProgressEntry,
  ProgressList,
  ProjectRecord,
} from '../features/projects/queries.ts'

// The project page's write-side answers (its record with budget lines, its cost entries), typed
// from the API's own response types through the feature's queries.ts: a changed field fails here.

/** PRJ-0012, Network refresh: £120,000 over two lines, 2026-01-01 to 2026-12-31. */
export const projectRecord = (over: Partial<ProjectRecord> = {}): ProjectRecord => ({
  code: 'PRJ-0012',
  name: 'Network refresh',
  status: 'active',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  owner: { id: 7, name: 'Grace Hopper' },
  sponsor: 'Finance director',
  bac: 12_000_000,
  description: 'Replace the core switches.',
  createdAt: '2025-12-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  lines: [
    { id: 31, name: 'Switches', category: 'hardware', spendType: 'capex', amountPence: 9_000_000 },
    { id: 32, name: 'Installer', category: 'services', spendType: 'opex', amountPence: 3_000_000 },
  ],
  budget: {
    byCategory: {
      labour: 0,
      licences: 0,
      hardware: 9_000_000,
      cloud: 0,
      services: 3_000_000,
      contingency: 0,
    },
    bySpendType: { capex: 9_000_000, opex: 3_000_000 },
  },
  ...over,
})

export const costEntry = (over: Partial<CostEntry> = {}): CostEntry => ({
  id: 501,
  incurredOn: '2026-03-14',
  amountPence: 123_456,
  category: 'hardware',
  spendType: 'capex',
  supplier: 'Cisco',
  reference: 'INV-1001',
  description: 'Core switch, first batch',
  budgetLine: { id: 31, name: 'Switches' },
  createdAt: '2026-03-15T10:00:00.000Z',
  createdBy: { id: 2, name: 'Mo Manager' },
  ...over,
})

/** A refund of £12.50 from the installer: a credit, negative. */
export const creditEntry = (): CostEntry =>
  costEntry({
    id: 502,
    incurredOn: '2026-03-10',
    amountPence: -1_250,
    category: 'services',
    spendType: 'opex',
    supplier: 'NetInstall Ltd',
    reference: 'CN-77',
    description: 'Refund for a cancelled visit',
    budgetLine: { id: 32, name: 'Installer' },
  })

export const costEntryList = (
  entries: CostEntry[] = [costEntry(), creditEntry()],
  nextCursor: string | null = null,
  total = {
    count: entries.length,
    amountPence: entries.reduce((sum, e) => sum + e.amountPence, 0),
  },
): CostEntryList => ({ code: 'PRJ-0012', entries, total, nextCursor })

export const progressList = (
  entries: ProgressEntry[] = [
    {
      asOf: '2026-03-31',
      percentComplete: 40,
      note: 'Core switches in',
      recordedAt: '2026-04-01T08:00:00.000Z',
      recordedBy: { id: 2, name: 'Mo Manager' },
    },
    {
      asOf: '2026-02-28',
      percentComplete: 22.5,
      note: '',
      recordedAt: '2026-03-01T08:00:00.000Z',
      recordedBy: null,
    },
  ],
): ProgressList => ({ code: 'PRJ-0012', entries })

/** Version 1 of a short project's plan (Jan–Mar 2026, £1,000 BAC): £300, £300, £400. */
export const baselines = (withVersion = true): Baselines => ({
  code: 'PRJ-0012',
  current: withVersion ? 1 : null,
  bac: 100_000,
  versions: withVersion
    ? [
        {
          version: 1,
          reason: 'Original baseline',
          createdAt: '2025-12-01T09:00:00.000Z',
          createdBy: { id: 2, name: 'Mo Manager' },
          months: [
            { month: '2026-01', amountPence: 30_000 },
            { month: '2026-02', amountPence: 30_000 },
            { month: '2026-03', amountPence: 40_000 },
          ],
          total: 100_000,
        },
      ]
    : [],
})
