import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, created, diff, recordAudit } from '../../lib/audit.ts'
import {
  type GroupRow,
  type GroupValues,
  insertGroup,
  listGroups,
  lockComponents,
  setGroupArchived,
  setMembers,
  updateGroup,
} from './queries.ts'
import { type BusinessServicePatch, type NewBusinessService, ruleProblems } from './schemas.ts'

// The writes of business services, each with its audit row in one transaction. A business service
// that is not archived only ever has components that are not archived: creating, editing and
// restoring refuse archived ones, and archiving a component of one is refused.

interface Detail {
  path: string
  message: string
}

/** The component services by id, or the problems with `slugs` (unknown, archived) by index. */
async function resolveComponents(trx: Kysely<Database>, slugs: readonly string[]) {
  const rows = await lockComponents(trx, slugs)
  const bySlug = new Map(rows.map((r) => [r.slug, r]))
  const problems: Detail[] = []
  slugs.forEach((slug, i) => {
    const row = bySlug.get(slug)
    const path = `json.components.${i}`
    if (!row) problems.push({ path, message: `no service has the slug '${slug}'` })
    else if (row.archivedAt) problems.push({ path, message: `'${slug}' is archived` })
  })
  return problems.length ? { problems } : { ids: slugs.map((s) => bySlug.get(s)!.id) }
}

const auditFields = (v: GroupValues & { slug: string; components: readonly string[] }) => ({
  slug: v.slug,
  name: v.name,
  description: v.description,
  sloTarget: v.sloTarget,
  rule: v.rule,
  minUp: v.minUp,
  components: [...v.components].sort(),
})

export async function createBusinessService(
  trx: Kysely<Database>,
  input: NewBusinessService,
  who: AuditContext,
) {
  const resolved = await resolveComponents(trx, input.components)
  if (resolved.problems)
    return { refused: 'invalid_components', details: resolved.problems } as const
  const values: GroupValues = {
    name: input.name,
    description: input.description ?? '',
    sloTarget: input.sloTarget,
    rule: input.rule,
    minUp: input.rule === 'at_least' ? (input.minUp ?? null) : null,
  }
  const id = await insertGroup(trx, input.slug, values, who.at)
  if (id === undefined) return { refused: 'slug_taken' } as const
  await setMembers(trx, id, resolved.ids)
  await recordAudit(trx, who, {
    entity: 'business_service',
    entityId: id,
    action: 'create',
    changes: created(auditFields({ ...values, slug: input.slug, components: input.components })),
  })
  return { slug: input.slug } as const
}

export async function editBusinessService(
  db: Kysely<Database>,
  change: { slug: string; patch: BusinessServicePatch },
  who: AuditContext,
) {
  const { patch } = change
  return db.transaction().execute(async (trx) => {
    const [group] = await listGroups(trx, { slug: change.slug, forUpdate: true })
    if (!group) return { refused: 'not_found' } as const
    const rule = patch.rule ?? group.rule
    // Another rule than 'at_least' has no minimum: changing to one drops the old minimum.
    const minUp = patch.minUp !== undefined ? patch.minUp : rule === 'at_least' ? group.minUp : null
    const components = patch.components ?? group.components.map((c) => c.slug)
    const given = new Set(Object.keys(patch))
    const problems = ruleProblems({ rule, minUp, components }, given)
    if (problems.length) {
      const details = problems.map((p) => ({ path: `json.${p.field}`, message: p.message }))
      return { refused: 'invalid', details } as const
    }
    let ids = group.components.map((c) => c.id)
    if (patch.components) {
      const resolved = await resolveComponents(trx, patch.components)
      if (resolved.problems) {
        return { refused: 'invalid_components', details: resolved.problems } as const
      }
      ids = resolved.ids
    }
    const values: GroupValues = {
      name: patch.name ?? group.name,
      description: patch.description ?? group.description,
      sloTarget: patch.sloTarget ?? group.sloTarget,
      rule,
      minUp,
    }
    const changes = diff(
      auditFields({ ...group, components: group.components.map((c) => c.slug) }),
      auditFields({ ...values, slug: group.slug, components }),
    )
    if (Object.keys(changes).length === 0) return { slug: group.slug } as const
    await updateGroup(trx, group.id, values)
    if (changes.components) await setMembers(trx, group.id, ids)
    await recordAudit(trx, who, {
      entity: 'business_service',
      entityId: group.id,
      action: 'update',
      changes,
    })
    return { slug: group.slug } as const
  })
}

/** Archives (`archived: true`) or restores one; again is no change. Never deletes. */
export async function archiveBusinessService(
  db: Kysely<Database>,
  change: { slug: string; archived: boolean },
  who: AuditContext,
) {
  return db.transaction().execute(async (trx) => {
    const [group] = await listGroups(trx, { slug: change.slug, forUpdate: true })
    if (!group) return { refused: 'not_found' } as const
    if ((group.archivedAt !== null) === change.archived) return { slug: group.slug } as const
    if (!change.archived) {
      const archived = await archivedComponents(trx, group)
      if (archived.length) return { refused: 'archived_components', archived } as const
    }
    const was = group.archivedAt?.toISOString() ?? null
    await setGroupArchived(trx, group.id, change.archived ? who.at : null)
    await recordAudit(trx, who, {
      entity: 'business_service',
      entityId: group.id,
      action: change.archived ? 'archive' : 'restore',
      changes: { archivedAt: { from: was, to: change.archived ? who.at.toISOString() : null } },
    })
    return { slug: group.slug } as const
  })
}

// Locked, so that none is archived while the business service comes back.
async function archivedComponents(trx: Kysely<Database>, group: GroupRow) {
  const rows = await lockComponents(
    trx,
    group.components.map((c) => c.slug),
  )
  return rows.filter((r) => r.archivedAt !== null).map((r) => r.slug)
}
