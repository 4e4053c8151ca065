import type { IncidentStatus, Severity } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'

// Rows for the read tests: each test makes its own, named so its `q` finds only them.

export const MIN = 60_000
export const minutesAfter = (at: Date | string, minutes: number) =>
  new Date(new Date(at).getTime() + minutes * MIN)

export async function insertTeam(db: Kysely<Database>, slug: string) {
  const row = await db
    .insertInto('teams')
    .values({ slug, name: `Team ${slug}` })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertService(db: Kysely<Database>, slug: string, teamId: number | null) {
  const row = await db
    .insertInto('services')
    .values({ slug, name: `Service ${slug}`, tier: 2, sloTarget: 0.999, ownerTeamId: teamId })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertPerson(db: Kysely<Database>, teamId: number, name: string) {
  const row = await db
    .insertInto('people')
    .values({ teamId, name, role: 'Engineer', contractedHoursPerWeek: 37.5 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export interface IncidentSpec {
  ref: string
  title?: string
  severity: Severity
  status?: IncidentStatus
  /** An ISO instant; may carry microseconds. */
  startedAt: string
  ackAfter?: number
  resolveAfter?: number
  commanderPersonId?: number
  services?: { id: number; impact?: 'outage' | 'degraded' }[]
}

/** An incident with its affected services; `ackAfter` / `resolveAfter` are minutes from start. */
export async function insertIncident(db: Kysely<Database>, spec: IncidentSpec) {
  const resolvedAt =
    spec.resolveAfter === undefined ? null : minutesAfter(spec.startedAt, spec.resolveAfter)
  const status =
    spec.status ??
    (resolvedAt ? 'resolved' : spec.ackAfter === undefined ? 'triggered' : 'acknowledged')
  const row = await db
    .insertInto('incidents')
    .values({
      ref: spec.ref,
      title: spec.title ?? spec.ref,
      severity: spec.severity,
      status,
      startedAt: spec.startedAt,
      acknowledgedAt:
        spec.ackAfter === undefined ? null : minutesAfter(spec.startedAt, spec.ackAfter),
      resolvedAt,
      closedAt: status === 'closed' ? resolvedAt : null,
      commanderPersonId: spec.commanderPersonId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (spec.services?.length) {
    await db
      .insertInto('incidentServices')
      .values(
        spec.services.map((s) => ({
          incidentId: row.id,
          serviceId: s.id,
          impact: s.impact ?? 'outage',
        })),
      )
      .execute()
  }
  return row.id
}
