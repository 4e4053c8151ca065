import type { Portfolio, PortfolioProject, Suppliers } from '../features/projects/queries.ts'

// GET /portfolio, typed from the API's own response type: a changed field fails here first.
// Demo-like projects (pence) as of Friday 27 Nov 2026: one red on cost, one red on schedule,
// one amber, one green, and one not yet costed (CPI n/a, not rated). Network Refresh's people are
// over-booked and on leave in the weeks ahead (its capacity risk); the others' are not.

const project = (over: Partial<PortfolioProject> & Pick<PortfolioProject, 'code' | 'name'>) =>
  ({
    status: 'active',
    owner: null,
    startDate: '2026-01-01',
    endDate: '2027-06-30',
    started: true,
    bac: 0,
    pv: 0,
    ev: 0,
    ac: 0,
    cv: 0,
    sv: 0,
    cpi: null,
    spi: null,
    eac: null,
    eacAtypical: 0,
    eacCombined: null,
    etc: null,
    vac: null,
    tcpi: null,
    spentShare: null,
    percentComplete: null,
    rag: { status: 'grey', reason: 'not enough data' },
    forecastFinish: null,
    finishLate: null,
    budget: { capex: 0, opex: 0 },
    actual: { capex: 0, opex: 0 },
    capacityRisk: null,
    ...over,
  }) satisfies PortfolioProject

/** Network Refresh: red on cost (CPI 0.80), forecast £2.31m against £1.85m, finishing late. */
export const networkRefresh = () =>
  project({
    code: 'PRJ-0015',
    name: 'Network Refresh – Civic Centre & Depots',
    owner: { id: 21, name: 'Andrew Campbell' },
    startDate: '2026-02-01',
    endDate: '2027-07-31',
    bac: 185_000_000,
    pv: 79_600_000,
    ev: 74_000_000,
    ac: 92_500_000,
    cv: -18_500_000,
    sv: -5_600_000,
    cpi: 0.8,
    spi: 0.93,
    eac: 231_250_000,
    eacAtypical: 203_500_000,
    eacCombined: 247_000_000,
    etc: 138_750_000,
    vac: -46_250_000,
    tcpi: 1.19,
    spentShare: 0.5,
    percentComplete: 40,
    rag: { status: 'red', reason: 'CPI 0.80 < 0.85' },
    forecastFinish: '2027-09-10',
    finishLate: true,
    budget: { capex: 166_500_000, opex: 18_500_000 },
    actual: { capex: 83_250_000, opex: 9_250_000 },
    capacityRisk: {
      people: { confirmed: 5, tentative: 1 },
      overbooked: { count: 3, weeks: ['2026-12-14', '2026-12-21'] },
      onLeave: { count: 2, weeks: ['2026-12-21'] },
      text: '3 of 5 people booked over 110% in weeks 51–52; 2 of 5 on leave half the week or more in week 52',
    },
  })

/** Finance ERP: red on schedule (SPI 0.78), on hold. */
export const financeErp = () =>
  project({
    code: 'PRJ-0021',
    name: 'Finance ERP Upgrade (Dynamics 365)',
    status: 'on_hold',
    owner: { id: 22, name: 'Peter Nowak' },
    bac: 120_000_000,
    pv: 69_200_000,
    ev: 54_000_000,
    ac: 61_400_000,
    cv: -7_400_000,
    sv: -15_200_000,
    cpi: 0.88,
    spi: 0.78,
    eac: 136_400_000,
    eacAtypical: 127_400_000,
    eacCombined: 162_000_000,
    etc: 75_000_000,
    vac: -16_400_000,
    tcpi: 1.12,
    spentShare: 0.5117,
    percentComplete: 45,
    rag: { status: 'red', reason: 'SPI 0.78 < 0.85' },
    forecastFinish: '2027-11-20',
    finishLate: true,
    budget: { capex: 66_000_000, opex: 54_000_000 },
    actual: { capex: 33_800_000, opex: 27_600_000 },
  })

/** Wi-Fi 6: amber on schedule (SPI 0.89), on budget. */
export const wifiLibraries = () =>
  project({
    code: 'PRJ-0031',
    name: 'Wi-Fi 6 Upgrade – Libraries',
    owner: { id: 23, name: 'Nadia Rahman' },
    startDate: '2026-09-01',
    endDate: '2027-02-28',
    bac: 4_800_000,
    pv: 2_300_000,
    ev: 2_050_000,
    ac: 2_070_000,
    cv: -20_000,
    sv: -250_000,
    cpi: 0.99,
    spi: 0.89,
    eac: 4_848_000,
    eacAtypical: 4_820_000,
    eacCombined: 5_440_000,
    etc: 2_778_000,
    vac: -48_000,
    tcpi: 1.01,
    spentShare: 0.43125,
    percentComplete: 42.7,
    rag: { status: 'amber', reason: 'SPI 0.89 < 0.95' },
    forecastFinish: '2027-03-20',
    finishLate: true,
    budget: { capex: 4_320_000, opex: 480_000 },
    actual: { capex: 1_860_000, opex: 210_000 },
  })

