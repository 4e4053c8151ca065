import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { localDay } from '../../lib/calendar.ts'
import type { Organisation } from '../../lib/organisation.ts'
import { incidentDowntime } from '../downtime/queries.ts'
import { toListItem } from './list-item.ts'
import {
  findIncidentByRef,
  findReview,
  listActions,
  targetsBySeverity,
  listTimeline,
} from './queries.ts'
import type { IncidentDetail } from './schemas.ts'

const iso = (d: Date | null) => d?.toISOString() ?? null

/** Everything about one incident, or null when no incident has the ref. */
export async function incidentDetail(
  db: Kysely<Database>,
  ref: string,
  org: Organisation,
  now: Date,
): Promise<IncidentDetail | null> {
  const row = await findIncidentByRef(db, ref)
  if (!row) return null
  // Overdue is a calendar matter: due before today where the organisation is.
  const today = localDay(now, org.timezone)
  const affected = await db
    .selectFrom('incidentServices as isv')
    .innerJoin('services as s', 's.id', 'isv.serviceId')
    .select(['s.id', 's.slug', 's.name'])
    .where('isv.incidentId', '=', row.id)
    .execute()
  const window = { id: row.id, startedAt: row.startedAt, resolvedAt: row.resolvedAt }
  const [targets, timeline, review, actions, [downtime]] = await Promise.all([
    targetsBySeverity(db),
    listTimeline(db, row.id),
    findReview(db, row.id),
    listActions(db, row.id, today),
    incidentDowntime(db, [{ ...window, services: affected.map((s) => s.id) }], now, org),
  ])
  const service = new Map(affected.map((s) => [s.id, s]))
  return {
    now: now.toISOString(),
    timezone: org.timezone,
    incident: {
      ...toListItem(row, targets, now),
      summary: row.summary,
      customerImpact: row.customerImpact,
      detectedAt: iso(row.detectedAt),
      mitigatedAt: iso(row.mitigatedAt),
      closedAt: iso(row.closedAt),
      source: row.source,
    },
    timeline: timeline.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      body: e.body,
      author: e.author,
      data: e.data,
    })),
    review: review
      ? {
          ...review,
          completedAt: iso(review.completedAt),
          updatedAt: review.updatedAt.toISOString(),
        }
      : null,
    downtime: {
      from: (downtime?.from ?? row.startedAt).toISOString(),
      to: (downtime?.to ?? now).toISOString(),
      exact: downtime?.exact ?? true,
      minutes: downtime?.downtimeMinutes ?? 0,
      services: (downtime?.services ?? []).map((d) => ({
        slug: service.get(d.serviceId)?.slug ?? '',
        name: service.get(d.serviceId)?.name ?? '',
        downSamples: d.down,
        countedSamples: d.counted,
        downtimeMinutes: d.downtimeMinutes,
        budgetShare: d.budgetShare,
      })),
    },
    actions: actions.map((a) => ({
      id: a.id,
      title: a.title,
      owner:
        a.ownerId === null || a.ownerName === null ? null : { id: a.ownerId, name: a.ownerName },
      dueOn: a.dueOn,
      status: a.status,
      completedAt: iso(a.completedAt),
      overdue: a.overdue,
    })),
  }
}
