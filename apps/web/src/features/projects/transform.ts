import type { ProjectsSummary } from './queries.ts'

/** Projects per RAG status, red first, with the labels the tile shows. */
export function ragCounts(rag: ProjectsSummary['rag']) {
  return (
    [
      ['red', 'Red'],
      ['amber', 'Amber'],
      ['green', 'Green'],
      ['grey', 'Not rated'],
    ] as const
  ).map(([status, label]) => ({ status, label, count: rag[status] }))
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
