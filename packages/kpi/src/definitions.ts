// How each number is computed, in words for tooltips and the report appendix. Keep in step with
// the code: every formula here is the one its function implements.
export type KpiDefinition = { id: string; name: string; formula: string; notes: string }

const NA = 'Shown as n/a when the division would be by zero.'

export const KPI_DEFINITIONS = {
  uptime: {
    id: 'uptime',
    name: 'Uptime',
    formula: '(up + degraded) / (up + degraded + down) check samples in the window',
    notes: `Degraded counts as up and is reported separately; samples in a maintenance window count as neither. A window with no samples is "no data", not up. Calendar windows are in the organisation's time zone.`,
  },
  maintenanceWindow: {
    id: 'maintenanceWindow',
    name: 'Maintenance windows',
    formula:
      'a check recorded inside a planned maintenance window counts as neither up nor down: it is left out of uptime, downtime and the error budget, and counted as maintenance',
    notes:
      'Decided when the check is recorded, so plan a window before it starts: a window cannot start in the past, and cancelling one later does not change figures already recorded. A weekly window keeps to the local clock of its time zone: "Sundays 02:00–04:00 Europe/London" is 02:00 GMT in winter and 02:00 BST in summer, always 2 hours long. A start the clocks skip in spring moves on by the skipped hour; one they repeat in autumn is the first of the two.',
  },
  degradedShare: {
    id: 'degradedShare',
    name: 'Degraded share',
    formula: 'degraded / (up + degraded + down) samples',
    notes: 'The part of uptime that was slow rather than healthy. ' + NA,
  },
  coverage: {
    id: 'coverage',
    name: 'Coverage',
    formula:
      '(up + degraded + down + maintenance) samples / samples expected from the check interval',
    notes: 'How much of the window was actually observed; capped at 100%.',
  },
  sloAttainment: {
    id: 'sloAttainment',
    name: 'SLO attainment',
    formula: 'met when uptime ≥ SLO target; margin = uptime − target',
    notes: 'No attainment is shown for a window without data.',
  },
  errorBudget: {
    id: 'errorBudget',
    name: 'Error budget',
    formula: 'allowed = (1 − target) × window minutes; remaining = allowed − downtime minutes',
    notes:
      'Downtime is the down samples × check interval. Remaining goes negative once the budget is overspent; remaining % = remaining / allowed. A window without a sample in scope (nothing received, or all of it in maintenance) was not observed: consumed, remaining, burn rate and run-out are n/a, and only the allowance is shown.',
  },
  burnRate: {
    id: 'burnRate',
    name: 'Burn rate',
    formula: '(downtime minutes / minutes elapsed in the window) / (1 − target)',
    notes: `1 spends exactly the budget over the window; above 1 it runs out early. ${NA}`,
  },
  budgetExhaustion: {
    id: 'budgetExhaustion',
    name: 'Budget runs out',
    formula: 'now + remaining budget / (downtime minutes / minutes elapsed)',
    notes: 'At the current burn rate. Already spent: shown as now. Nothing burning: never.',
  },
  windowBurnRate: {
    id: 'windowBurnRate',
    name: 'Burn rate over the last 5 min … 3 days',
    formula: '(down / (up + degraded + down) samples in the window) / (1 − target)',
    notes:
      'Degraded counts as good and maintenance as neither; "no data" when no sample was in scope. The same as the error budget’s burn rate when every check interval has a sample; 1 spends exactly the budget over the SLO window.',
  },
  burnRateAlerts: {
    id: 'burnRateAlerts',
    name: 'Burn-rate alerts',
    formula:
      'page when 1h ≥ 14.4 confirmed over 5m, or 6h ≥ 6 confirmed over 30m; ticket when 24h ≥ 3 confirmed over 2h, or 3d ≥ 1 confirmed over 6h (30-day SLO window)',
    notes:
      'An alert fires while both its long and its short window burn at or above the threshold, and ends when either falls below. Threshold = the budget share the long window spends (2%, 5%, 10%, 10%) × SLO window hours / long window hours: 7 days 3.36, 1.4, 0.7, 0.23; 28 days 13.44, 5.6, 2.8, 0.93; 90 days 43.2, 18, 9, 3. A threshold above 1 / (1 − target), a total outage, cannot be reached. Google SRE workbook.',
  },
  latencyPercentile: {
    id: 'latencyPercentile',
    name: 'Latency percentile (p50, p95, p99)',
    formula:
      'from merged histograms with buckets growing by 10%; linear interpolation inside the bucket holding the q-th sample',
    notes:
      'Typically within ±5% of the exact value; off by up to one bucket (10%) when few samples sit in the tail. Above ~63 s the top bucket is bounded by the slowest sample.',
  },
  mtta: {
    id: 'mtta',
    name: 'MTTA (mean time to acknowledge)',
    formula: 'mean(acknowledged − started) over acknowledged incidents; also median and p90',
    notes:
      'In minutes, over the incidents that started in the window. Incidents not yet acknowledged are left out; the count says how many were included.',
  },
  mttd: {
    id: 'mttd',
    name: 'MTTD (mean time to detect)',
    formula: 'mean(detected − started) over incidents with a detection time; also median and p90',
    notes: 'In minutes.',
  },
  mttr: {
    id: 'mttr',
    name: 'MTTR (mean time to resolve)',
    formula: 'mean(resolved − started) over resolved incidents; also median and p90',
    notes:
      'In minutes. Open incidents are left out. Median and p90 interpolate linearly between the ordered durations (as PostgreSQL percentile_cont).',
  },
  mtbf: {
    id: 'mtbf',
    name: 'MTBF (mean time between failures)',
    formula: '(period − downtime) / failures',
    notes: `Downtime is the union of outage time in the period. Per service: the period is the range up to now, the downtime its incidents' down samples in it (incidents open at once counted once), the failures its incidents that started in the range. ${NA}`,
  },
  responseTargets: {
    id: 'responseTargets',
    name: 'Response targets',
    formula:
      'acknowledged − started ≤ acknowledge target, and resolved − started ≤ resolve target, per severity (defaults: SEV1 5 min / 4 h; SEV2 15 min / 8 h; SEV3 1 h / 3 days; SEV4 1 day / 10 days)',
    notes:
      'Exactly on target is met. While a milestone is not reached it is pending with time left = target − time since start, and breached once that goes below 0: an open incident can breach. An incident resolved without an acknowledgement time counts as acknowledged when resolved. An admin can change the targets.',
  },
  slaBreachRate: {
    id: 'slaBreachRate',
    name: 'SLA breach rate',
    formula:
      'incidents that breached the acknowledge or resolve target / incidents whose outcome is known',
    notes: `An outcome is known once either target is breached or both are met; incidents still within their targets are left out until then. ${NA}`,
  },
  repeatIncident: {
    id: 'repeatIncident',
    name: 'Repeat incident',
    formula:
      'an incident that started at most 30 days (× 24 h) after the start of an earlier incident on one of the same services',
    notes:
      'Start to start. Incidents that started at the same instant are not repeats of each other; an incident with no affected service is never a repeat. The earlier incident may be of any severity, and may have started before the range. Repeat share = repeats / incidents that started in the range.',
  },
  incidentCounts: {
    id: 'incidentCounts',
    name: 'Incident counts',
    formula:
      'incidents that started in the range, by severity, by month of their start, by affected service and by the team owning an affected service',
    notes:
      'Months in the organisation’s time zone. An incident on two services counts once for each, and once for a team however many of its services it affected.',
  },
  incidentDowntime: {
    id: 'incidentDowntime',
    name: 'Downtime caused by an incident',
    formula:
      'down samples of each affected service from the start to the resolution (or now) × the check interval; per service, the same over the union of its incidents’ windows',
    notes:
      'Samples in a maintenance window count as neither. An incident older than the raw samples kept is read from whole hours. Two incidents open at once on one service (a duplicate declared beside an alert’s) each show the minutes they share, but the service’s total counts them once, so it can be less than the sum of its incidents’ figures.',
  },
  followUps: {
    id: 'followUps',
    name: 'Open and overdue follow-ups',
    formula: 'follow-up actions of the incidents still open; overdue: open and due before today',
    notes: 'Today in the organisation’s time zone. An action with no due date is never overdue.',
  },
  incidentBudgetShare: {
    id: 'incidentBudgetShare',
    name: 'Error budget consumed by an incident',
    formula: "incident's downtime minutes / ((1 − SLO target) × SLO window minutes)",
    notes: `Per affected service, against that service's budget; above 100% when the incident alone overspent it. n/a when the target is 100% (no budget).`,
  },
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
  tierSloHealth: {
    id: 'tierSloHealth',
    name: 'SLO health of a tier',
    formula:
      'per service, uptime ≥ its own SLO target: meeting when no service breaches, breaching when none meets, partly when some of each',
    notes:
      'Counted per service, so a breaching service is never hidden behind healthy ones; services without data count for neither. The tier’s uptime shown beside it is pooled: all its up samples / all its counted samples.',
  },
  groupState: {
    id: 'groupState',
    name: 'Business service state (roll-up rule)',
    formula:
      'per minute: up when up components ≥ needed (all: every component; any: 1; at least N: N); down when components not down < needed; otherwise maintenance if an undecided component is in maintenance, else no data',
    notes:
      'A component’s state in a minute is its latest sample in that minute, else its latest in the check interval before it; none is no data. Degraded counts as up. A component in maintenance or without data is neither up nor down: the group is decided whenever the other components decide it either way. The state now applies the same rule to each component’s status now.',
  },
  groupUptime: {
    id: 'groupUptime',
    name: 'Business service uptime',
    formula:
      'up minutes / (up + down minutes), over the whole UTC minutes of the window ending now; coverage = (up + down + maintenance minutes) / minutes in the window',
    notes:
      'Computed from the components’ raw samples, which are kept for the raw-sample retention (30 days by default): minutes older than the oldest raw sample count as no data, so windows beyond the retention show lower coverage rather than a rollup estimate. Maintenance and no-data minutes count as neither; no decided minute is "no data", not 100%. The SLO is judged over the last 30 days.',
  },
  effectiveCapacity: {
    id: 'effectiveCapacity',
    name: 'Effective capacity',
    formula:
      'contracted hours / pattern days, on each working day (a pattern day while employed, not a bank holiday of the person’s region or a closure day) − time off (full or half days)',
    notes:
      'Per person per day, summed over the ISO week (Monday–Sunday); a team’s and the organisation’s are sums of their people’s.',
  },
  bookingRule: {
    id: 'bookingRule',
    name: 'How bookings meet the calendar',
    formula:
      'an allocation of H hours a week (or P% of the contracted hours) books H / pattern days on each working day in its dates',
    notes:
      'Bank holidays and closure days are not working days: nothing is booked on them, so they lower capacity and the booking alike. Time off is not taken off the booking: work booked over leave stays booked and shows as over-allocation, a conflict to move.',
  },
  utilization: {
    id: 'utilization',
    name: 'Utilization',
    formula:
      'booked hours / effective capacity (confirmed work; with tentative work in the what-if)',
    notes: `Over-allocated when booked hours exceed effective capacity in a week, also when there is none (a week of leave with work booked). ${NA}`,
  },
  incidentToil: {
    id: 'incidentToil',
    name: 'Incident toil',
    formula:
      'per person and day: hours commanding incidents (acknowledged → resolved, overlaps counted once) capped at their working day, + responder hours logged',
    notes: 'Taken off focus capacity (effective capacity − toil), and counted as run work.',
  },
  coverRisk: {
    id: 'coverRisk',
    name: 'Cover risk',
    formula:
      'a working day on which fewer than 2 people of a tier-1 service’s owner team are available (working that day, not off all of it)',
    notes: 'Listed by week, with the days and the people available.',
  },
  runChangeSplit: {
    id: 'runChangeSplit',
    name: 'Run / change split',
    formula: 'run = run + support + incident hours; change = project hours; each / their total',
    notes: NA,
  },
} satisfies Record<string, KpiDefinition>

export type KpiId = keyof typeof KPI_DEFINITIONS
