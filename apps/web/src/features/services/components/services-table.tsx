import { Link } from 'react-router'
import { burnRateText, burnRateTone, latencyText, uptimeText } from '../budget.ts'
import { SORT_COLUMNS, type ServiceSort } from '../list-columns.ts'
import type { ListView } from '../list-view.ts'
import type { ServiceList, ServiceListItem } from '../queries.ts'
import { sloTargetLabel } from '../transform.ts'
import { BudgetBar } from './budget-bar.tsx'
import { DailyStrip } from './daily-strip.tsx'
import { StatusBadge } from './status-badge.tsx'

interface ServicesTableProps {
  list: ServiceList
  view: ListView
  onSort: (column: ServiceSort) => void
  /** The page's query string, carried into each service's link so Back returns to this view. */
  search: string
}

/** The fleet, one row a service; headers sort (server-side) and say which way. */
export function ServicesTable({ list, view, onSort, search }: ServicesTableProps) {
  const header = (column: ServiceSort) => <SortHeader column={column} view={view} onSort={onSort} />
  return (
    <div className="table-scroll">
      <table className="data services-table">
        <caption className="visually-hidden">
          Services, sorted by {sortCaption(view)}; uptime over 24 hours, 7 and 30 days, error budget
          over each service’s SLO window
        </caption>
        <thead>
          <tr>
            {header('status')}
            {header('name')}
            {header('tier')}
            <th scope="col" className="text">
              Team
            </th>
            {header('uptime24h')}
            {header('uptime7d')}
            {header('uptime30d')}
            {header('sloTarget')}
            {header('budgetRemaining')}
            {header('burnRate')}
            {header('p95')}
            <th scope="col" className="text">
              Last 90 days
            </th>
          </tr>
        </thead>
        <tbody>
          {list.services.map((s) => (
            <ServiceRow key={s.slug} service={s} days={list.days} search={search} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function ServiceRow(props: { service: ServiceListItem; days: string[]; search: string }) {
  const { service: s, days, search } = props
  const target = s.slo.target
  return (
    <tr>
      <td>
        <StatusBadge status={s.status} />
      </td>
      <th scope="row">
        <Link to={{ pathname: `/services/${s.slug}`, search }}>{s.name}</Link>
        {s.archivedAt ? <span className="muted"> (archived)</span> : null}
      </th>
      <td className="num">{s.tier}</td>
      <td className="team">{s.ownerTeam?.name ?? <span className="muted">none</span>}</td>
      <UptimeCell uptime={s.uptime.h24.uptime} target={target} />
      <UptimeCell uptime={s.uptime.d7.uptime} target={target} />
      <UptimeCell uptime={s.uptime.d30.uptime} target={target} />
      <td className="num">{sloTargetLabel(target, target)}</td>
      <td>
        <BudgetBar remainingShare={s.errorBudget.remainingShare} />
      </td>
      <td className={toneClass(burnRateTone(s.burnRate.window))}>
        {burnRateText(s.burnRate.window)}
      </td>
      <td className="num">{latencyText(s.p95LatencyMs)}</td>
      <td>
        <DailyStrip
          label={`${s.name}, last ${days.length} days`}
          days={days.map((day, i) => ({ day, uptime: s.daily[i] ?? null }))}
          target={target}
        />
      </td>
    </tr>
  )
}

const toneClass = (tone: 'bad' | undefined) => (tone ? `num tone-${tone}` : 'num')

/**
 * Below the SLO: red and marked "below SLO" in words, not by colour alone. A clean 100% reads
 * as such; anything short of it keeps the decimals that tell 99.95% from 99.999%.
 */
function UptimeCell({ uptime, target }: { uptime: number | null; target: number }) {
  const below = uptime !== null && uptime < target - 1e-12
  return (
    <td className={below ? 'num tone-bad' : 'num'}>
      {uptimeText(uptime)}
      {below ? (
        <span className="below-slo">
          {' '}
          <span aria-hidden="true">▾</span>
          <span className="visually-hidden"> (below SLO)</span>
        </span>
      ) : null}
    </td>
  )
}

function SortHeader(props: {
  column: ServiceSort
  view: ListView
  onSort: (c: ServiceSort) => void
}) {
  const { column, view, onSort } = props
  // Text columns read from the left; figures line up on the right.
  const left = column === 'name' || column === 'status'
  const { label, sub } = SORT_COLUMNS[column]
  const active = view.sort === column
  const direction = view.order === 'asc' ? 'ascending' : 'descending'
  return (
    <th
      scope="col"
      aria-sort={active ? direction : undefined}
      className={left ? 'text' : undefined}
    >
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        {sub ? (
          <>
            {' '}
            <span className="sort-sub">{sub}</span>
          </>
        ) : null}
        <span className="sort-mark" aria-hidden="true">
          {active ? (view.order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  )
}

function sortCaption(view: ListView) {
  const { label, sub } = SORT_COLUMNS[view.sort]
  return `${label}${sub ? ` ${sub}` : ''}, ${view.order === 'asc' ? 'ascending' : 'descending'}`
}
