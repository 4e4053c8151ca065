import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { CheckSettings } from './check-rules.ts'
import type { ServiceConfig } from './schemas.ts'

/** A service's catalogue fields as stored, with the ids (never sent) the writes that follow need. */
export async function findServiceConfig(
  db: Kysely<Database>,
  slug: string,
  opts: { forUpdate?: boolean } = {},
) {
  let query = db
    .selectFrom('services as s')
    .leftJoin('teams as t', 't.id', 's.ownerTeamId')
    .select([
      's.id',
      's.slug',
      's.name',
      's.description',
      's.tier',
      's.ownerTeamId',
      't.slug as teamSlug',
      't.name as teamName',
      's.sloTarget',
      's.sloWindowDays',
      's.tags',
      's.runbookUrl',
      's.dashboardUrl',
      's.openIncidentOnPage',
      's.checkMode',
      's.checkKind',
      's.checkEnabled',
      's.checkUrl',
      's.checkMethod',
      's.checkExpectedStatuses',
      's.checkKeyword',
      's.checkHost',
      's.checkPort',
      's.checkIntervalSeconds',
      's.checkTimeoutMs',
      's.degradedLatencyMs',
      's.archivedAt',
      's.createdAt',
      's.updatedAt',
    ])
    .where('s.slug', '=', slug)
  // Locks the service row only: two edits of one service queue, neither loses the other's change.
  if (opts.forUpdate) query = query.forUpdate('s')
  const r = await query.executeTakeFirst()
  if (!r) return undefined
  const check: CheckSettings = {
    mode: r.checkMode,
    kind: r.checkKind,
    enabled: r.checkEnabled,
    url: r.checkUrl,
    method: r.checkMethod as CheckSettings['method'],
    expectedStatuses: r.checkExpectedStatuses,
    keyword: r.checkKeyword,
    host: r.checkHost,
    port: r.checkPort,
    intervalSeconds: r.checkIntervalSeconds,
    timeoutMs: r.checkTimeoutMs,
    degradedLatencyMs: r.degradedLatencyMs,
  }
  const config = {
    slug: r.slug,
    name: r.name,
    description: r.description,
    tier: r.tier,
    ownerTeam:
      r.teamSlug !== null && r.teamName !== null ? { slug: r.teamSlug, name: r.teamName } : null,
    sloTarget: r.sloTarget,
    sloWindowDays: r.sloWindowDays,
    tags: r.tags,
    runbookUrl: r.runbookUrl,
    dashboardUrl: r.dashboardUrl,
    openIncidentOnPage: r.openIncidentOnPage,
    check,
    archivedAt: r.archivedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  } satisfies ServiceConfig
  return { id: r.id, ownerTeamId: r.ownerTeamId, config }
}

export type StoredService = NonNullable<Awaited<ReturnType<typeof findServiceConfig>>>

/** The fields a write sets, as the columns name them. */
export interface ServiceValues {
  name: string
  description: string
  tier: number
  ownerTeamId: number | null
  sloTarget: number
  sloWindowDays: number
  tags: string[]
  runbookUrl: string | null
  dashboardUrl: string | null
  openIncidentOnPage: boolean
  check: CheckSettings
}

function columns(v: ServiceValues) {
  const { check, ...rest } = v
  return {
    ...rest,
    checkMode: check.mode,
    checkKind: check.kind,
    checkEnabled: check.enabled,
    checkUrl: check.url,
    checkMethod: check.method,
    checkExpectedStatuses: check.expectedStatuses,
    checkKeyword: check.keyword,
    checkHost: check.host,
    checkPort: check.port,
    checkIntervalSeconds: check.intervalSeconds,
    checkTimeoutMs: check.timeoutMs,
    degradedLatencyMs: check.degradedLatencyMs,
  }
}

/** The new service's id, or undefined when the slug is taken. */
export async function insertService(
  db: Kysely<Database>,
  slug: string,
  values: ServiceValues,
  now: Date,
) {
  const row = await db
    .insertInto('services')
    .values({ slug, ...columns(values), createdAt: now, updatedAt: now })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id
}

export async function updateService(
  db: Kysely<Database>,
  id: number,
  values: ServiceValues,
  now: Date,
) {
  await db
    .updateTable('services')
    .set({ ...columns(values), updatedAt: now })
    .where('id', '=', id)
    .execute()
}

export async function setServiceArchived(
  db: Kysely<Database>,
  id: number,
  archivedAt: Date | null,
  now: Date,
) {
  await db
    .updateTable('services')
    .set({ archivedAt, updatedAt: now })
    .where('id', '=', id)
    .execute()
}

/** The team's id, or undefined when no team has the slug. */
export async function findTeamId(db: Kysely<Database>, slug: string) {
  const row = await db.selectFrom('teams').select('id').where('slug', '=', slug).executeTakeFirst()
  return row?.id
}

/** A changed check is run next by the prober, not at the old schedule (the prober owns the rows). */
export async function checkDueNow(db: Kysely<Database>, serviceId: number, now: Date) {
  await db
    .updateTable('checkSchedule')
    .set({ nextDueAt: now })
    .where('serviceId', '=', serviceId)
    .execute()
}

/** The business services, not archived, that have the service as a component. */
export async function activeGroupsWith(db: Kysely<Database>, serviceId: number) {
  const rows = await db
    .selectFrom('serviceGroupMembers as m')
    .innerJoin('serviceGroups as g', 'g.id', 'm.groupId')
    .select('g.slug')
    .where('m.serviceId', '=', serviceId)
    .where('g.archivedAt', 'is', null)
    .orderBy('g.slug')
    .execute()
  return rows.map((r) => r.slug)
}
