import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { HowComputed } from '../../components/ui/how-computed.tsx'
import { InfoTip } from '../../components/ui/info-tip.tsx'
import { EmptyState, Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { formatDay } from '../../lib/format.ts'
import { useSearchView } from '../../lib/use-search-view.ts'
import { DEFAULT_CAPACITY_VIEW, parseCapacityView, withCapacityView } from './capacity-view.ts'
import { CapacityFilters } from './components/capacity-filters.tsx'
import {
  CoverPanel,
  ForecastPanel,
  OverallocationsPanel,
  RunChangeSection,
} from './components/capacity-panels.tsx'
import { CapacitySection } from './components/capacity-section.tsx'
import { Heatmap } from './components/heatmap.tsx'
import { HeatmapLegend } from './components/heatmap-legend.tsx'
import { capacityQueries } from './queries.ts'
import './capacity.css'

const HOW = (
  <HowComputed
    scope="ISO weeks (Monday to Sunday), 12 back and 12 ahead of this week, whatever the range above; a team’s week is the sum of its people’s days in it."
    kpis={[
      'effectiveCapacity',
      'bookingRule',
      'utilization',
      'incidentToil',
      'coverRisk',
      'runChangeSplit',
    ]}
  />
)

interface CapacityPageProps {
  /** Managers and admins import people and allocations; viewers only read. */
  canManage: boolean
}

/** Team capacity: the utilization heatmap, who is over-allocated, cover risk, forecast, run vs change. */
export function CapacityPage({ canManage }: CapacityPageProps) {
  const { view, setView, key } = useSearchView(parseCapacityView, withCapacityView)
  const query = useQuery({ ...capacityQueries.grid(view), placeholderData: keepPreviousData })
  const teams = useQuery(capacityQueries.teams())
  const roles = useQuery(capacityQueries.roles())
  const { data, isPending, isFetching, isPlaceholderData } = query
  const updating = isFetching && isPlaceholderData
  const search = key ? `?${key}` : ''
  const filtered = view.team !== null || view.role !== null

  return (
    <div className="page capacity-page">
      <title>Capacity · opsdeck</title>
      <header className="page-head">
        <div>
          <h1>Capacity</h1>
          <p className="muted">
            Utilization by team and week
            {data ? `, ${formatDay(data.from)} to ${formatDay(data.to)}` : ''}{' '}
            <InfoTip label="How the capacity figures are computed" text={HOW} />
          </p>
        </div>
        <div className="page-actions">
          <span className="status-text" role="status">
            {updating ? 'Updating…' : ''}
          </span>
          <Link to="/capacity/people">People</Link>
          <Link to="/capacity/settings">Teams and calendar</Link>
          {canManage ? <Link to={{ pathname: '/capacity/import', search }}>Import CSV</Link> : null}
        </div>
      </header>
      <CapacityFilters
        view={view}
        teams={teams.data ?? []}
        roles={roles.data ?? []}
        onChange={setView}
      />
      <CapacitySection
        title="Utilization by week"
        scope={`Booked hours over effective capacity per ISO week${view.tentative ? ', tentative work included (the what-if)' : ', confirmed work only'}.`}
        kpis={['utilization', 'effectiveCapacity', 'bookingRule']}
      >
        <QueryErrorState title="Could not load the heatmap" query={query} />
        {isPending ? <Loading label="Loading the heatmap…" lines={8} /> : null}
        {data && !query.error && data.teams.length === 0 ? (
          filtered ? (
            <EmptyState title="No one matches these filters">
              <p>
                <button
                  type="button"
                  className="button-link"
                  onClick={() => setView({ ...DEFAULT_CAPACITY_VIEW, tentative: view.tentative })}
                >
                  Show every team and role
                </button>{' '}
                or choose another.
              </p>
            </EmptyState>
          ) : (
            <EmptyState title="No teams yet">
              <p>
                Add teams and their people with contracted hours, then allocate them to work. To
                explore first, load the demo data with <code>pnpm db:seed</code>.
              </p>
            </EmptyState>
          )
        ) : null}
        {data && !query.error && data.teams.length > 0 ? (
          <div aria-busy={updating} data-updating={updating || undefined} className="capacity-fade">
            <HeatmapLegend />
            <Heatmap grid={data} search={search} />
          </div>
        ) : null}
      </CapacitySection>
      <OverallocationsPanel tentative={view.tentative} search={search} />
      <CoverPanel />
      <ForecastPanel />
      <RunChangeSection team={view.team} />
    </div>
  )
}
