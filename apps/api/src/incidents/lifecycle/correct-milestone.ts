import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, recordAudit } from '../../lib/audit.ts'
import { correctionProblem, type Milestone } from './milestones.ts'
import { findIncident, insertEvent, updateIncident, writtenIncident } from './queries.ts'

/**
 * Corrects a milestone after the fact, with its `correction` event ({ field, from, to, reason })
 * and an audit row. Refused: no such incident, or a value that leaves the milestones out of order
 * (`invalid`, naming the field). The same value again changes nothing and records nothing.
 */
export async function correctMilestone(
  db: Kysely<Database>,
  change: { ref: string; field: Milestone; value: Date | null; reason: string },
  who: AuditContext,
) {
  const { field, value, reason } = change
  return db.transaction().execute(async (trx) => {
    const before = await findIncident(trx, change.ref, { forUpdate: true })
    if (!before) return { refused: 'not_found' } as const
    const was = before[field]
    if ((was?.getTime() ?? null) === (value?.getTime() ?? null)) {
      return { incident: await writtenIncident(trx, change.ref) } as const
    }
    const problem = correctionProblem(before, before.status, field, value, who.at)
    if (problem) {
      const details = [{ path: 'json.value', field, message: problem }]
      return { refused: 'invalid', details } as const
    }

    await updateIncident(trx, before.id, { [field]: value, updatedAt: who.at })
    const from = was?.toISOString() ?? null
    const to = value?.toISOString() ?? null
    await insertEvent(trx, {
      incidentId: before.id,
      at: who.at,
      kind: 'correction',
      body: `Corrected ${field} from ${from ?? 'none'} to ${to ?? 'none'}: ${reason}`,
      authorUserId: who.actor.userId,
      data: { field, from, to, reason },
    })
    await recordAudit(trx, who, {
      entity: 'incident',
      entityId: before.id,
      action: 'correct',
      changes: { ref: change.ref, [field]: { from, to }, reason },
    })
    return { incident: await writtenIncident(trx, change.ref) } as const
  })
}
