import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Link } from 'react-router'
import { EmptyState, Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { describeRange } from '../../lib/range.ts'
import { useRange } from '../../lib/use-range.ts'
import { useSearchView } from '../../lib/use-search-view.ts'
import {
  hasAnalyticsFilters,
  parseAnalyticsFilters,
  withAnalyticsFilters,
} from './analytics-view.ts'
import { AnalyticsFilterForm } from './components/analytics-filters.tsx'
import { BreachRate, ResponseTimes, SummaryFigures } from './components/analytics-figures.tsx'
import { DowntimeTable, RepeatTable, ServiceTable } from './components/analytics-tables.tsx'
import { AnalyticsTrends } from './components/analytics-trends.tsx'
import { teamsOf } from './list-transform.ts'
import { incidentsQueries } from './queries.ts'
import './analytics.css'
import './incidents.css'

/**
 * How fast incidents are answered and resolved, month by month, and what they cost the services:
 * the incidents that started in the range, filtered by severity, service and team from the URL.
 */
export function AnalyticsPage() {
  const [range] = useRange()
  const {
    view: filters,
    setView: setFilters,
    key,
  } = useSearchView(parseAnalyticsFilters, withAnalyticsFilters)
  // Keep the previous range's figures (dimmed) while the new one loads.
  const query = useQuery({
    ...incidentsQueries.metrics(range, filters),
    placeholderData: keepPreviousData,
  })
  const services = useQuery(incidentsQueries.services())
  const teams = useMemo(() => teamsOf(services.data ?? []), [services.data])
  const { data } = query
  const updating = query.isFetching && query.isPlaceholderData
  const search = key ? `?${key}` : ''

  return (
    <div className="page">
      <title>Incident analytics · opsdeck</title>
      <header className="page-head">
        <div>
          <h1>Incident analytics</h1>
          <p className="muted">
            {describeRange(range)}: the incidents that started in it. Are we answering and fixing
            them faster, and what did they cost the services?
          </p>
        </div>
        <div className="page-actions">
          <span className="status-text" role="status">
            {updating ? 'Updating…' : ''}
          </span>
          <Link to={{ pathname: '/incidents', search }}>All incidents</Link>
        </div>
      </header>
      <AnalyticsFilterForm
        filters={filters}
        services={services.data ?? []}
        teams={teams}
        onChange={setFilters}
      />
      <QueryErrorState title="Could not load the incident analytics" query={query} />
      {query.isPending ? <Loading label="Loading the incident analytics…" lines={8} tall /> : null}
      {data && !query.error && data.incidents === 0 ? (
        <EmptyState title="No incidents started in this range">
          {hasAnalyticsFilters(filters) ? (
            <p>
              None matched these filters.{' '}
              <button type="button" className="button-link" onClick={() => setFilters({})}>
                Clear the filters
              </button>{' '}
              or pick a longer range.
            </p>
          ) : (
            <p>
              Nothing to measure here yet. Pick a longer range above, or see{' '}
              <Link to={{ pathname: '/incidents', search }}>every incident</Link>.
            </p>
          )}
        </EmptyState>
      ) : null}
      {data && !query.error && data.incidents > 0 ? (
        <div
          className="analytics incidents-fade"
          aria-busy={updating}
          data-updating={updating || undefined}
        >
          <SummaryFigures metrics={data} />
          <ResponseTimes metrics={data} />
          <BreachRate metrics={data} />
          <AnalyticsTrends metrics={data} />
          <ServiceTable metrics={data} search={search} />
          <DowntimeTable metrics={data} search={search} />
          <RepeatTable metrics={data} search={search} />
        </div>
      ) : null}
    </div>
  )
}
