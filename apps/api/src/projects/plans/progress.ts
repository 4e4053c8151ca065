import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, diff, recordAudit } from '../../lib/audit.ts'
import { localDay } from '../../lib/calendar.ts'
import { getOrganisation } from '../../lib/organisation.ts'
import { findProject } from '../project-ref.ts'
import { listProgress } from './queries.ts'
import type { ProgressBody } from './schemas.ts'

/**
 * PUT /projects/:code/progress/:asOf: records (or replaces) the percent complete of a day, from
 * the project's start to today where the organisation is (no progress in the future). Audited
 * (`set_progress`, from/to); the same values again write nothing. Refused: no such project, a
 * day outside that span (`message` says why).
 */
export async function saveProgress(
  db: Kysely<Database>,
  change: { code: string; asOf: string; progress: ProgressBody },
  who: AuditContext,
) {
  return db.transaction().execute(async (trx) => {
    const project = await findProject(trx, change.code, { lock: true })
    if (!project) return { refused: 'project_not_found' } as const
    const today = localDay(who.at, (await getOrganisation(trx)).timezone)
    if (change.asOf < project.startDate) {
      const message = `must be on or after the project’s start, ${project.startDate}`
      return { refused: 'bad_day', message } as const
    }
    if (change.asOf > today) {
      return { refused: 'bad_day', message: `must not be after today (${today})` } as const
    }

    const [before] = await listProgress(trx, project.id, change.asOf)
    const after = { percentComplete: change.progress.percentComplete, note: change.progress.note }
    const changes = before
      ? diff({ percentComplete: before.percentComplete, note: before.note }, after)
      : {
          percentComplete: { from: null, to: after.percentComplete },
          note: { from: null, to: after.note },
        }
    if (Object.keys(changes).length > 0) {
      const row = { ...after, recordedByUserId: who.actor.userId, recordedAt: who.at }
      await trx
        .insertInto('projectProgress')
        .values({ projectId: project.id, asOf: change.asOf, ...row })
        .onConflict((oc) => oc.columns(['projectId', 'asOf']).doUpdateSet(row))
        .execute()
      await recordAudit(trx, who, {
        entity: 'project',
        entityId: project.id,
        action: 'set_progress',
        changes: { code: project.code, asOf: change.asOf, ...changes },
      })
    }
    const [entry] = await listProgress(trx, project.id, change.asOf)
    if (!entry) throw new Error(`progress of ${change.asOf} is gone`)
    return { entry, created: !before } as const
  })
}

/** DELETE /projects/:code/progress/:asOf: audited (`delete_progress`, each field to null). */
export async function deleteProgress(
  db: Kysely<Database>,
  change: { code: string; asOf: string },
  who: AuditContext,
) {
  return db.transaction().execute(async (trx) => {
    const project = await findProject(trx, change.code, { lock: true })
    if (!project) return { refused: 'project_not_found' } as const
    const [before] = await listProgress(trx, project.id, change.asOf)
    if (!before) return { refused: 'progress_not_found' } as const
    await trx
      .deleteFrom('projectProgress')
      .where('projectId', '=', project.id)
      .where('asOf', '=', change.asOf)
      .execute()
    await recordAudit(trx, who, {
      entity: 'project',
      entityId: project.id,
      action: 'delete_progress',
      changes: {
        code: project.code,
        asOf: change.asOf,
        percentComplete: { from: before.percentComplete, to: null },
        note: { from: before.note, to: null },
      },
    })
    return { deleted: true } as const
  })
}
