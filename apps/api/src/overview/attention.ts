import { ATTENTION_AREAS, ATTENTION_SEVERITIES } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { capacityAttention } from '../capacity/attention.ts'
import { incidentsAttention } from '../incidents/attention.ts'
import type { AttentionItem, AttentionProvider } from '../lib/attention.ts'
import type { Scope } from '../lib/scope.ts'
import { projectsAttention } from '../projects/attention.ts'
import { servicesAttention } from '../services/attention.ts'

// Each area's "needs attention" provider: an area adds its items by adding its provider here.
const PROVIDERS: readonly AttentionProvider[] = [
  servicesAttention,
  incidentsAttention,
  projectsAttention,
  capacityAttention,
]

/** Every area's items for now, in one ranked list. */
export async function needsAttention(db: Kysely<Database>, scope: Scope) {
  const lists = await Promise.all(PROVIDERS.map((provide) => provide(db, scope)))
  return rankAttention(lists.flat())
}

/**
 * Most urgent first: by severity, then by area (the Overview's order), then longest-standing
 * first (an item without a start comes after those with one), then by title and reason, so that
 * the order is the same on every request.
 */
export function rankAttention(items: readonly AttentionItem[]): AttentionItem[] {
  const since = (i: AttentionItem) => (i.since === null ? Infinity : Date.parse(i.since))
  return [...items].sort(
    (a, b) =>
      ATTENTION_SEVERITIES.indexOf(a.severity) - ATTENTION_SEVERITIES.indexOf(b.severity) ||
      ATTENTION_AREAS.indexOf(a.area) - ATTENTION_AREAS.indexOf(b.area) ||
      since(a) - since(b) ||
      a.title.localeCompare(b.title, 'en') ||
      a.reason.localeCompare(b.reason, 'en'),
  )
}
