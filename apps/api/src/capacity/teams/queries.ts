import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import type { Team } from './schemas.ts'

type Db = Kysely<Database>

/**
 * The teams by name (then slug), each with how many people are in it on `today`: by their team
 * memberships (a move from a later day has not happened yet), started and not yet left.
 */
export async function listTeams(db: Db, today: string, slug?: string): Promise<Team[]> {
  let query = db.selectFrom('teams as t').select([
    't.id',
    't.slug',
    't.name',
    't.createdAt',
    sql<number>`(SELECT count(*) FROM team_memberships m JOIN people p ON p.id = m.person_id
        WHERE m.team_id = t.id AND m.first_day <= ${today}
          AND (m.last_day IS NULL OR m.last_day >= ${today})
          AND (p.start_date IS NULL OR p.start_date <= ${today})
          AND (p.end_date IS NULL OR p.end_date >= ${today}))::int`.as('members'),
  ])
  if (slug !== undefined) query = query.where('t.slug', '=', slug)
  const rows = await query.orderBy('t.name').orderBy('t.slug').execute()
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))
}
