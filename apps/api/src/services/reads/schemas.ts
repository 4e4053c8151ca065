import { INCIDENT_STATUSES } from '@opsdeck/contract'
import { z } from 'zod'
import { IsoInstant } from '../../lib/openapi.ts'
import { Count, Ratio } from '../../lib/schema-parts.ts'
import { SERVICE_STATUSES } from '../schemas.ts'

// The read API's answers: GET /services, /:slug, /:slug/series, /:slug/daily (their queries and
// params are in requests.ts).

export const SERVICE_SORTS = [
  'slug',
  'name',
  'tier',
  'status',
  'uptime24h',
  'uptime7d',
  'uptime30d',
  'sloTarget',
  'budgetRemaining',
  'burnRate',
  'p95',
] as const
export type ServiceSort = (typeof SERVICE_SORTS)[number]

/** Minutes of downtime or budget; remaining goes negative once the budget is overspent. */
const Minutes = z.number()
/** Milliseconds of latency; null when the window holds no latency. */
const LatencyMs = z.number().min(0).nullable()
/** A burn rate: 1 spends exactly the budget over the SLO window; null with no sample in scope. */
const BurnRate = z.number().min(0).nullable()
const Day = z.iso.date()

export const OwnerTeam = z.strictObject({ slug: z.string(), name: z.string() }).nullable()

export const Slo = z.strictObject({
  target: Ratio,
  /** The rolling window the error budget is counted over. */
  windowDays: z.number().int(),
})

/** Uptime over a window and how much of it was observed; null is no data, never 0 or 100%. */
export const WindowUptime = z.strictObject({
  uptime: Ratio.nullable(),
  coverage: Ratio.nullable(),
})

/** consumed, remaining, burn rate and exhaustion are null (n/a) with no sample in scope. */
export const ErrorBudget = z.strictObject({
  allowedMinutes: Minutes,
  consumedMinutes: Minutes.nullable(),
  remainingMinutes: Minutes.nullable(),
  /** remaining / allowed: negative once overspent. */
  remainingShare: z.number().nullable(),
  burnRate: BurnRate,
  /** When the budget runs out at the current burn rate; null when nothing is burning or no data. */
  exhaustsAt: IsoInstant.nullable(),
})

export const ServiceListItem = z.strictObject({
  slug: z.string(),
  name: z.string(),
  tier: z.number().int().min(1).max(3),
  ownerTeam: OwnerTeam,
  tags: z.array(z.string()),
  archivedAt: IsoInstant.nullable(),
  /** Status now: the newest sample within three check intervals (and 5 min), else unknown. */
  status: z.enum(SERVICE_STATUSES),
  uptime: z.strictObject({ h24: WindowUptime, d7: WindowUptime, d30: WindowUptime }),
  slo: Slo,
  /** Over the service's rolling SLO window, ending now. */
  errorBudget: ErrorBudget,
  /**
   * Over the SLO window (errorBudget.burnRate), and over the last hour as the alerts measure it
   * (KPI windowBurnRate: down share / (1 − target)).
   */
  burnRate: z.strictObject({ window: BurnRate, h1: BurnRate }),
  /** p95 latency over the last 24 h, from merged histograms. */
  p95LatencyMs: LatencyMs,
  /** Uptime of each local day in ServiceList.days (oldest first); null = no data that day. */
  daily: z.array(Ratio.nullable()),
})
export type ServiceListItem = z.output<typeof ServiceListItem>

export const ServiceList = z.strictObject({
  now: IsoInstant,
  /** The zone of the local days below (the organisation's). */
  timezone: z.string(),
  /** The last 90 local days, oldest first: the days of each service's `daily` strip. */
  days: z.array(Day),
  sort: z.enum(SERVICE_SORTS),
  order: z.enum(['asc', 'desc']),
  services: z.array(ServiceListItem),
})
export type ServiceList = z.output<typeof ServiceList>

export const CheckConfig = z.strictObject({
  mode: z.enum(['probe', 'push']),
  kind: z.enum(['http', 'tcp']),
  enabled: z.boolean(),
  url: z.string().nullable(),
  method: z.string(),
  expectedStatuses: z.array(z.number().int()),
  keyword: z.string().nullable(),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  intervalSeconds: z.number().int(),
  timeoutMs: z.number().int(),
  degradedLatencyMs: z.number().int(),
})

export const SampleCounts = z.strictObject({
  up: Count,
  degraded: Count,
  down: Count,
  maintenance: Count,
})

export const KPI_WINDOWS = ['24h', '7d', '30d', '90d', 'range', 'month'] as const

/** The KPIs of one window; budget and burn rate are against the SLO target over this window. */
export const WindowKpis = z.strictObject({
  window: z.enum(KPI_WINDOWS),
  from: IsoInstant,
  to: IsoInstant,
  counts: SampleCounts,
  uptime: Ratio.nullable(),
  coverage: Ratio.nullable(),
  degradedShare: Ratio.nullable(),
  downtimeMinutes: z.number().min(0),
  sloAttainment: z.strictObject({ met: z.boolean(), margin: z.number() }).nullable(),
  errorBudget: ErrorBudget,
})
export type WindowKpis = z.output<typeof WindowKpis>

export const LatencySummary = z.strictObject({
  p50: LatencyMs,
  p95: LatencyMs,
  p99: LatencyMs,
  maxMs: LatencyMs,
  /** Samples with a latency in the window. */
  count: Count,
})

