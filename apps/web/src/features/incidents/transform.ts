import { SEVERITIES, SEVERITY_LABELS, type Severity } from '@opsdeck/contract'
import type { IncidentsSummary } from './queries.ts'

/** Open incidents per severity, most severe first, zeros included so the row never shifts. */
export function severityCounts(open: IncidentsSummary['open']) {
  return SEVERITIES.map((severity) => ({
    severity,
    label: SEVERITY_LABELS[severity],
    count: open[severity],
  }))
}

/** The filters the Incidents list reads from its URL (`?status=open&severity=SEV1`). */
export interface IncidentsLinkFilter {
  status?: 'open'
  severity?: Severity
}

/**
 * A link to the Incidents list with these filters, keeping the rest of `search` (the range being
 * viewed) as the Services tile's links do; filters not given are cleared, not inherited.
 */
export function incidentsLink(search: string, filter: IncidentsLinkFilter = {}) {
  const params = new URLSearchParams(search)
  for (const key of ['status', 'severity'] as const) {
    const value = filter[key]
    if (value) params.set(key, value)
    else params.delete(key)
  }
  const query = params.toString()
  return { pathname: '/incidents', search: query ? `?${query}` : '' }
}
