import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import { type AuditContext, created, recordAudit } from '../../lib/audit.ts'
import { type CommitOutcome, countRows, problemsOf } from '../../lib/csv/rows.ts'
import { checkPeople, emailsIn, findTeam, type PeopleLookup, personFields } from './people-rows.ts'

// Rows per INSERT: 12 parameters each stays far below PostgreSQL's 65,535.
const CHUNK = 1000

/** The teams, and the people whose emails the file names. */
async function lookUp(db: Kysely<Database>, text: string): Promise<PeopleLookup> {
  const emails = emailsIn(text)
  const teams = await db.selectFrom('teams').select(['id', 'slug', 'name']).orderBy('id').execute()
  const people = emails.length
    ? await db
        .selectFrom('people')
        .select(['id', 'name', 'email', 'teamId', 'role', 'contractedHoursPerWeek'])
        .select(['workingDays', 'skills', 'bankHolidayRegion', 'startDate', 'endDate'])
        .select('costRatePencePerHour')
        .where(sql<boolean>`lower(email) = any(${emails}::text[])`)
        .execute()
    : []
  return {
    teams,
    people: new Map(
      people.map((p) => [p.email!.toLowerCase(), { ...p, email: p.email!.toLowerCase() }]),
    ),
  }
}

/** The file's rows checked against the database, with the counts: writes nothing. */
export async function previewPeople(db: Kysely<Database>, text: string) {
  const checked = checkPeople(text, await lookUp(db, text))
  return { ...checked, summary: countRows(checked) }
}

/**
 * Checks the file again (never the client's preview) with people locked against other writes
 * (SHARE ROW EXCLUSIVE: reads go on, another import or POST /people waits), then adds every new
 * person, each audited (entity person, action import), or nothing when any row is bad. Run in a
 * transaction. The insert trigger opens each one's first team membership, as for POST /people.
 */
export async function commitPeople(
  trx: Kysely<Database>,
  text: string,
  who: AuditContext,
): Promise<
  CommitOutcome<{
    written: number
    duplicate: number
    teams: { slug: string; name: string; written: number }[]
  }>
> {
  await sql`LOCK TABLE people IN SHARE ROW EXCLUSIVE MODE`.execute(trx)
  const lookup = await lookUp(trx, text)
  const checked = checkPeople(text, lookup)
  const problems = problemsOf(checked)
  if (problems.length) return { ok: false, problems }
  const fresh = checked.rows
    .filter((r) => r.status === 'new')
    .map((r) => personFields(r.values, findTeam(lookup.teams, r.values.team!)!))
  for (let i = 0; i < fresh.length; i += CHUNK) {
    const chunk = fresh.slice(i, i + CHUNK)
    const ids = await trx
      .insertInto('people')
      .values(chunk.map((p) => ({ ...p, createdAt: who.at, updatedAt: who.at })))
      .returning(['id', 'email'])
      .execute()
    const idOf = new Map(ids.map((r) => [r.email, r.id]))
    for (const p of chunk) {
      const id = idOf.get(p.email)!
      await recordAudit(trx, who, {
        entity: 'person',
        entityId: id,
        action: 'import',
        changes: created({ ...p }),
      })
    }
  }
  const teams = lookup.teams
    .map((t) => ({
      slug: t.slug,
      name: t.name,
      written: fresh.filter((p) => p.teamId === t.id).length,
    }))
    .filter((t) => t.written > 0)
    .sort((a, b) => a.slug.localeCompare(b.slug))
  return {
    ok: true,
    committed: { written: fresh.length, duplicate: countRows(checked).duplicate, teams },
  }
}
