import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, created, diff, recordAudit } from '../../lib/audit.ts'
import { allocationNotFound, checkAllocation, patched, type Refusal } from './check-allocation.ts'
import { organisationDay } from '../people/queries.ts'
import { findAllocation, findPerson, storedAllocation } from './queries.ts'
import type { AllocationPatch, NewAllocation } from './schemas.ts'

// POST /allocations, PATCH and DELETE /allocations/:id: each write and its audit row (entity
// allocation) in one transaction; a refusal writes nothing.

const answer = async (db: Kysely<Database>, id: number, at: Date) => {
  const allocation = await findAllocation(db, id, await organisationDay(db, at))
  if (!allocation) throw new Error(`allocation ${id} is gone`)
  return { allocation } as const
}

export async function addAllocation(
  db: Kysely<Database>,
  fields: NewAllocation,
  who: AuditContext,
): Promise<{ refused: Refusal } | Awaited<ReturnType<typeof answer>>> {
  return db.transaction().execute(async (trx) => {
    // The person locked, as a change of their dates locks them: both see the other's rows.
    await findPerson(trx, fields.personId, { lock: true })
    const checked = await checkAllocation(trx, fields, fields)
    if ('refused' in checked) return checked
    const row = await trx
      .insertInto('allocations')
      .values({
        personId: fields.personId,
        kind: fields.kind,
        firstDay: fields.firstDay,
        lastDay: fields.lastDay,
        hoursPerWeek: fields.hoursPerWeek,
        percent: fields.percent,
        status: fields.status,
        note: fields.note,
        projectId: checked.projectId ?? null,
        createdByUserId: who.actor.userId,
        createdAt: who.at,
        updatedAt: who.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, who, {
      entity: 'allocation',
      entityId: row.id,
      action: 'create',
      changes: created(fields),
    })
    return answer(trx, row.id, who.at)
  })
}

/** A patch that changes nothing writes nothing. */
export async function editAllocation(
  db: Kysely<Database>,
  change: { id: number; patch: AllocationPatch },
  who: AuditContext,
): Promise<{ refused: Refusal } | Awaited<ReturnType<typeof answer>>> {
  return db.transaction().execute(async (trx) => {
    const stored = await storedAllocation(trx, change.id, { lock: true })
    if (!stored) return { refused: { status: 404, body: allocationNotFound } } as const
    const { id, ...before } = stored
    await findPerson(trx, before.personId, { lock: true })
    const after = patched(before, change.patch)
    const checked = await checkAllocation(trx, after, change.patch)
    if ('refused' in checked) return checked
    const changes = diff(before, after)
    if (Object.keys(changes).length > 0) {
      await trx
        .updateTable('allocations')
        .set({
          kind: after.kind,
          firstDay: after.firstDay,
          lastDay: after.lastDay,
          hoursPerWeek: after.hoursPerWeek,
          percent: after.percent,
          status: after.status,
          note: after.note,
          ...(checked.projectId === undefined ? {} : { projectId: checked.projectId }),
          updatedAt: who.at,
        })
        .where('id', '=', id)
        .execute()
      await recordAudit(trx, who, {
        entity: 'allocation',
        entityId: id,
        action: 'update',
        changes: { personId: before.personId, ...changes },
      })
    }
    return answer(trx, id, who.at)
  })
}

export async function deleteAllocation(db: Kysely<Database>, id: number, who: AuditContext) {
  return db.transaction().execute(async (trx) => {
    const stored = await storedAllocation(trx, id, { lock: true })
    if (!stored) return { refused: { status: 404, body: allocationNotFound } } as const
    await trx.deleteFrom('allocations').where('id', '=', id).execute()
    await recordAudit(trx, who, {
      entity: 'allocation',
      entityId: id,
      action: 'delete',
      changes: Object.fromEntries(
        Object.entries(stored)
          .filter(([field]) => field !== 'id')
          .map(([field, from]) => [field, { from, to: null }]),
      ),
    })
    return { deleted: true } as const
  })
}
