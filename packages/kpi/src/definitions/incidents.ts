import { type KpiDefinition, NA } from './kind.ts'

// Incidents: response times, targets and what incidents cost the error budget.
export const INCIDENT_DEFINITIONS = {
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
} satisfies Record<string, KpiDefinition>
