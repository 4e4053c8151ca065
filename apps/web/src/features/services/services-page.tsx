import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { HowComputed } from '../../components/ui/how-computed.tsx'
import { InfoTip } from '../../components/ui/info-tip.tsx'
import { EmptyState, Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { useOpener } from '../../lib/use-opener.ts'
import { useSearchView } from '../../lib/use-search-view.ts'
import { BusinessServices } from './components/business-services.tsx'
import { NewServiceFormView } from './components/new-service-form.tsx'
import { StripLegend } from './components/daily-strip.tsx'
import { ServiceFilters } from './components/service-filters.tsx'
import { ServicesTable } from './components/services-table.tsx'
import { SORT_COLUMNS, type ServiceSort } from './list-columns.ts'
import {
  clearFilters,
  DEFAULT_SORT,
  hasFilters,
  nextSort,
  parseListView,
  withListView,
} from './list-view.ts'
import { servicesQueries } from './queries.ts'
import { teamsOf } from './list-transform.ts'
import './services.css'

const HOW = (
  <HowComputed
    scope="Status is each service's latest check (no data when none arrived within three check intervals). Uptime over the last 24 hours, 7 and 30 days; the error budget and burn rate over each service's SLO window; p95 over the last 24 hours."
    kpis={['uptime', 'errorBudget', 'burnRate', 'latencyPercentile']}
  />
)

interface ServicesPageProps {
  /** Managers and admins add services; viewers only read. */
  canManage: boolean
}

/** The fleet table: filters and sort live in the URL, so a view can be shared as a link. */
export function ServicesPage({ canManage }: ServicesPageProps) {
  const { view, setView, key } = useSearchView(parseListView, withListView)
  const query = useQuery({ ...servicesQueries.list(view), placeholderData: keepPreviousData })
  // Team names for the filter, from the unfiltered list (the same request when no filter is set).
  const all = useQuery({ ...servicesQueries.list(DEFAULT_SORT), select: teamsOf })
  const { data, isPending, isFetching, isPlaceholderData } = query
  const updating = isFetching && isPlaceholderData
  const onSort = (column: ServiceSort) =>
    setView(nextSort(view, column, SORT_COLUMNS[column].firstOrder))
  // Cancelling closes the form and puts focus back on the button that opened it.
  const { open: adding, show, close, opener } = useOpener()

  return (
    <div className="page">
      <title>Services · opsdeck</title>
      <header className="page-head">
        <div>
          <h1>Services</h1>
          <p className="muted">
            Status now, uptime, error budgets and latency of every service{' '}
            <InfoTip label="How the services figures are computed" text={HOW} />
          </p>
        </div>
        <div className="page-actions">
          <span className="status-text" role="status">
            {updating ? 'Updating…' : ''}
          </span>
          {canManage && !adding ? (
            <button ref={opener} type="button" className="button" onClick={show}>
              Add service
            </button>
          ) : null}
        </div>
      </header>
      {adding ? <NewServiceFormView teams={all.data ?? []} onCancel={close} /> : null}
      <ServiceFilters key={key} view={view} teams={all.data ?? []} onChange={setView} />
      <QueryErrorState title="Could not load the services" query={query} />
      {isPending ? <Loading label="Loading the services…" lines={8} /> : null}
      {data && !query.error && data.services.length === 0 ? (
        hasFilters(view) ? (
          <EmptyState title="No services match these filters">
            <p>
              <button
                type="button"
                className="button-link"
                onClick={() => setView(clearFilters(view))}
              >
                Clear the filters
              </button>{' '}
              to see every service.
            </p>
          </EmptyState>
        ) : (
          <EmptyState title="No services yet">
            <p>
              Add the services you run, each with a tier and an SLO target, and opsdeck starts
              checking them. To explore first, load the demo data with <code>pnpm db:seed</code>.
            </p>
          </EmptyState>
        )
      ) : null}
      {data && !query.error && data.services.length > 0 ? (
        <div aria-busy={updating} data-updating={updating || undefined} className="fade">
          <p className="muted small">
            {data.services.length} {data.services.length === 1 ? 'service' : 'services'}; days in{' '}
            {data.timezone}. Daily bars: <StripLegend />
          </p>
          <ServicesTable list={data} view={view} onSort={onSort} search={key ? `?${key}` : ''} />
        </div>
      ) : null}
      <BusinessServices search={key ? `?${key}` : ''} />
    </div>
  )
}
