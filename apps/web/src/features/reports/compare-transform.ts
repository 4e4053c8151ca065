import { NA } from '../../lib/format.ts'
import type { ReportFigure, ReportSection, Snapshot } from './queries.ts'
import { formatValue } from './transform.ts'

// Two frozen reports side by side: sections matched by area, figures by key, A's order first and
// then what only B has. The difference is B − A (points for a share). Pure, tested beside.

export const ABSENT = '—'

type Side = Pick<Snapshot, 'report'>
type Verdict = 'better' | 'worse' | 'same' | 'neutral'

export interface CompareRow {
  key: string
  label: string
  a: string
  b: string
  /** "+0.03 pts", "−£12k", "+2"; "—" when either side has no figure to subtract. */
  difference: string
  /** Read from the figure's `better`; null without a difference. */
  verdict: Verdict | null
}

export interface CompareSection {
  area: ReportSection['area']
  title: string
  rows: CompareRow[]
}

/** Every section either report has, each with every figure either has. */
export function compareReports(a: Side, b: Side): CompareSection[] {
  const inA = new Set(a.report.sections.map((s) => s.area))
  const sections = [...a.report.sections, ...b.report.sections.filter((s) => !inA.has(s.area))]
  const find = (side: Side, area: string) => side.report.sections.find((s) => s.area === area)
  return sections.map(({ area, title }) => ({
    area,
    title: find(b, area)?.title ?? title,
    rows: pairFigures(find(a, area)?.figures ?? [], find(b, area)?.figures ?? []).map(([fa, fb]) =>
      compareFigure(fa, fb, a.report.currency, b.report.currency),
    ),
  }))
}

function pairFigures(a: ReportFigure[], b: ReportFigure[]) {
  const byKey = new Map(b.map((f) => [f.key, f]))
  return [
    ...a.map((f) => [f, byKey.get(f.key)] as const),
    ...b.filter((f) => !a.some((x) => x.key === f.key)).map((f) => [undefined, f] as const),
  ]
}

/** One figure in both reports; either may be missing. */
export function compareFigure(
  fa: ReportFigure | undefined,
  fb: ReportFigure | undefined,
  currencyA: string,
  currencyB: string,
): CompareRow {
  const f = fb ?? fa
  if (!f) throw new Error('compareFigure needs a figure on at least one side')
  const show = (x: ReportFigure | undefined, currency: string) =>
    x ? formatValue(x.value, x.unit, currency, x.key) : ABSENT
  const row = { key: f.key, label: f.label, a: show(fa, currencyA), b: show(fb, currencyB) }
  const comparable =
    fa && fb && fa.unit === fb.unit && (fa.unit !== 'money' || currencyA === currencyB)
  if (!comparable || fa.value === null || fb.value === null) {
    return { ...row, difference: ABSENT, verdict: null }
  }
  const delta = fb.value - fa.value
  return {
    ...row,
    difference: signed(delta, fb, currencyB),
    verdict: verdictOf(delta, fb.better),
  }
}

export function verdictOf(delta: number, better: ReportFigure['better']): Verdict {
  if (delta === 0) return 'same'
  if (better === 'neither') return 'neutral'
  return delta > 0 === (better === 'higher') ? 'better' : 'worse'
}

// Availability to hundredths of a point, other shares to tenths, the rest in the figure's unit.
function signed(delta: number, f: ReportFigure, currency: string): string {
  if (delta === 0) return 'No change'
  const sign = delta > 0 ? '+' : '−'
  if (f.unit === 'share') {
    const decimals = /^availability|sloTarget/.test(f.key) ? 2 : 1
    const shown = (Math.abs(delta) * 100).toFixed(decimals)
    const tiny = Number(shown) === 0 ? `<${(10 ** -decimals).toFixed(decimals)}` : shown
    return `${sign}${tiny} pts`
  }
  const size = formatValue(Math.abs(delta), f.unit, currency, f.key)
  return size === NA ? ABSENT : `${sign}${size}`
}
