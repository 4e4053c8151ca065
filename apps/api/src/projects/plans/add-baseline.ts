import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, recordAudit } from '../../lib/audit.ts'
import type { ProjectRef } from '../project-ref.ts'
import { currentVersion, listBaselines, projectBac } from './queries.ts'
import { ORIGINAL_BASELINE, type WrittenBaseline } from './schemas.ts'

export type AddBaselineResult =
  | { refused: 'reason_required' }
  /** `index`: the month's position in `months`; `message` says what is wrong with it. */
  | { refused: 'bad_month'; index: number; message: string }
  | ({ created: true } & WrittenBaseline)

/**
 * Writes a new baseline version (the newest + 1, or 1) of planned pence per month ('YYYY-MM'),
 * with its audit row (`add_baseline`), in the caller's transaction: POST /projects/:code/baselines
 * and the CSV import of plans. Old versions are never changed. Each month must fall within the
 * project's start and end months, once. A re-baseline needs a reason; the first defaults to
 * "Original baseline". Refusals write nothing. The answer carries BAC beside the plan's total.
 */
export async function addBaseline(
  trx: Kysely<Database>,
  project: Pick<ProjectRef, 'id' | 'code' | 'startDate' | 'endDate'>,
  months: readonly { month: string; amountPence: number }[],
  reason: string,
  who: AuditContext,
): Promise<AddBaselineResult> {
  const first = project.startDate.slice(0, 7)
  const last = project.endDate.slice(0, 7)
  const seen = new Set<string>()
  for (const [index, { month }] of months.entries()) {
    if (month < first || month > last) {
      return {
        refused: 'bad_month',
        index,
        message: `must be within the project’s months, ${first} to ${last}`,
      }
    }
    if (seen.has(month)) return { refused: 'bad_month', index, message: `repeats ${month}` }
    seen.add(month)
  }

  // The project's row lock makes concurrent baselines take turns for the next version number.
  await trx.selectFrom('projects').select('id').where('id', '=', project.id).forUpdate().execute()
  const before = await currentVersion(trx, project.id)
  const why = reason.trim()
  if (before !== null && why === '') return { refused: 'reason_required' }
  const version = (before ?? 0) + 1

  await trx
    .insertInto('projectBaselines')
    .values({
      projectId: project.id,
      version,
      reason: why || ORIGINAL_BASELINE,
      createdByUserId: who.actor.userId,
      createdAt: who.at,
    })
    .execute()
  if (months.length > 0) {
    await trx
      .insertInto('projectBaseline')
      .values(
        months.map((m) => ({
          projectId: project.id,
          version,
          month: `${m.month}-01`,
          plannedPence: m.amountPence,
        })),
      )
      .execute()
  }
  const [baseline] = await listBaselines(trx, project.id, version)
  if (!baseline) throw new Error(`baseline ${version} is gone`)
  const previous = before === null ? null : (await listBaselines(trx, project.id, before))[0]
  await recordAudit(trx, who, {
    entity: 'project',
    entityId: project.id,
    action: 'add_baseline',
    changes: {
      code: project.code,
      version: { from: before, to: version },
      reason: { from: previous?.reason ?? null, to: baseline.reason },
      planTotal: { from: previous?.total ?? null, to: baseline.total },
      months: { from: previous?.months.length ?? null, to: baseline.months.length },
    },
  })
  const bac = await projectBac(trx, project.id)
  return { created: true, baseline, bac, planTotal: baseline.total }
}
