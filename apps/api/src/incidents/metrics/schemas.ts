import { SEVERITIES } from '@opsdeck/contract'
import { z } from 'zod'
import { IsoInstant } from '../../lib/openapi.ts'
import { Count, countsOf, Ratio } from '../../lib/schema-parts.ts'
import { IncidentListQuery } from '../reads/requests.ts'
import { DurationSummary } from '../schemas.ts'

// GET /incidents/metrics: its query (the list's filters and range) and its answer.

/** The range bounds the start (`from` inclusive, `to` exclusive; a day `to` is the whole day). */
export const IncidentMetricsQuery = IncidentListQuery.pick({
  severity: true,
  service: true,
  team: true,
  from: true,
  to: true,
})
export type IncidentMetricsQuery = z.output<typeof IncidentMetricsQuery>

/** Minutes, fractional: the SPA formats them (`1h 12m`). */
const Minutes = z.number().min(0)
const Month = z.string().regex(/^\d{4}-\d{2}$/)
const Named = { slug: z.string(), name: z.string() }

const ResponseTimes = {
  incidents: Count,
  /** Minutes from start to acknowledgement, over the acknowledged (`count`). */
  mtta: DurationSummary,
  /** Minutes from start to resolution, over the resolved (`count`). */
  mttr: DurationSummary,
}

const MonthMetrics = z.strictObject({
  /** `YYYY-MM` in the organisation's time zone; every month the range touches, empty ones too. */
  month: Month,
  ...ResponseTimes,
  /** Over the month's incidents whose outcome is known; null when none is. */
  slaBreachRate: Ratio.nullable(),
  bySeverity: z.strictObject(
    Object.fromEntries(SEVERITIES.map((s) => [s, z.strictObject(ResponseTimes)])) as Record<
      (typeof SEVERITIES)[number],
      z.ZodObject<typeof ResponseTimes>
    >,
  ),
})

const ServiceMetrics = z.strictObject({
  ...Named,
  team: z.strictObject(Named).nullable(),
  /** Incidents that affected the service (an incident on two services counts for each). */
  incidents: Count,
  /** Its incidents' downtime on it, over the union of their windows (overlaps once). */
  downtimeMinutes: Minutes,
  /** That downtime as a share of the service's SLO-window error budget; null at a 100% target. */
  budgetShare: z.number().min(0).nullable(),
  /**
   * (range up to now − the service's incident downtime in the range, overlaps once) / incidents.
   * Null when it had none.
   */
  mtbfMinutes: Minutes.nullable(),
})

const RepeatIncident = z.strictObject({
  ref: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  startedAt: IsoInstant,
  /** Its affected services by slug. */
  services: z.array(z.string()),
})

const IncidentDowntime = z.strictObject({
  ref: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  startedAt: IsoInstant,
  resolvedAt: IsoInstant.nullable(),
  /** Down samples in [start, resolution or now) × the check interval, over its services. */
  downtimeMinutes: Minutes,
  /** False when the window is older than the raw samples kept: read from whole hours. */
  exact: z.boolean(),
  services: z.array(
    z.strictObject({
      ...Named,
      downtimeMinutes: Minutes,
      budgetShare: z.number().min(0).nullable(),
    }),
  ),
})

const List = <T extends z.ZodType>(item: T) => z.array(item).nullable()

export const IncidentMetrics = z.strictObject({
  now: IsoInstant,
  /** The zone months and days are read in (the organisation's). */
  timezone: z.string(),
  /** The incidents counted are those that started in [from, to) and pass the filters. */
  range: z.strictObject({ from: IsoInstant, to: IsoInstant }),
  /** The filters applied, null when not given. */
  filters: z.strictObject({
    severity: List(z.enum(SEVERITIES)),
    service: List(z.string()),
    team: List(z.string()),
  }),
  incidents: Count,
  bySeverity: countsOf(SEVERITIES),
  /** Most incidents first, then by slug; only services passing the service and team filters. */
  byService: z.array(ServiceMetrics),
  /** Owner teams of the services listed: incidents on any of them, each incident once. */
  byTeam: z.array(z.strictObject({ ...Named, incidents: Count })),
  /** Oldest first. */
  byMonth: z.array(MonthMetrics),
  mtta: DurationSummary,
  mttr: DurationSummary,
  /** Minutes from start to detection, over the incidents with a detection time. */
  mttd: DurationSummary,
  /** Against each severity's acknowledge and resolve targets, as of now. */
  sla: z.strictObject({
    breachRate: Ratio.nullable(),
    breached: Count,
    met: Count,
    pending: Count,
  }),
  /** The follow-up actions of these incidents; overdue: open and due before today. */
  followUps: z.strictObject({ open: Count, overdue: Count }),
  /** Started at most `windowDays` after an earlier incident (any) on one of the same services. */
  repeats: z.strictObject({
    windowDays: z.number().int().min(1),
    count: Count,
    /** Repeats / incidents; null with no incidents. */
    share: Ratio.nullable(),
    /** Oldest first. */
    incidents: z.array(RepeatIncident),
  }),
  /** Per incident with an affected service, most downtime first; `minutes` sums them. */
  downtime: z.strictObject({ minutes: Minutes, incidents: z.array(IncidentDowntime) }),
})
export type IncidentMetrics = z.output<typeof IncidentMetrics>
