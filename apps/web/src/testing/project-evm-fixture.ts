import type {
  Baselines,
  ProjectCapacityRisk,
  ProjectEvm,
  ProjectRecord,
} from '../features/projects/queries.ts'

// GET /projects/:code/evm, /projects/:code and /baselines, typed from the API's own response types:
// a changed field fails here first. PRJ-0009 runs Jan–Jun 2026 on a £600k budget, re-baselined
// (v2 re-phases the even v1); as of 31 Mar 2026 it is 40% complete for £300k spent:
// PV 300,000, EV 240,000, AC 300,000 → CPI 0.80, SPI 0.80, EAC 750,000, red on cost.

const M = 100_000 // £1,000 in pence

const definitions = {
  bac: 'bac',
  pv: 'pv',
  ev: 'ev',
  ac: 'ac',
  cv: 'cv',
  sv: 'sv',
  cpi: 'cpi',
  spi: 'spi',
  eac: 'eac',
  eacAtypical: 'eacAtypical',
  eacCombined: 'eacCombined',
  etc: 'etc',
  vac: 'vac',
  tcpi: 'tcpi',
  percentComplete: 'percentComplete',
  spentShare: 'spentShare',
  burnRate: 'costBurnRate',
  runwayMonths: 'runwayMonths',
  forecastFinish: 'forecastFinish',
  rag: 'rag',
  ragHistory: 'ragHistory',
} as const

const split = (budget: number, actual: number) => ({ budget: budget * M, actual: actual * M })
const point = (
  month: string,
  pv: number,
  pvOriginal: number | null,
  ev: number | null,
  ac: number | null,
  eacForecast: number | null,
) => ({
  month,
  pv: pv * M,
  pvOriginal: pvOriginal === null ? null : pvOriginal * M,
  ev: ev === null ? null : ev * M,
  ac: ac === null ? null : ac * M,
  eacForecast: eacForecast === null ? null : eacForecast * M,
})

/** Data Centre Exit, re-baselined, red on cost and finishing late. */
export const projectEvmFixture = (): ProjectEvm => ({
  project: {
    code: 'PRJ-0009',
    name: 'Data Centre Exit',
    status: 'active',
    startDate: '2026-01-01',
    endDate: '2026-06-30',
  },
  asOf: '2026-03-31',
  currency: 'GBP',
  baseline: {
    version: 2,
    reason: 'Re-phased after the hosting contract slipped',
    createdAt: '2026-02-12T10:30:00.000Z',
  },
  original: { version: 1, reason: 'Original baseline', createdAt: '2025-12-01T09:00:00.000Z' },
  figures: {
    bac: 600 * M,
    pv: 300 * M,
    ev: 240 * M,
    ac: 300 * M,
    cv: -60 * M,
    sv: -60 * M,
    cpi: 0.8,
    spi: 0.8,
    eac: 750 * M,
    eacAtypical: 660 * M,
    eacCombined: 862.5 * M,
    etc: 450 * M,
    vac: -150 * M,
    tcpi: 1.2,
    percentComplete: 40,
    progressAsOf: '2026-03-27',
    spentShare: 0.5,
    burnRate: { perMonth: 100 * M, from: '2026-01-01', months: 3 },
    runwayMonths: 3,
    forecastFinish: '2026-08-15',
    definitions,
  },
  rag: {
    status: 'red',
    reason: 'CPI 0.80 < 0.85',
    thresholds: {
      red: { cpi: 0.85, spi: 0.85, eacOverBac: 1.1 },
      amber: { cpi: 0.95, spi: 0.95, eacOverBac: 1 },
    },
  },
  ragHistory: [
    { day: '2026-01-01', status: 'green', reason: 'CPI 1.00, SPI 1.00 within thresholds' },
    { day: '2026-02-10', status: 'amber', reason: 'CPI 0.90 < 0.95' },
    { day: '2026-03-12', status: 'red', reason: 'CPI 0.80 < 0.85' },
  ],
  sCurve: [
    point('2026-01', 50, 100, 60, 80, null),
    point('2026-02', 150, 200, 120, 180, null),
    point('2026-03', 300, 300, 240, 300, 300),
    point('2026-04', 450, 400, null, null, 450),
    point('2026-05', 550, 500, null, null, 600),
    point('2026-06', 600, 600, null, null, 750),
  ],
  monthly: [
    { month: '2026-01', planned: 50 * M, actual: 80 * M },
    { month: '2026-02', planned: 100 * M, actual: 100 * M },
    { month: '2026-03', planned: 150 * M, actual: 120 * M },
    { month: '2026-04', planned: 150 * M, actual: 0 },
    { month: '2026-05', planned: 100 * M, actual: 0 },
    { month: '2026-06', planned: 50 * M, actual: 0 },
  ],
  categories: [
    {
      category: 'labour',
      budget: 300 * M,
      actual: 180 * M,
      capex: split(0, 0),
      opex: split(300, 180),
    },
    { category: 'licences', budget: 0, actual: 0, capex: split(0, 0), opex: split(0, 0) },
    {
      category: 'hardware',
      budget: 200 * M,
      actual: 120 * M,
      capex: split(200, 120),
      opex: split(0, 0),
    },
    { category: 'cloud', budget: 0, actual: 0, capex: split(0, 0), opex: split(0, 0) },
    { category: 'services', budget: 0, actual: 0, capex: split(0, 0), opex: split(0, 0) },
    {
      category: 'contingency',
      budget: 100 * M,
      actual: 0,
      capex: split(0, 0),
      opex: split(100, 0),
    },
  ],
  spendTypes: { capex: split(200, 120), opex: split(400, 180) },
})

