import { MAX_CAPACITY_SPAN_YEARS } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import { type AuditContext, recordAudit } from '../../lib/audit.ts'
import { lastDayOfSpan } from '../calendar/day.ts'
import { lockPerson, organisationDay, personRecord } from './queries.ts'
import type { NewMove } from './schemas.ts'

/**
 * Moves a person to another team from a day: their open membership ends the day before `from`,
 * the new one opens on `from`, and people.team_id becomes the new team (the latest membership's,
 * for joins; their team on a day is the membership covering it), with the audit row, in one
 * transaction. Past weeks stay with the old team. Refused: no such person, no such team, the team
 * of their latest membership, a day not after they joined it (history is not rewritten by a move),
 * after their leave date, or further ahead than an allocation may run (3 years less a day).
 */
export async function movePerson(
  db: Kysely<Database>,
  move: { id: number } & NewMove,
  who: AuditContext,
) {
  const { id, teamId, from } = move
  return db.transaction().execute(async (trx) => {
    const before = await lockPerson(trx, id)
    if (!before) return { refused: 'person_not_found' } as const
    const [oldTeam, newTeam] = await Promise.all([
      trx
        .selectFrom('teams')
        .select(['id', 'slug'])
        .where('id', '=', before.teamId)
        .executeTakeFirstOrThrow(),
      trx.selectFrom('teams').select(['id', 'slug']).where('id', '=', teamId).executeTakeFirst(),
    ])
    if (!newTeam) return { refused: 'unknown_team' } as const
    if (teamId === before.teamId) return { refused: 'already_in_team', team: oldTeam.slug } as const
    const open = await trx
      .selectFrom('teamMemberships')
      .select(['id', 'firstDay'])
      .where('personId', '=', id)
      .where('lastDay', 'is', null)
      .executeTakeFirst()
    if (!open) throw new Error(`person ${id} has no open team membership`)
    if (from <= open.firstDay) {
      const message = `must be after ${open.firstDay}, the day they joined ${oldTeam.slug}`
      return { refused: 'invalid', details: [{ path: 'json.from', message }] } as const
    }
    if (before.endDate !== null && from > before.endDate) {
      const message = `must be on or before their leave date (${before.endDate})`
      return { refused: 'invalid', details: [{ path: 'json.from', message }] } as const
    }
    // A plan further ahead than any allocation could reach is a typing slip (2999-12-31).
    const today = await organisationDay(trx, who.at)
    const latest = lastDayOfSpan(today)
    if (from > latest) {
      const message = `must be less than ${MAX_CAPACITY_SPAN_YEARS} years after today (${today}): ${latest} at the latest`
      return { refused: 'invalid', details: [{ path: 'json.from', message }] } as const
    }
    await trx
      .updateTable('teamMemberships')
      .set({ lastDay: sql<string>`${from}::date - 1` })
      .where('id', '=', open.id)
      .execute()
    await trx
      .insertInto('teamMemberships')
      .values({ personId: id, teamId, firstDay: from })
      .execute()
    await trx
      .updateTable('people')
      .set({ teamId, updatedAt: who.at })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, who, {
      entity: 'person',
      entityId: id,
      action: 'move',
      changes: {
        name: before.name,
        teamId: { from: before.teamId, to: teamId },
        team: { from: oldTeam.slug, to: newTeam.slug },
        firstDay: from,
      },
    })
    const person = await personRecord(trx, id, today)
    if (!person) throw new Error(`person ${id} vanished as they moved`)
    return { person } as const
  })
}
