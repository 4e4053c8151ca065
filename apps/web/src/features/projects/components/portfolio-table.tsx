import { PROJECT_STATUS_LABELS, RAG_LABELS } from '@opsdeck/contract'
import { Link } from 'react-router'
import { HowComputed } from '../../../components/ui/how-computed.tsx'
import { InfoTip } from '../../../components/ui/info-tip.tsx'
import { formatDay, formatMoney, formatNumber, formatPercent, NA } from '../../../lib/format.ts'
import { indexText, indexTone, sortProjects } from '../portfolio-transform.ts'
import { CapacityRisk } from './capacity-risk.tsx'
import { nextSort, type PortfolioSort, type PortfolioView } from '../portfolio-view.ts'
import type { Portfolio, PortfolioProject } from '../queries.ts'

interface PortfolioTableProps {
  portfolio: Portfolio
  view: PortfolioView
  onView: (view: PortfolioView) => void
  /** The page's query string, carried into each project's link so Back returns to this view. */
  search: string
}

// Words read from the left; figures line up on the right.
const COLUMNS: Record<PortfolioSort, { label: string; text?: true }> = {
  project: { label: 'Project', text: true },
  status: { label: 'Status', text: true },
  owner: { label: 'Owner', text: true },
  bac: { label: 'BAC' },
  ac: { label: 'AC' },
  spent: { label: '% spent' },
  complete: { label: '% complete' },
  cpi: { label: 'CPI' },
  spi: { label: 'SPI' },
  eac: { label: 'EAC' },
  vac: { label: 'VAC' },
  rag: { label: 'RAG', text: true },
  finish: { label: 'Forecast finish', text: true },
}

const TOTALS_HOW = (
  <HowComputed
    scope="Every project listed, as of the day shown. % spent = AC / BAC of the sums."
    kpis={['portfolioEvm', 'forecastCost']}
  />
)

/** The portfolio, one row a project, sortable by every column, with the roll-up as its last row. */
export function PortfolioTable({ portfolio, view, onView, search }: PortfolioTableProps) {
  const rows = sortProjects(portfolio.projects, view.sort, view.order)
  const money = (v: number | null) => formatMoney(v, portfolio.currency)
  const { totals } = portfolio
  const order = view.order === 'asc' ? 'ascending' : 'descending'
  return (
    <div className="table-scroll">
      <table className="data portfolio-table">
        <caption className="visually-hidden">
          Portfolio, sorted by {COLUMNS[view.sort].label}, {order}; the last row totals them
        </caption>
        <thead>
          <tr>
            {(Object.keys(COLUMNS) as PortfolioSort[]).map((column) => (
              <th
                key={column}
                scope="col"
                className={COLUMNS[column].text ? 'text' : undefined}
                aria-sort={view.sort === column ? order : undefined}
              >
                <button
                  type="button"
                  className="sort-button"
                  onClick={() => onView(nextSort(view, column))}
                >
                  {COLUMNS[column].label}
                  <span className="sort-mark" aria-hidden="true">
                    {view.sort === column ? (view.order === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <ProjectRow key={p.code} project={p} money={money} search={search} />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">
              Portfolio <InfoTip label="How the portfolio row is computed" text={TOTALS_HOW} />
            </th>
            <td colSpan={2}>
              {formatNumber(totals.projects)} {totals.projects === 1 ? 'project' : 'projects'}
            </td>
            <td className="num">{money(totals.bac)}</td>
            <td className="num">{money(totals.ac)}</td>
            <td className="num">{formatPercent(totals.spentShare)}</td>
            <NotTotalled />
            <td className={tone(totals.cpi)}>{indexText(totals.cpi)}</td>
            <td className={tone(totals.spi)}>{indexText(totals.spi)}</td>
            <td className="num">{money(totals.eac)}</td>
            <td className={totals.vac < 0 ? 'num tone-bad' : 'num'}>{money(totals.vac)}</td>
            <NotTotalled />
            <NotTotalled />
          </tr>
        </tfoot>
      </table>
    </div>
  )
}

function ProjectRow(props: {
  project: PortfolioProject
  money: (v: number | null) => string
  search: string
}) {
  const { project: p, money, search } = props
  return (
    <tr>
      <th scope="row">
        <Link to={{ pathname: `/projects/${encodeURIComponent(p.code)}`, search }}>
          <span className="project-code">{p.code}</span> {p.name}
        </Link>
      </th>
      <td>{PROJECT_STATUS_LABELS[p.status]}</td>
      <td>{p.owner?.name ?? <span className="muted">none</span>}</td>
      <td className="num">{money(p.bac)}</td>
      <td className="num">{money(p.ac)}</td>
      <td className={p.spentShare !== null && p.spentShare > 1 ? 'num tone-bad' : 'num'}>
        {formatPercent(p.spentShare)}
      </td>
      <td className="num">
        {p.percentComplete === null ? NA : formatPercent(p.percentComplete / 100)}
      </td>
      <td className={tone(p.cpi)}>{indexText(p.cpi)}</td>
      <td className={tone(p.spi)}>{indexText(p.spi)}</td>
      <td className="num">{money(p.eac)}</td>
      <td className={p.vac !== null && p.vac < 0 ? 'num tone-bad' : 'num'}>{money(p.vac)}</td>
      <td className="rag-cell">
        <span className={`chip rag-${p.rag.status}`}>
          <span className="dot" aria-hidden="true" />
          {RAG_LABELS[p.rag.status]}
        </span>{' '}
        <span className="rag-reason">{p.rag.reason}</span>
        {p.capacityRisk ? (
          <>
            {' '}
            <CapacityRisk risk={p.capacityRisk} />
          </>
        ) : null}
      </td>
      <td>
        {p.forecastFinish ? formatDay(p.forecastFinish) : NA}
        {p.finishLate ? (
          <span className="tone-bad">
            {' '}
            late<span className="visually-hidden">, due to end {formatDay(p.endDate)}</span>
          </span>
        ) : null}
      </td>
    </tr>
  )
}

const tone = (v: number | null) => (indexTone(v) ? 'num tone-bad' : 'num')

// A figure the roll-up does not give (a % complete, a colour, a date): nothing to total.
function NotTotalled() {
  return (
    <td>
      <span className="visually-hidden">not totalled</span>
    </td>
  )
}
