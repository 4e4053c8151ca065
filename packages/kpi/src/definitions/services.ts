import { type KpiDefinition, NA } from './kind.ts'

// Services: uptime, SLOs and error budgets, latency, business-service roll-ups.
export const SERVICE_DEFINITIONS = {
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
} satisfies Record<string, KpiDefinition>
