import { type Database, intakeSignal } from '@opsdeck/db'
import type { Kysely } from 'kysely'

/** An slo_alerts row the evaluation just opened or ended. */
export interface ChangedSloAlert {
  id: number
  serviceId: number
  severity: 'page' | 'ticket'
  rule: string
  threshold: number
  longBurnRate: number
  shortBurnRate: number
  at: Date
}

// One incident per service, whichever page rule fired: the 1 h and the 6 h rules usually fire
// together, and two incidents for one outage would split its timeline.
const source = (serviceId: number) => ({
  source: 'slo',
  externalId: `service:${serviceId}`,
  author: 'Burn-rate alerts',
})

const figures = (a: ChangedSloAlert) =>
  `the ${a.rule} rule at ${a.longBurnRate}× the sustainable burn rate (${a.shortBurnRate}× over its short window; pages from ${a.threshold}×)`

/**
 * For each page-level alert just opened on a service whose `open_incident_on_page` is on, opens
 * an SEV2 incident (the service degraded) or adds the alert to the one already open, in the
 * evaluation's transaction. Answers how many incidents were opened.
 */
export async function openPageIncidents(
  trx: Kysely<Database>,
  opened: ChangedSloAlert[],
  now: Date,
): Promise<number> {
  const pages = opened.filter((a) => a.severity === 'page')
  if (pages.length === 0) return 0
  const services = await trx
    .selectFrom('services')
    .select(['id', 'slug', 'name', 'sloTarget'])
    .where(
      'id',
      'in',
      pages.map((a) => a.serviceId),
    )
    .where('openIncidentOnPage', '=', true)
    .where('archivedAt', 'is', null)
    .execute()
  const byId = new Map(services.map((s) => [s.id, s]))
  let incidents = 0
  for (const alert of pages.sort((a, b) => a.serviceId - b.serviceId || a.id - b.id)) {
    const service = byId.get(alert.serviceId)
    if (!service) continue
    const target = `${+(service.sloTarget * 100).toFixed(3)}%`
    const result = await intakeSignal(trx, {
      ...source(service.id),
      at: now,
      status: 'firing',
      title: `Error budget burning fast: ${service.name}`,
      summary: `${service.name} (SLO ${target}) is spending its error budget fast: ${figures(alert)}. Opened by opsdeck because the service opens an incident on a page-level burn-rate alert.`,
      severity: 'SEV2',
      alertStarts: [alert.at],
      services: [{ serviceId: service.id, slug: service.slug }],
      impact: 'degraded',
      body: `Page alert: ${figures(alert)}.`,
      data: { sloAlertId: alert.id, ...pick(alert) },
    })
    if (result.outcome === 'opened') incidents += 1
  }
  return incidents
}

/** Notes on a service's open burn-rate incident that a page alert ended; people resolve it. */
export async function notePageEnds(trx: Kysely<Database>, ended: ChangedSloAlert[], now: Date) {
  for (const alert of ended.filter((a) => a.severity === 'page')) {
    await intakeSignal(trx, {
      ...source(alert.serviceId),
      at: now,
      status: 'resolved',
      endedAt: alert.at,
      resolves: false,
      body: `Page alert ${alert.rule} ended at ${alert.at.toISOString()}.`,
      data: { sloAlertId: alert.id, ...pick(alert) },
    })
  }
}

const pick = (a: ChangedSloAlert) => ({
  rule: a.rule,
  threshold: a.threshold,
  longBurnRate: a.longBurnRate,
  shortBurnRate: a.shortBurnRate,
})
