import { lazy } from 'react'
import { ChartFrame } from '../../../components/ui/chart-frame.tsx'
import { formatMoney, formatPercent } from '../../../lib/format.ts'
import { categoryRows, categorySummary, spendTypeRows, type SplitRow } from '../detail-transform.ts'
import type { ProjectEvm } from '../queries.ts'
import { Key } from './project-charts.tsx'

const CategoryChart = lazy(() => import('./category-chart.tsx'))

/** Budget against actual cost to date by category and by capex/opex: a table and a chart. */
export function CategoryBreakdown({ evm }: { evm: ProjectEvm }) {
  const { currency } = evm
  const categories = categoryRows(evm.categories)
  const types = spendTypeRows(evm.spendTypes)
  if (categories.length === 0) {
    return <p className="muted">No budget lines or cost entries yet.</p>
  }
  return (
    <div className="category-breakdown">
      <div>
        <SplitTable
          caption="Budget and actual cost by category"
          rows={categories}
          currency={currency}
        />
        <SplitTable
          caption="Budget and actual cost by capex and opex"
          rows={types}
          currency={currency}
        />
      </div>
      <ChartFrame
        height={Math.max(140, 34 * categories.length + 30)}
        summary={categorySummary(categories, currency)}
        caption={
          <span className="legend">
            <Key color="var(--accent-soft)">Budget</Key>
            <Key color="var(--accent)">Actual to date</Key>
          </span>
        }
      >
        <CategoryChart data={categories} currency={currency} />
      </ChartFrame>
    </div>
  )
}

function SplitTable(props: { caption: string; rows: readonly SplitRow[]; currency: string }) {
  const { caption, rows, currency } = props
  return (
    <div className="table-scroll">
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="text">
              {caption.endsWith('category') ? 'Category' : 'Spend type'}
            </th>
            <th scope="col">Budget</th>
            <th scope="col">Actual</th>
            <th scope="col">% spent</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td className="num">{formatMoney(r.budget, currency)}</td>
              <td className="num">{formatMoney(r.actual, currency)}</td>
              <td className={r.spent !== null && r.spent > 1 ? 'num tone-bad' : 'num'}>
                {formatPercent(r.spent)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
