import { type KpiDefinition, NA } from './kind.ts'

// Projects: earned value, forecasts, burn and RAG.
export const PROJECT_DEFINITIONS = {
  bac: {
    id: 'bac',
    name: 'Budget at completion (BAC)',
    formula: "sum of the project's budget lines",
    notes: 'Capex and opex, every category, contingency included.',
  },
  percentComplete: {
    id: 'percentComplete',
    name: '% complete',
    formula: 'the latest progress recorded on or before the reporting date',
    notes: 'n/a (and EV 0) while no progress has been recorded.',
  },
  spentShare: {
    id: 'spentShare',
    name: '% of budget spent',
    formula: 'AC / BAC',
    notes: `Above 100% once the actuals exceed the budget. ${NA}`,
  },
  pv: {
    id: 'pv',
    name: 'Planned value (PV)',
    formula:
      'baseline plan to date: whole months before this one + this month × days so far / days in month',
    notes:
      'Without a baseline plan: BAC × days elapsed / project days, counting both the first and last day, clamped to [0, BAC].',
  },
  ev: {
    id: 'ev',
    name: 'Earned value (EV)',
    formula: 'BAC × % complete',
    notes: 'Money is rounded to whole pence.',
  },
  ac: { id: 'ac', name: 'Actual cost (AC)', formula: 'sum of cost entries to date', notes: '' },
  periodSpend: {
    id: 'periodSpend',
    name: 'Spend in the period',
    formula:
      'sum of the cost entries dated from the period’s first day to its last day that has happened (the organisation’s days)',
    notes:
      'Credits count negative. The part of AC dated in the period; by supplier as entered, trimmed, every project whatever its status.',
  },
  cv: {
    id: 'cv',
    name: 'Cost variance (CV)',
    formula: 'EV − AC',
    notes: 'Negative means over budget.',
  },
  sv: {
    id: 'sv',
    name: 'Schedule variance (SV)',
    formula: 'EV − PV',
    notes: 'Negative means behind plan.',
  },
  cpi: {
    id: 'cpi',
    name: 'Cost performance index (CPI)',
    formula: 'EV / AC',
    notes: `Below 1: each pound spent earns less than a pound of planned work. ${NA}`,
  },
  spi: {
    id: 'spi',
    name: 'Schedule performance index (SPI)',
    formula: 'EV / PV',
    notes: `Below 1: behind plan. ${NA}`,
  },
  eac: {
    id: 'eac',
    name: 'Estimate at completion (EAC)',
    formula:
      'BAC / CPI (typical); also AC + (BAC − EV) (atypical) and AC + (BAC − EV) / (CPI × SPI) (combined)',
    notes: `The typical EAC assumes the cost performance so far continues. ${NA}`,
  },
  eacAtypical: {
    id: 'eacAtypical',
    name: 'EAC (atypical)',
    formula: 'AC + (BAC − EV)',
    notes:
      'Assumes the overrun so far was a one-off and the remaining work costs what was planned.',
  },
  eacCombined: {
    id: 'eacCombined',
    name: 'EAC (combined)',
    formula: 'AC + (BAC − EV) / (CPI × SPI)',
    notes: `Assumes both the cost and the schedule performance so far continue. ${NA}`,
  },
  forecastCost: {
    id: 'forecastCost',
    name: 'Forecast cost',
    formula: 'EAC (typical) per project; BAC while EAC is n/a; the portfolio sums them',
    notes:
      'A project with no cost yet (or no progress to set its cost against) is expected to cost its budget. Portfolio VAC = portfolio BAC − portfolio forecast.',
  },
  etc: {
    id: 'etc',
    name: 'Estimate to complete (ETC)',
    formula: 'EAC − AC',
    notes: 'From the typical EAC.',
  },
  vac: {
    id: 'vac',
    name: 'Variance at completion (VAC)',
    formula: 'BAC − EAC',
    notes: 'From the typical EAC. Negative means a forecast overrun.',
  },
  tcpi: {
    id: 'tcpi',
    name: 'To-complete performance index (TCPI)',
    formula: '(BAC − EV) / (BAC − AC)',
    notes: `The CPI the remaining work needs to finish on budget; negative once AC exceeds BAC (the budget can no longer be met). ${NA}`,
  },
  costBurnRate: {
    id: 'costBurnRate',
    name: 'Burn rate (spend per month)',
    formula:
      'AC dated in the last 3 months / 3: from the day after the same date 3 calendar months before the reporting date (the month’s last day when that date does not exist) to the reporting date',
    notes:
      'In whole pence per month. A project started within the window is measured from its start over its days / 30.4375 (365.25 / 12). n/a before the project starts.',
  },
  runwayMonths: {
    id: 'runwayMonths',
    name: 'Runway (months left at this burn)',
    formula: '(BAC − AC) / burn rate',
    notes:
      '0 once AC reaches BAC. n/a when nothing is being spent (a burn rate of 0 or less, or none).',
  },
  forecastFinish: {
    id: 'forecastFinish',
    name: 'Forecast finish (by SPI)',
    formula:
      'start + ⌈planned days / SPI⌉ − 1 days, where planned days counts both the start and end dates',
    notes: 'Assumes the schedule performance so far continues. n/a without an SPI above 0.',
  },
  portfolioEvm: {
    id: 'portfolioEvm',
    name: 'Portfolio roll-up',
    formula:
      'BAC, PV, EV and AC summed over the projects; CV, SV, CPI, SPI, TCPI and the atypical and combined EAC recomputed from those sums, never averaged; EAC = the sum of the projects’ forecast costs (typical EAC, or BAC while it is n/a); ETC = EAC − AC; VAC = BAC − EAC',
    notes: `So a large project weighs more than a small one. A portfolio with no projects shows 0 money and n/a indices. ${NA}`,
  },
  rag: {
    id: 'rag',
    name: 'RAG status',
    formula:
      'red when CPI < 0.85, SPI < 0.85 or EAC > 110% of BAC; amber when CPI < 0.95, SPI < 0.95 or EAC > 100% of BAC; otherwise green',
    notes:
      'Defaults; an admin can change the thresholds. The first rule that set the colour is shown. Grey when neither CPI nor SPI can be computed.',
  },
  ragHistory: {
    id: 'ragHistory',
    name: 'RAG history',
    formula:
      'the RAG status worked out for each day from that day’s PV, AC (costs dated on or before it) and EV (the latest progress on or before it); listed: the first day, then each day the colour changed',
    notes:
      'With the thresholds in force now, and the baseline the figures use. A new reason under the same colour is not a change.',
  },
} satisfies Record<string, KpiDefinition>
