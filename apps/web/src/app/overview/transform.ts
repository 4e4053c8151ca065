import { ATTENTION_SEVERITIES } from '@opsdeck/contract'
import { type RangeSpec, withRange } from '../../lib/range.ts'
import type { Overview } from './queries.ts'

/** Nothing in any area: the page shows one "how to add data" state instead of four empty tiles. */
export function isEmptyOverview(o: Overview): boolean {
  return (
    o.services.total === 0 &&
    o.budgets.projects === 0 &&
    o.capacity.teams.length === 0 &&
    o.incidents.open.total === 0 &&
    o.incidents.startedInRange === 0
  )
}

type AttentionItem = Overview['attention'][number]

/**
 * An item's link, keeping the range being viewed (`/services/checkout?range=7d`) and the item's own
 * query (`/capacity?team=infra&range=7d`).
 */
export function attentionLink(href: string, range: RangeSpec) {
  const at = href.indexOf('?')
  const [pathname, query] = at < 0 ? [href, ''] : [href.slice(0, at), href.slice(at + 1)]
  return { pathname, search: `?${withRange(new URLSearchParams(query), range).toString()}` }
}

/** `2 critical · 1 warning`, in severity order, leaving out severities with none. */
export function attentionCounts(items: readonly AttentionItem[]): string {
  return ATTENTION_SEVERITIES.map((severity) => {
    const n = items.filter((i) => i.severity === severity).length
    return n === 0 ? null : `${n} ${severity}${severity === 'warning' && n > 1 ? 's' : ''}`
  })
    .filter((s) => s !== null)
    .join(' · ')
}
