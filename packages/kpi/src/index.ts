export { ratio } from './ratio.ts'
export { mean, quantile, sortNumbers } from './stats.ts'
export { downtimeMinutes, uptime } from './uptime.ts'
export type { SampleCounts, UptimeResult } from './uptime.ts'
export { groupState, groupUptime, upNeeded } from './group-rule.ts'
export type { ComponentState, GroupMinutes, GroupRule, GroupState } from './group-rule.ts'
export { errorBudget, errorBudgetFromSamples, sloAttainment, tierSloHealth } from './slo.ts'
export type {
  ErrorBudget,
  ErrorBudgetFromSamplesInput,
  ErrorBudgetInput,
  ObservedErrorBudget,
  SloAttainment,
  TierSloHealth,
} from './slo.ts'
export {
  BURN_RATE_RULES,
  BURN_WINDOW_MINUTES,
  BURN_WINDOWS,
  SLO_WINDOW_DAYS,
  burnRate,
  burnRateThreshold,
  burnRates,
  evaluateBurnRateAlerts,
} from './burn-rate.ts'
export type { BurnRateAlert, BurnRateInput, BurnRateRule, BurnWindow } from './burn-rate.ts'
export {
  HISTOGRAM_BUCKETS,
  HISTOGRAM_GROWTH,
  bucketIndex,
  bucketIndexSql,
  bucketLowerBound,
  bucketUpperBound,
  histogramCount,
  histogramOf,
  mergeHistograms,
  trimHistogram,
} from './histogram.ts'
export { percentile } from './percentiles.ts'
export type { PercentileOptions } from './percentiles.ts'
export { durationSummary, mtbf, mtta, mttd, mttr } from './incidents.ts'
export type { DurationSummary, IncidentTimes } from './incidents.ts'
export {
  DEFAULT_RESPONSE_TARGETS,
  incidentBudgetShare,
  repeatIncidents,
  responseTargetStatus,
  slaBreachRate,
  slaOutcomes,
} from './incident-response.ts'
export type {
  IncidentBudgetShareInput,
  MilestoneStatus,
  RepeatCandidate,
  ResponseTarget,
  ResponseTargetInput,
  ResponseTargetStatus,
  SlaOutcomes,
  TargetOutcome,
  TargetState,
} from './incident-response.ts'
export type { CalendarDay } from './calendar.ts'
export {
  evm,
  evmFromValues,
  forecastCost,
  plannedValue,
  plannedValueFromBaseline,
  plannedValueLinear,
} from './evm.ts'
export type { EvmInput, EvmResult, MonthlyPlanEntry } from './evm.ts'
export { portfolioEvm } from './evm-portfolio.ts'
// costBurnRate, not burnRate: that name is the SLO burn rate's (burn-rate.ts).
export { burnWindow, costBurnRate, runwayMonths } from './evm-burn.ts'
export { forecastFinish } from './evm-forecast.ts'
export { evmSeries } from './evm-series.ts'
export { DEFAULT_RAG_THRESHOLDS, rag } from './rag.ts'
export type { Rag, RagLevelThresholds, RagStatus, RagThresholds } from './rag.ts'
export { ragTimeline } from './rag-timeline.ts'
export type { RagChange } from './rag-timeline.ts'
export { runChangeSplit } from './capacity.ts'
export type { RunChangeSplit, WorkKind } from './capacity.ts'
export {
  ALLOCATION_KINDS,
  addDays,
  addTotals,
  bookedHours,
  emptyTotals,
  focusCapacity,
  hoursPerWorkingDay,
  incidentToil,
  personDays,
  utilizationOf,
  weeklyHours,
} from './capacity-days.ts'
export type {
  AllocationKind,
  AllocationSpan,
  AllocationStatus,
  CapacityTotals,
  DayOff,
  Hours,
  PersonDay,
  TimeOffSpan,
  Utilization,
  WorkingPattern,
} from './capacity-days.ts'
export { availableForCover, coverGaps, daysByTeam, MIN_COVER } from './capacity-teams.ts'
export type { Membership } from './capacity-teams.ts'
export {
  personWeekRisk,
  PROJECT_RISK_AWAY_PEOPLE,
  PROJECT_RISK_AWAY_SHARE,
  PROJECT_RISK_UTILIZATION,
  projectShortOfPeople,
} from './project-capacity-risk.ts'
export type { PersonWeekRisk } from './project-capacity-risk.ts'
export { periodChange } from './period-change.ts'
export type { Better, ChangeKind, PeriodChange } from './period-change.ts'
export { KPI_DEFINITIONS } from './definitions.ts'
export type { KpiDefinition, KpiId } from './definitions.ts'