/** Citizen Portal: green, slightly ahead. */
export const citizenPortal = () =>
  project({
    code: 'PRJ-0018',
    name: 'Citizen Portal Replatform',
    owner: { id: 24, name: 'Rachel Ashworth' },
    bac: 78_000_000,
    pv: 43_000_000,
    ev: 43_430_000,
    ac: 42_160_000,
    cv: 1_270_000,
    sv: 430_000,
    cpi: 1.03,
    spi: 1.01,
    eac: 75_730_000,
    eacAtypical: 76_730_000,
    eacCombined: 74_980_000,
    etc: 33_570_000,
    vac: 2_270_000,
    tcpi: 0.96,
    spentShare: 0.5405,
    percentComplete: 55.7,
    rag: { status: 'green', reason: 'CPI 1.03, SPI 1.01 within thresholds' },
    forecastFinish: '2027-06-20',
    finishLate: false,
    budget: { capex: 42_900_000, opex: 35_100_000 },
    actual: { capex: 23_190_000, opex: 18_970_000 },
  })

/** Print Fleet: nothing spent or recorded yet, so CPI, SPI and EAC are n/a. */
export const printFleet = () =>
  project({
    code: 'PRJ-0033',
    name: 'Print Fleet Renewal',
    owner: null,
    startDate: '2026-11-01',
    endDate: '2027-04-30',
    bac: 21_000_000,
    pv: 2_000_000,
    eacAtypical: 21_000_000,
    spentShare: 0,
    budget: { capex: 21_000_000, opex: 0 },
  })

const ALL = () => [networkRefresh(), citizenPortal(), financeErp(), wifiLibraries(), printFleet()]

/** The portfolio of `projects` (default the five above); totals as the API rolls them up. */
export function portfolioFixture(over: Partial<Portfolio> = {}): Portfolio {
  return {
    asOf: '2026-11-27',
    currency: 'GBP',
    statuses: ['active', 'on_hold'],
    projects: ALL(),
    // Money summed; CPI = ΣEV / ΣAC = 173,480,000 / 198,130,000; SPI = ΣEV / ΣPV = 173,480,000 /
    // 196,100,000; EAC = ΣEAC with Print Fleet's BAC for its n/a one.
    totals: {
      projects: 5,
      bac: 408_800_000,
      pv: 196_100_000,
      ev: 173_480_000,
      ac: 198_130_000,
      cv: -24_650_000,
      sv: -22_620_000,
      cpi: 0.8756,
      spi: 0.8846,
      eac: 469_228_000,
      eacAtypical: 433_450_000,
      eacCombined: 514_790_000,
      etc: 271_098_000,
      vac: -60_428_000,
      tcpi: 1.1,
      spentShare: 0.4847,
    },
    capexOpex: {
      capex: { budget: 300_720_000, actual: 142_100_000 },
      opex: { budget: 108_080_000, actual: 56_030_000 },
    },
    definitions: {
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
      rag: 'rag',
      forecastFinish: 'forecastFinish',
      totals: 'portfolioEvm',
      totalsEac: 'forecastCost',
      capacityRisk: 'projectCapacityRisk',
    },
    thresholds: {
      red: { cpi: 0.85, spi: 0.85, eacOverBac: 1.1 },
      amber: { cpi: 0.95, spi: 0.95, eacOverBac: 1 },
    },
    ...over,
  }
}

const month = (total: number) => [{ month: '2026-11', total }]

/** GET /suppliers: two suppliers and "Other" over November 2026. */
export const suppliersFixture = (over: Partial<Suppliers> = {}): Suppliers => ({
  from: '2026-10-29',
  to: '2026-11-27',
  currency: 'GBP',
  total: 10_000_000,
  months: ['2026-10', '2026-11'],
  suppliers: [
    {
      supplier: 'Computacenter',
      total: 6_000_000,
      share: 0.6,
      projects: [
        { code: 'PRJ-0015', name: 'Network Refresh – Civic Centre & Depots', total: 6_000_000 },
      ],
      projectCount: 1,
      months: month(6_000_000),
    },
    {
      supplier: 'Softcat',
      total: 3_000_000,
      share: 0.3,
      projects: [{ code: 'PRJ-0018', name: 'Citizen Portal Replatform', total: 3_000_000 }],
      projectCount: 1,
      months: month(3_000_000),
    },
  ],
  top: [
    { supplier: 'Computacenter', total: 6_000_000, share: 0.6, other: false, suppliers: 1 },
    { supplier: 'Softcat', total: 3_000_000, share: 0.3, other: false, suppliers: 1 },
    { supplier: 'Other', total: 1_000_000, share: 0.1, other: true, suppliers: 4 },
  ],
  ...over,
})
