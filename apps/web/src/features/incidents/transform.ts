import { SEVERITIES, SEVERITY_LABELS } from '@opsdeck/contract'
import type { IncidentsSummary } from './queries.ts'

/** Open incidents per severity, most severe first, zeros included so the row never shifts. */
export function severityCounts(open: IncidentsSummary['open']) {
  return SEVERITIES.map((severity) => ({
    severity,
    label: SEVERITY_LABELS[severity],
    count: open[severity],
  }))
}
