import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import { type AuditContext, created, recordAudits } from '../../lib/audit.ts'
import { type CommitOutcome, countRows, problemsOf } from '../../lib/csv/rows.ts'
import {
  type AllocationsLookup,
  checkAllocations,
  duplicateKey,
  emailsIn,
} from './allocation-rows.ts'

// Rows per INSERT (and audit INSERT): 12 parameters each stays far below PostgreSQL's 65,535.
const CHUNK = 1000

/**
 * The people the file names (with the employment dates the rows are checked against), and their
 * stored allocations; a commit locks those people first.
 */
async function lookUp(
  db: Kysely<Database>,
  text: string,
  lock: boolean,
): Promise<AllocationsLookup> {
  const emails = emailsIn(text)
  if (emails.length === 0) return { people: new Map(), stored: new Set() }
  let query = db
    .selectFrom('people')
    .select(['id', 'name', 'email', 'startDate', 'endDate'])
    .where(sql<boolean>`lower(email) = any(${emails}::text[])`)
    .orderBy('id')
  // A person's dates cannot change, nor another import book them, while the file is checked.
  if (lock) query = query.forUpdate()
  const people = await query.execute()
  const ids = people.map((p) => p.id)
  const stored = ids.length
    ? await db
        .selectFrom('allocations as a')
        .leftJoin('projects as j', 'j.id', 'a.projectId')
        .select(['a.personId', 'a.kind', 'j.code as projectCode', 'a.firstDay', 'a.lastDay'])
        .select(['a.hoursPerWeek', 'a.percent', 'a.status'])
        .where('a.personId', 'in', ids)
        .execute()
    : []
  return {
    people: new Map(people.map(({ email, ...p }) => [email!.toLowerCase(), p])),
    stored: new Set(stored.map(duplicateKey)),
  }
}

/** The file's rows checked against the database, with the counts: writes nothing. */
export async function previewAllocations(db: Kysely<Database>, text: string) {
  const { rows, fileErrors, warnings } = await checkAllocations(
    db,
    text,
    await lookUp(db, text, false),
  )
  const checked = { rows, fileErrors, warnings }
  return { ...checked, summary: countRows(checked) }
}

/**
 * Checks the file again (never the client's preview) with its people locked, then writes every new
 * allocation, each audited (entity allocation, action import), or nothing when any row is bad.
 * Run in a transaction.
 */
export async function commitAllocations(
  trx: Kysely<Database>,
  text: string,
  who: AuditContext,
): Promise<
  CommitOutcome<{
    written: number
    duplicate: number
    people: { email: string; name: string; written: number }[]
  }>
> {
  const lookup = await lookUp(trx, text, true)
  const { writes, ...checked } = await checkAllocations(trx, text, lookup)
  const problems = problemsOf(checked)
  if (problems.length) return { ok: false, problems }
  const fresh = [...writes.values()]
  for (let i = 0; i < fresh.length; i += CHUNK) {
    const chunk = fresh.slice(i, i + CHUNK)
    // PostgreSQL returns an INSERT … VALUES's rows in the order of its values.
    const ids = await trx
      .insertInto('allocations')
      .values(
        chunk.map((a) => ({
          personId: a.personId,
          kind: a.kind,
          projectId: a.projectId,
          firstDay: a.firstDay,
          lastDay: a.lastDay,
          hoursPerWeek: a.hoursPerWeek,
          percent: a.percent,
          status: a.status,
          note: a.note,
          createdByUserId: who.actor.userId,
          createdAt: who.at,
          updatedAt: who.at,
        })),
      )
      .returning('id')
      .execute()
    // As POST /allocations audits them: its body's fields, the project by code; one INSERT a chunk.
    await recordAudits(
      trx,
      who,
      chunk.map((a, j) => {
        const { personId, kind, projectCode, firstDay, lastDay, hoursPerWeek, percent } = a
        return {
          entity: 'allocation',
          entityId: ids[j]!.id,
          action: 'import',
          changes: created({
            ...{ personId, kind, projectCode, firstDay, lastDay, hoursPerWeek, percent },
            ...{ status: a.status, note: a.note },
          }),
        }
      }),
    )
  }
  const people = [...lookup.people]
    .map(([email, p]) => ({
      email,
      name: p.name,
      written: fresh.filter((a) => a.personId === p.id).length,
    }))
    .filter((p) => p.written > 0)
    .sort((a, b) => a.email.localeCompare(b.email))
  return {
    ok: true,
    committed: { written: fresh.length, duplicate: countRows(checked).duplicate, people },
  }
}
