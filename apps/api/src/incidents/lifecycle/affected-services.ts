import type { IncidentImpact } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { findServicesBySlug } from './queries.ts'

interface Detail {
  path: string
  message: string
}

export type AffectedServices =
  | { links: { serviceId: number; slug: string; impact: IncidentImpact }[] }
  | { refused: 'unknown_service' | 'service_archived'; slugs: string[]; details: Detail[] }

/**
 * The services an incident names, by slug, as rows to link. Refused, naming each slug, when one
 * is no service's, or is archived and not already linked (`kept`: an incident may keep a service
 * archived since, but a new incident cannot be about one that left the catalogue).
 */
export async function affectedServices(
  db: Kysely<Database>,
  list: { slug: string; impact: IncidentImpact }[],
  kept: ReadonlySet<number> = new Set(),
): Promise<AffectedServices> {
  const found = new Map(
    (
      await findServicesBySlug(
        db,
        list.map((s) => s.slug),
      )
    ).map((s) => [s.slug, s]),
  )
  const refuse = (code: 'unknown_service' | 'service_archived', message: string) => {
    const bad = list
      .map((s, i) => ({ s, i, row: found.get(s.slug) }))
      .filter(({ row }) =>
        code === 'unknown_service' ? !row : row && row.archivedAt !== null && !kept.has(row.id),
      )
    if (bad.length === 0) return null
    return {
      refused: code,
      slugs: bad.map(({ s }) => s.slug),
      details: bad.map(({ i }) => ({ path: `json.services.${i}.slug`, message })),
    }
  }
  const refused =
    refuse('unknown_service', 'is no service’s slug') ??
    refuse('service_archived', 'is an archived service')
  if (refused) return refused
  return {
    links: list.map((s) => ({ serviceId: found.get(s.slug)!.id, slug: s.slug, impact: s.impact })),
  }
}

/** `api (outage), web (degraded)`, by slug: how the timeline and the audit read a list. */
export function describeServices(list: { slug: string; impact: IncidentImpact }[]) {
  const sorted = [...list].sort((a, b) => a.slug.localeCompare(b.slug))
  return sorted.length ? sorted.map((s) => `${s.slug} (${s.impact})`).join(', ') : 'none'
}