/** The same project before anything is recorded: linear PV, no cost, no progress, not rated. */
export const unstartedEvmFixture = (): ProjectEvm => {
  const evm = projectEvmFixture()
  return {
    ...evm,
    baseline: null,
    original: null,
    figures: {
      ...evm.figures,
      ev: 0,
      ac: 0,
      cv: 0,
      sv: -300 * M,
      cpi: null,
      spi: 0,
      eac: null,
      eacAtypical: 600 * M,
      eacCombined: null,
      etc: null,
      vac: null,
      tcpi: 1,
      percentComplete: null,
      progressAsOf: null,
      spentShare: 0,
      burnRate: { perMonth: 0, from: '2026-01-01', months: 3 },
      runwayMonths: null,
      forecastFinish: null,
    },
    rag: { ...evm.rag, status: 'red', reason: 'SPI 0.00 < 0.85' },
    ragHistory: [{ day: '2026-01-01', status: 'grey', reason: 'not enough data' }],
    sCurve: evm.sCurve.map((p) => ({
      ...p,
      pvOriginal: null,
      ev: null,
      ac: null,
      eacForecast: null,
    })),
    monthly: evm.monthly.map((m) => ({ ...m, actual: 0 })),
    categories: evm.categories.map((c) => ({ ...c, actual: 0 })),
  }
}

export const projectRecordFixture = (): ProjectRecord => ({
  code: 'PRJ-0009',
  name: 'Data Centre Exit',
  status: 'active',
  startDate: '2026-01-01',
  endDate: '2026-06-30',
  owner: { id: 7, name: 'Priya Shah' },
  sponsor: 'Director of Finance',
  bac: 600 * M,
  description: 'Move the remaining racks out of the Civic Centre data centre.',
  createdAt: '2025-11-20T09:00:00.000Z',
  updatedAt: '2026-02-12T10:30:00.000Z',
  lines: [
    { id: 1, name: 'Migration team', category: 'labour', spendType: 'opex', amountPence: 300 * M },
    {
      id: 2,
      name: 'Landing zone kit',
      category: 'hardware',
      spendType: 'capex',
      amountPence: 200 * M,
    },
    {
      id: 3,
      name: 'Contingency',
      category: 'contingency',
      spendType: 'opex',
      amountPence: 100 * M,
    },
  ],
  budget: {
    byCategory: {
      labour: 300 * M,
      licences: 0,
      hardware: 200 * M,
      cloud: 0,
      services: 0,
      contingency: 100 * M,
    },
    bySpendType: { capex: 200 * M, opex: 400 * M },
  },
})

export const baselinesFixture = (): Baselines => ({
  code: 'PRJ-0009',
  current: 2,
  bac: 600 * M,
  versions: [
    {
      version: 2,
      reason: 'Re-phased after the hosting contract slipped',
      createdAt: '2026-02-12T10:30:00.000Z',
      createdBy: { id: 3, name: 'Morgan Manager' },
      months: [50, 100, 150, 150, 100, 50].map((a, i) => ({
        month: `2026-0${i + 1}`,
        amountPence: a * M,
      })),
      total: 600 * M,
    },
    {
      version: 1,
      reason: 'Original baseline',
      createdAt: '2025-12-01T09:00:00.000Z',
      createdBy: null,
      months: [1, 2, 3, 4, 5, 6].map((m) => ({ month: `2026-0${m}`, amountPence: 100 * M })),
      total: 600 * M,
    },
  ],
})

/** GET /projects/:code/capacity-risk: two of its five people over-booked before Christmas. */
export const capacityRiskFixture = (): ProjectCapacityRisk => ({
  from: '2026-12-07',
  to: '2027-01-03',
  live: true,
  risk: {
    people: { confirmed: 5, tentative: 1 },
    overbooked: { count: 2, weeks: ['2026-12-14', '2026-12-21'] },
    onLeave: { count: 0, weeks: [] },
    text: '2 of 5 people booked over 110% in weeks 51–52',
  },
  definitions: { risk: 'projectCapacityRisk' },
})
