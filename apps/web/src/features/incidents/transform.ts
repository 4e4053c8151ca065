import type { IncidentsSummary } from './queries.ts'

const SEVERITIES = [
  ['SEV1', 'Critical'],
  ['SEV2', 'Major'],
  ['SEV3', 'Minor'],
  ['SEV4', 'Low'],
] as const

/** Open incidents per severity, most severe first, zeros included so the row never shifts. */
export function severityCounts(open: IncidentsSummary['open']) {
  return SEVERITIES.map(([severity, label]) => ({ severity, label, count: open[severity] }))
}
