import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, diff, recordAudit } from '../../lib/audit.ts'
import {
  checkDueNow,
  findServiceConfig,
  findTeamId,
  type ServiceValues,
  updateService,
} from './queries.ts'
import type { ServicePatch } from './schemas.ts'
import { checkProblems } from './check-rules.ts'
import { auditFields } from './service-audit.ts'

/**
 * Changes some of a service's fields, audited field by field. The check is judged as a whole once
 * the patch is applied to it (a new timeout against the stored interval): `invalid` with the
 * problems' field paths. A changed check is due at once, so the prober runs the new one next.
 * A patch that changes nothing writes nothing (no audit row, updatedAt kept).
 */
export async function editService(
  db: Kysely<Database>,
  change: { slug: string; patch: ServicePatch },
  who: AuditContext,
) {
  const { patch } = change
  return db.transaction().execute(async (trx) => {
    const before = await findServiceConfig(trx, change.slug, { forUpdate: true })
    if (!before) return { refused: 'not_found' } as const
    const was = before.config
    let ownerTeamId = before.ownerTeamId
    if (typeof patch.ownerTeam === 'string') {
      const id = await findTeamId(trx, patch.ownerTeam)
      if (id === undefined) return { refused: 'unknown_team' } as const
      ownerTeamId = id
    } else if (patch.ownerTeam === null) {
      ownerTeamId = null
    }
    const check = { ...was.check, ...patch.check }
    if (patch.check) {
      const problems = checkProblems(check, new Set(Object.keys(patch.check)))
      if (problems.length) {
        const details = problems.map((p) => ({ path: `json.check.${p.field}`, message: p.message }))
        return { refused: 'invalid', details } as const
      }
    }
    const values: ServiceValues = {
      name: patch.name ?? was.name,
      description: patch.description ?? was.description,
      tier: patch.tier ?? was.tier,
      ownerTeamId,
      sloTarget: patch.sloTarget ?? was.sloTarget,
      sloWindowDays: patch.sloWindowDays ?? was.sloWindowDays,
      tags: patch.tags ?? was.tags,
      runbookUrl: patch.runbookUrl === undefined ? was.runbookUrl : patch.runbookUrl,
      dashboardUrl: patch.dashboardUrl === undefined ? was.dashboardUrl : patch.dashboardUrl,
      openIncidentOnPage: patch.openIncidentOnPage ?? was.openIncidentOnPage,
      check,
    }
    const checkChanged = Object.entries(check).some(
      ([key, value]) =>
        JSON.stringify(value) !== JSON.stringify(was.check[key as keyof typeof check]),
    )
    const fieldChanged = Object.entries(values).some(
      ([key, value]) =>
        key !== 'check' &&
        JSON.stringify(value) !==
          JSON.stringify(key === 'ownerTeamId' ? before.ownerTeamId : was[key as keyof typeof was]),
    )
    if (!checkChanged && !fieldChanged) return { service: was } as const

    await updateService(trx, before.id, values, who.at)
    const after = await findServiceConfig(trx, change.slug)
    if (!after) throw new Error(`service ${change.slug} vanished during its edit`)
    const changes = diff(auditFields(was), auditFields(after.config))
    await recordAudit(trx, who, {
      entity: 'service',
      entityId: before.id,
      action: 'update',
      changes,
    })
    if (checkChanged) await checkDueNow(trx, before.id, who.at)
    return { service: after.config } as const
  })
}
