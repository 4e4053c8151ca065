import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { likePattern } from '../../lib/like.ts'

/**
 * The people working here on `today` (started, not yet left), by name, with their team; `q` is
 * part of the name in any case, `team` a team's slug. At most `limit`.
 */
export async function listPeople(
  db: Kysely<Database>,
  args: { today: string; q?: string | undefined; team?: string | undefined; limit: number },
) {
  let query = db
    .selectFrom('people as p')
    .innerJoin('teams as t', 't.id', 'p.teamId')
    .select(['p.id', 'p.name', 'p.email', 't.slug as teamSlug', 't.name as teamName'])
    .where((eb) => eb.or([eb('p.startDate', 'is', null), eb('p.startDate', '<=', args.today)]))
    .where((eb) => eb.or([eb('p.endDate', 'is', null), eb('p.endDate', '>=', args.today)]))
  if (args.q) query = query.where('p.name', 'ilike', likePattern(args.q))
  if (args.team) query = query.where('t.slug', '=', args.team)
  const rows = await query.orderBy('p.name').orderBy('p.id').limit(args.limit).execute()
  return rows.map(({ teamSlug, teamName, ...p }) => ({
    ...p,
    team: { slug: teamSlug, name: teamName },
  }))
}
