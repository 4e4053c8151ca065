import { RAG_LABELS, RAG_STATUSES } from '@opsdeck/contract'
import type { ProjectsSummary } from './queries.ts'

type Thresholds = ProjectsSummary['thresholds']
type Level = Thresholds['red']

/** Projects per RAG status, red first, with the labels the tile shows. */
export function ragCounts(rag: ProjectsSummary['rag']) {
  return RAG_STATUSES.map((status) => ({ status, label: RAG_LABELS[status], count: rag[status] }))
}

/** Spend to date and the forecast as shares of the budget; n/a without a budget. */
export function budgetShares(b: Pick<ProjectsSummary, 'bac' | 'ac' | 'eac' | 'vac'>) {
  return {
    spent: share(b.ac, b.bac),
    forecast: share(b.eac, b.bac),
    overrun: b.vac < 0,
  }
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null)

/**
 * The RAG rule with the organisation's thresholds, in the words of KPI_DEFINITIONS.rag (which
 * states the defaults): `red when CPI < 0.85, SPI < 0.85 or EAC > 110% of BAC; amber when …`.
 */
export function ragRule(t: Thresholds): string {
  return `red when ${levelRule(t.red)}; amber when ${levelRule(t.amber)}; otherwise green`
}

const levelRule = (l: Level) =>
  `CPI < ${fewest(l.cpi, 2)}, SPI < ${fewest(l.spi, 2)} or EAC > ${fewest(l.eacOverBac * 100, 0)}% of BAC`

// At least `min` decimals, more only when the value needs them (0.875), as the reasons write them.
function fewest(x: number, min: number): string {
  for (let d = min; d < min + 3; d++) {
    if (Math.abs(Number(x.toFixed(d)) - x) < 1e-9) return x.toFixed(d)
  }
  return x.toFixed(min + 3)
}
