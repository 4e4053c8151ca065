import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, created, recordAudit } from '../../lib/audit.ts'
import { getOrganisation } from '../../lib/organisation.ts'
import { buildReport } from '../build-report.ts'
import type { Period } from '../period.ts'
import type { ReportSummary } from '../schemas.ts'
import { insertSnapshot } from './queries.ts'

export interface FreezeInput {
  period: Period
  now: Date
  /** Who froze it, as the archive names them ("Mia Manager", "Schedule: Monthly pack"). */
  by: { userId: number | null; name: string }
  audit: AuditContext
  scheduleId?: number | null
  /** The manager's edit of the written summary; the generated one when absent. */
  summary?: ReportSummary
  title?: string
}

/**
 * Freezes the report for a period as it stands at `now` (the data cut-off): its figures, text,
 * definitions and rules, stored once and never changed (the table refuses UPDATE).
 */
export async function freezeReport(db: Kysely<Database>, input: FreezeInput) {
  const org = await getOrganisation(db)
  const built = await buildReport(db, { period: input.period, now: input.now, org })
  const report = {
    ...built,
    title: input.title ?? built.title,
    summary: input.summary ?? built.summary,
  }
  return db.transaction().execute(async (trx) => {
    const row = await insertSnapshot(trx, {
      report,
      frozenByUserId: input.by.userId,
      frozenBy: input.by.name,
      scheduleId: input.scheduleId ?? null,
    })
    await recordAudit(trx, input.audit, {
      entity: 'report_snapshot',
      entityId: row.id,
      action: 'freeze',
      changes: created({ title: report.title, period: report.period.label }),
    })
    return { id: row.id, frozenAt: row.frozenAt, report }
  })
}
