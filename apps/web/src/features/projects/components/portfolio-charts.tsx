import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { lazy, type ReactNode, useId } from 'react'
import { ChartFrame } from '../../../components/ui/chart-frame.tsx'
import { EmptyState, Loading, QueryErrorState } from '../../../components/ui/states.tsx'
import { formatDay, formatMoney } from '../../../lib/format.ts'
import type { RangeSpec } from '../../../lib/range.ts'
import {
  budgetVsEac,
  budgetVsEacSummary,
  capexOpexRows,
  capexOpexSummary,
  supplierRows,
  supplierSummary,
} from '../portfolio-transform.ts'
import { type Portfolio, projectsQueries } from '../queries.ts'

const PortfolioBudgetChart = lazy(() => import('./portfolio-budget-chart.tsx'))
const PortfolioCapexChart = lazy(() => import('./portfolio-capex-chart.tsx'))
const PortfolioSupplierChart = lazy(() => import('./portfolio-supplier-chart.tsx'))

/** Budget against forecast per project, capex and opex, and spend by supplier over the range. */
export function PortfolioCharts({ portfolio, range }: { portfolio: Portfolio; range: RangeSpec }) {
  const { currency } = portfolio
  const budget = budgetVsEac(portfolio.projects)
  const split = capexOpexRows(portfolio.capexOpex)
  return (
    <div className="portfolio-charts">
      <ChartPanel title="Budget and forecast by project">
        <ChartFrame
          height={Math.max(160, 28 * budget.length + 40)}
          summary={budgetVsEacSummary(budget, currency)}
          caption={
            <span className="legend">
              <Key color="var(--accent-soft)">Budget (BAC)</Key>
              <Key color="var(--accent)">Forecast (EAC)</Key>
              <Key color="var(--bad)">Forecast over budget</Key>
            </span>
          }
        >
          <PortfolioBudgetChart data={budget} currency={currency} />
        </ChartFrame>
      </ChartPanel>
      <ChartPanel title="Capex and opex">
        <ChartFrame
          height={220}
          summary={capexOpexSummary(split, currency)}
          caption={
            <span className="legend">
              <Key color="var(--accent-soft)">Budget</Key>
              <Key color="var(--accent)">Actual to date</Key>
            </span>
          }
        >
          <PortfolioCapexChart data={split} currency={currency} />
        </ChartFrame>
      </ChartPanel>
      <SupplierPanel range={range} />
    </div>
  )
}

// The range's spend on every project, whatever the status filter: the vendor view.
function SupplierPanel({ range }: { range: RangeSpec }) {
  const query = useQuery({ ...projectsQueries.suppliers(range), placeholderData: keepPreviousData })
  const { data } = query
  const rows = data ? supplierRows(data.top) : []
  return (
    <ChartPanel title="Spend by supplier">
      <QueryErrorState title="Could not load the supplier spend" query={query} />
      {query.isPending ? <Loading label="Loading the supplier spend…" lines={4} /> : null}
      {data && !query.error && rows.length === 0 ? (
        <EmptyState title="No spend in this range">
          <p>No cost entries are dated in the range chosen.</p>
        </EmptyState>
      ) : null}
      {data && !query.error && rows.length > 0 ? (
        <ChartFrame
          height={Math.max(160, 24 * rows.length + 40)}
          summary={supplierSummary(rows, data.currency)}
          caption={`The ten largest suppliers and the rest as Other, on every project, ${formatDay(data.from)} to ${formatDay(data.to)}: ${formatMoney(data.total, data.currency)} in all.`}
        >
          <PortfolioSupplierChart data={rows} currency={data.currency} />
        </ChartFrame>
      ) : null}
    </ChartPanel>
  )
}

function ChartPanel({ title, children }: { title: string; children: ReactNode }) {
  const id = useId()
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}

function Key({ color, children }: { color: string; children: ReactNode }) {
  return (
    <span>
      <span className="key" style={{ background: color }} aria-hidden="true" />
      {children}
    </span>
  )
}
