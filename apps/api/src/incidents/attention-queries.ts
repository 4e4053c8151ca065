import { ENDED_INCIDENT_STATUSES, REVIEW_REQUIRED_SEVERITIES } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'

// What the incidents' "needs attention" items are read from: a query per reason.

/** The incidents not yet resolved, with what their response targets are measured from. */
export async function listOpenIncidents(db: Kysely<Database>) {
  return db
    .selectFrom('incidents')
    .select(['ref', 'title', 'severity', 'status', 'startedAt', 'acknowledgedAt'])
    .where('status', 'not in', [...ENDED_INCIDENT_STATUSES])
    .orderBy('id')
    .execute()
}

/**
 * The SEV1/SEV2 incidents resolved but not closed whose post-incident review is not completed
 * (none started, or a draft). Only the severities that need a review to close: a SEV3/SEV4 left
 * resolved needs none, and a year of them would bury the list.
 */
export async function listUnreviewedIncidents(db: Kysely<Database>) {
  return db
    .selectFrom('incidents as i')
    .select(['i.ref', 'i.title', 'i.resolvedAt'])
    .where('i.status', '=', 'resolved')
    .where('i.severity', 'in', [...REVIEW_REQUIRED_SEVERITIES])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('incidentReviews as r')
            .select('r.incidentId')
            .whereRef('r.incidentId', '=', 'i.id')
            .where('r.completedAt', 'is not', null),
        ),
      ),
    )
    .orderBy('i.id')
    .execute()
}

/**
 * Per incident, whatever its status (follow-ups outlive the incident and its review), its open
 * follow-ups due before `today` (the organisation's day): how many, the earliest due date, and
 * the title of one of the earliest (by due date, then as added).
 */
export async function listOverdueFollowUps(db: Kysely<Database>, today: string) {
  const { rows } = await sql<{
    ref: string
    title: string
    overdue: number
    firstDueOn: string
    firstTitle: string
  }>`
    SELECT i.ref, i.title, count(*)::int AS overdue, min(a.due_on) AS first_due_on,
      (array_agg(a.title ORDER BY a.due_on, a.id))[1] AS first_title
    FROM incident_actions a JOIN incidents i ON i.id = a.incident_id
    WHERE a.status = 'open' AND a.due_on < ${today}::date
    GROUP BY i.id, i.ref, i.title
    ORDER BY i.id
  `.execute(db)
  return rows
}

/** The region's bank holidays from `from` (a day) on, as days. */
export async function listBankHolidaysFrom(db: Kysely<Database>, region: string, from: string) {
  const rows = await db
    .selectFrom('bankHolidays')
    .select('day')
    .where('region', '=', region)
    .where('day', '>=', from)
    .execute()
  return new Set(rows.map((r) => r.day))
}
