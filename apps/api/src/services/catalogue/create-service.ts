import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, created, recordAudit } from '../../lib/audit.ts'
import { findServiceConfig, findTeamId, insertService } from './queries.ts'
import type { NewService } from './schemas.ts'
import { DEFAULT_CHECK } from './check-rules.ts'
import { auditFields } from './service-audit.ts'

/**
 * A new service in the catalogue and its audit row, in the caller's transaction. Refused when the
 * owner team does not exist or the slug is taken (by an archived service too: restore that one).
 * The prober finds a new probed service itself (it owns check_schedule).
 */
export async function createService(trx: Kysely<Database>, input: NewService, who: AuditContext) {
  let ownerTeamId: number | null = null
  if (input.ownerTeam) {
    const id = await findTeamId(trx, input.ownerTeam)
    if (id === undefined) return { refused: 'unknown_team' } as const
    ownerTeamId = id
  }
  const id = await insertService(
    trx,
    input.slug,
    {
      name: input.name,
      description: input.description ?? '',
      tier: input.tier,
      ownerTeamId,
      sloTarget: input.sloTarget,
      sloWindowDays: input.sloWindowDays ?? 30,
      tags: input.tags ?? [],
      runbookUrl: input.runbookUrl ?? null,
      dashboardUrl: input.dashboardUrl ?? null,
      openIncidentOnPage: input.openIncidentOnPage ?? false,
      check: { ...DEFAULT_CHECK, ...input.check },
    },
    who.at,
  )
  if (id === undefined) return { refused: 'slug_taken' } as const
  const stored = await findServiceConfig(trx, input.slug)
  if (!stored) throw new Error(`service ${input.slug} vanished after its insert`)
  await recordAudit(trx, who, {
    entity: 'service',
    entityId: id,
    action: 'create',
    changes: created(auditFields(stored.config)),
  })
  return { service: stored.config } as const
}
