import { createHash } from 'node:crypto'
import {
  INCIDENT_TEXT_MAX_LENGTH,
  INCIDENT_TITLE_MAX_LENGTH,
  SEVERITIES,
  type Severity,
} from '@opsdeck/contract'
import type { Database, IntakeSignal } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { AuditActor } from '../lib/audit.ts'
import { intakeLabels } from './queries.ts'
import type { Alert, AlertmanagerPayload } from './schemas.ts'
import { clip, matchServices, oneLine } from './services.ts'

export const ALERTMANAGER = { source: 'alertmanager', author: 'Alertmanager' } as const

/** A severity label's value as an incident severity: case and surrounding spaces aside. */
export function severityOf(value: string | undefined): Severity {
  switch (value?.trim().toLowerCase()) {
    case 'critical':
      return 'SEV1'
    case 'high':
    case 'error':
      return 'SEV2'
    case 'warning':
      return 'SEV3'
    default:
      return 'SEV4'
  }
}

/** The most severe of the list (SEV4 for none). */
export const highest = (list: Severity[]): Severity =>
  SEVERITIES.find((s) => list.includes(s)) ?? 'SEV4'

// Go's zero time stands for an end not yet known.
const isSet = (at: Date | undefined): at is Date => at !== undefined && at.getUTCFullYear() > 1
const alertId = (a: Alert) => a.fingerprint ?? JSON.stringify(Object.entries(a.labels).sort())
const unique = (list: (string | undefined)[]) =>
  [...new Set(list.filter((x): x is string => x !== undefined))].sort()

/**
 * An alert group as opsdeck reads it, given the labels its severity and service come from. The
 * group fires while any of its alerts does, and then only the firing alerts count: the highest
 * severity among them, their services, their starts.
 */
export function readAlertGroup(
  p: AlertmanagerPayload,
  labels: { severity: string; service: string },
) {
  const firing = p.alerts.filter((a) => a.status === 'firing')
  const resolved = p.alerts.filter((a) => a.status === 'resolved')
  const current = firing.length > 0 ? firing : p.alerts
  const names = unique(current.map((a) => a.labels.alertname))
  const title =
    p.commonAnnotations.summary ?? p.commonLabels.alertname ?? (names.join(', ') || 'Alert group')
  const description =
    p.commonAnnotations.description ??
    current.find((a) => a.annotations.description)?.annotations.description ??
    ''
  const ends = p.alerts.map((a) => a.endsAt).filter(isSet)
  return {
    firing: firing.length > 0,
    counts: { firing: firing.length, resolved: resolved.length },
    severity: highest(current.map((a) => severityOf(a.labels[labels.severity]))),
    serviceValues: unique(current.map((a) => a.labels[labels.service])),
    withoutService: current.filter((a) => a.labels[labels.service] === undefined).length,
    title: oneLine(title, INCIDENT_TITLE_MAX_LENGTH) || 'Alert group',
    summary: clip(description.trim(), INCIDENT_TEXT_MAX_LENGTH),
    alertStarts: firing.map((a) => a.startsAt),
    lastEnd: ends.length ? new Date(Math.max(...ends.map((d) => d.getTime()))) : null,
    // Which alerts fire and which have resolved: a re-send of the same is nothing new.
    state: JSON.stringify({
      firing: firing.map(alertId).sort(),
      resolved: resolved.map(alertId).sort(),
    }),
  }
}

// The partial unique index holds (source, external_id) in a btree, whose entries must stay
// under ~2.7 kB: a longer group key is kept as its hash.
const externalId = (groupKey: string) =>
  Buffer.byteLength(groupKey) <= 1000
    ? groupKey
    : `sha256:${createHash('sha256').update(groupKey).digest('hex')}`

/** The intake signal of an Alertmanager delivery, its services matched to the catalogue. */
export async function alertmanagerSignal(
  db: Kysely<Database>,
  p: AlertmanagerPayload,
  received: { at: Date; by: AuditActor },
): Promise<IntakeSignal> {
  const labels = await intakeLabels(db)
  const group = readAlertGroup(p, labels)
  const base = {
    source: ALERTMANAGER.source,
    externalId: externalId(p.groupKey),
    author: ALERTMANAGER.author,
    at: received.at,
    data: {
      groupKey: p.groupKey,
      receiver: p.receiver,
      externalURL: p.externalURL,
      truncatedAlerts: p.truncatedAlerts ?? 0,
      labels,
      alerts: p.alerts.slice(0, 100).map((a) => ({
        fingerprint: a.fingerprint ?? null,
        status: a.status,
        labels: a.labels,
        summary: a.annotations.summary ?? null,
        startsAt: a.startsAt.toISOString(),
        endsAt: isSet(a.endsAt) ? a.endsAt.toISOString() : null,
        generatorURL: a.generatorURL ?? null,
      })),
      receivedBy: received.by,
    },
  }
  const truncated = p.truncatedAlerts
    ? ` ${p.truncatedAlerts} more were left out of the delivery (max_alerts).`
    : ''
  const { firing, resolved } = group.counts
  if (!group.firing) {
    const end = group.lastEnd ?? received.at
    return {
      ...base,
      status: 'resolved',
      body:
        resolved === 1
          ? `Alertmanager: the alert resolved at ${end.toISOString()}.${truncated}`
          : `Alertmanager: all ${resolved} alerts resolved, the last at ${end.toISOString()}.${truncated}`,
      endedAt: end,
      resolves: true,
    }
  }
  const matched = await matchServices(db, group.serviceValues, `The ${labels.service} label value`)
  const notes = [...matched.notes]
  if (group.serviceValues.length === 0) {
    notes.push(`No firing alert has a ${labels.service} label: no service is affected.`)
  }
  return {
    ...base,
    data: { ...base.data, unmatchedServices: matched.unmatched },
    status: 'firing',
    body: [
      `Alertmanager: ${firing} firing, ${resolved} resolved (${group.severity}).${truncated}`,
      ...notes,
    ].join(' '),
    title: group.title,
    summary: group.summary,
    severity: group.severity,
    alertStarts: group.alertStarts,
    services: matched.services,
    impact: 'degraded',
    state: group.state,
  }
}
