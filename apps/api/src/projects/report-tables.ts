import type { RagStatus } from '@opsdeck/kpi'
import type { ReportTable } from '../lib/report-section.ts'
import type { RatedProject } from './portfolio/figures.ts'
import type { Suppliers } from './suppliers/schemas.ts'

// The projects section's tables, from rows the report has already read and rated.

const RAG_ORDER: Record<RagStatus, number> = { red: 0, amber: 1, grey: 2, green: 3 }
const byRag = (a: RatedProject, b: RatedProject) =>
  RAG_ORDER[a.rag.status] - RAG_ORDER[b.rag.status] || a.project.code.localeCompare(b.project.code)

/** How many suppliers the report names. */
export const REPORT_SUPPLIERS = 10

/**
 * The started projects whose colour on the as-of day differs from the day before the period
 * (`from` null when the project had not started then), red first, with the rule that set it.
 */
export function ragChangesTable(
  now: readonly RatedProject[],
  before: readonly RatedProject[],
): ReportTable {
  const then = new Map(before.filter((r) => r.started).map((r) => [r.project.code, r.rag.status]))
  const rows = now
    .filter((r) => r.started && then.get(r.project.code) !== r.rag.status)
    .sort(byRag)
    .map((r) => ({
      code: r.project.code,
      name: r.project.name,
      from: then.get(r.project.code) ?? null,
      to: r.rag.status,
      reason: r.rag.reason,
      cpi: r.figures.cpi,
    }))
  return {
    key: 'ragChanges',
    title: 'RAG changes',
    columns: [
      { key: 'code', label: 'Code', unit: 'text' },
      { key: 'name', label: 'Project', unit: 'text' },
      { key: 'from', label: 'From', unit: 'text' },
      { key: 'to', label: 'To', unit: 'text' },
      { key: 'reason', label: 'Reason', unit: 'text' },
      { key: 'cpi', label: 'CPI', unit: 'index' },
    ],
    rows,
    empty: 'No project changed colour',
  }
}

/**
 * The projects at risk: the started ones that are red or amber, and any live one at risk from
 * capacity whatever its colour (one about to start too), red first, then amber, then by code.
 */
export function atRiskTable(
  live: readonly RatedProject[],
  risks: ReadonlyMap<string, string>,
): ReportTable {
  const rows = live
    .filter(
      (r) =>
        (r.started && (r.rag.status === 'red' || r.rag.status === 'amber')) ||
        risks.has(r.project.code),
    )
    .sort(byRag)
    .map((r) => ({
      code: r.project.code,
      name: r.project.name,
      rag: r.rag.status,
      reason: r.rag.reason,
      cpi: r.figures.cpi,
      spi: r.figures.spi,
      eac: r.figures.eac,
      capacityRisk: risks.get(r.project.code) ?? null,
    }))
  return {
    key: 'atRisk',
    title: 'Projects at risk',
    columns: [
      { key: 'code', label: 'Code', unit: 'text' },
      { key: 'name', label: 'Project', unit: 'text' },
      { key: 'rag', label: 'RAG', unit: 'text' },
      { key: 'reason', label: 'Reason', unit: 'text' },
      { key: 'cpi', label: 'CPI', unit: 'index' },
      { key: 'spi', label: 'SPI', unit: 'index' },
      { key: 'eac', label: 'EAC', unit: 'money' },
      { key: 'capacityRisk', label: 'Risk from capacity', unit: 'text' },
    ],
    rows,
    empty: 'No project is red or amber, or short of people',
  }
}

/** The largest suppliers by spend in the period, as the suppliers page lists them. */
export function suppliersTable(list: Suppliers['suppliers']): ReportTable {
  return {
    key: 'suppliers',
    title: 'Top suppliers',
    columns: [
      { key: 'supplier', label: 'Supplier', unit: 'text' },
      { key: 'spend', label: 'Spend', unit: 'money' },
      { key: 'share', label: 'Share', unit: 'share' },
      { key: 'projects', label: 'Projects', unit: 'count' },
    ],
    rows: list.slice(0, REPORT_SUPPLIERS).map((s) => ({
      supplier: s.supplier,
      spend: s.total,
      share: s.share,
      projects: s.projectCount,
    })),
    empty: 'No supplier spend in the period',
  }
}