export const ServiceAlert = z.strictObject({
  id: z.number().int(),
  severity: z.enum(['page', 'ticket']),
  rule: z.string(),
  threshold: z.number(),
  longBurnRate: z.number(),
  shortBurnRate: z.number(),
  peakBurnRate: z.number(),
  startedAt: IsoInstant,
  /** Null while the alert is firing. */
  endedAt: IsoInstant.nullable(),
})

export const ServiceIncident = z.strictObject({
  ref: z.string(),
  title: z.string(),
  severity: z.enum(['SEV1', 'SEV2', 'SEV3', 'SEV4']),
  status: z.enum(INCIDENT_STATUSES),
  impact: z.enum(['outage', 'degraded']),
  startedAt: IsoInstant,
  resolvedAt: IsoInstant.nullable(),
})

export const MaintenanceMarker = z.strictObject({
  id: z.number().int(),
  startsAt: IsoInstant,
  endsAt: IsoInstant,
  reason: z.string(),
  /** True for an occurrence of a weekly schedule. */
  recurring: z.boolean(),
})

export const ServiceDetail = z.strictObject({
  now: IsoInstant,
  timezone: z.string(),
  service: z.strictObject({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    tier: z.number().int().min(1).max(3),
    ownerTeam: OwnerTeam,
    tags: z.array(z.string()),
    runbookUrl: z.string().nullable(),
    dashboardUrl: z.string().nullable(),
    /** A page-level burn-rate alert opens an incident for the service (the catalogue's setting). */
    openIncidentOnPage: z.boolean(),
    archivedAt: IsoInstant.nullable(),
    createdAt: IsoInstant,
    slo: Slo,
  }),
  check: CheckConfig,
  status: z.strictObject({
    now: z.enum(SERVICE_STATUSES),
    /** The newest sample, however old (status says whether it is current). */
    lastSample: z
      .strictObject({
        at: IsoInstant,
        status: z.enum(['up', 'degraded', 'down']),
        inMaintenance: z.boolean(),
        latencyMs: LatencyMs,
        httpStatus: z.number().int().nullable(),
        error: z.string().nullable(),
      })
      .nullable(),
  }),
  /** 24h, 7d, 30d, 90d (rolling, ending now), the requested range, the calendar month to date. */
  windows: z.array(WindowKpis),
  /** Over the service's rolling SLO window, ending now. */
  errorBudget: ErrorBudget,
  /** 1 h, 6 h, 24 h as the alerts measure them (KPI windowBurnRate); the window's is the budget's. */
  burnRates: z.strictObject({ h1: BurnRate, h6: BurnRate, h24: BurnRate, window: BurnRate }),
  latency: z.strictObject({ h24: LatencySummary, d30: LatencySummary }),
  /** Firing first, then the most recent ended ones. */
  alerts: z.array(ServiceAlert),
  /** The service's most recent incidents, newest first. */
  incidents: z.array(ServiceIncident),
  /** Windows going on now or starting later, soonest first. */
  maintenance: z.array(MaintenanceMarker),
  /** How the figures above are counted, in words, for the text beside them. */
  accounting: z.array(z.strictObject({ rule: z.string(), text: z.string() })),
})
export type ServiceDetail = z.output<typeof ServiceDetail>

export const SeriesPoint = z.strictObject({
  /** The bucket's start; it lasts ServiceSeries.bucketSeconds. */
  at: IsoInstant,
  counts: SampleCounts,
  uptime: Ratio.nullable(),
  coverage: Ratio.nullable(),
  p50: LatencyMs,
  p95: LatencyMs,
})

export const BudgetPoint = z.strictObject({
  /** The end of the bucket: the budget left once its downtime is counted. */
  at: IsoInstant,
  remainingMinutes: Minutes,
  remainingShare: z.number().nullable(),
})

export const ServiceSeries = z.strictObject({
  from: IsoInstant,
  to: IsoInstant,
  /** Chosen from the range so that there are at most 1,000 points. */
  bucketSeconds: z.number().int().positive(),
  /** Where the points were read from: raw samples (within raw retention) or rollups. */
  source: z.enum(['raw', 'hourly', 'daily']),
  points: z.array(SeriesPoint),
  markers: z.strictObject({
    maintenance: z.array(MaintenanceMarker),
    incidents: z.array(ServiceIncident),
  }),
  /** Error-budget burn-down over the rolling SLO window ending now; no points without data. */
  budget: z.strictObject({
    from: IsoInstant,
    to: IsoInstant,
    bucketSeconds: z.number().int().positive(),
    allowedMinutes: Minutes,
    points: z.array(BudgetPoint),
    burnRate: BurnRate,
    exhaustsAt: IsoInstant.nullable(),
  }),
})
export type ServiceSeries = z.output<typeof ServiceSeries>

export const DailyRow = z.strictObject({
  /** The local day (organisation's zone). */
  day: Day,
  counts: SampleCounts,
  uptime: Ratio.nullable(),
  coverage: Ratio.nullable(),
  /** Null on a day without data. */
  metSlo: z.boolean().nullable(),
})

export const ServiceDaily = z.strictObject({
  slug: z.string(),
  timezone: z.string(),
  slo: Slo,
  /** Oldest first, ending today. */
  days: z.array(DailyRow),
})
export type ServiceDaily = z.output<typeof ServiceDaily>
