import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Link } from 'react-router'
import { LoadMore } from '../../components/ui/load-more.tsx'
import { EmptyState, Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { useOpener } from '../../lib/use-opener.ts'
import { useSearchView } from '../../lib/use-search-view.ts'
import { IncidentForm } from './components/incident-form.tsx'
import { IncidentFilters } from './components/incident-filters.tsx'
import { IncidentsTable } from './components/incidents-table.tsx'
import { teamsOf, toIncidentRow } from './list-transform.ts'
import { hasFilters, parseIncidentsView, withIncidentsView } from './list-view.ts'
import { incidentsQueries, peopleQueries } from './queries.ts'
import './incidents.css'

interface IncidentsPageProps {
  /** Managers and admins declare incidents; viewers only read. */
  canManage: boolean
}

/** Every incident, open first: filters live in the URL, so a view can be shared as a link. */
export function IncidentsPage({ canManage }: IncidentsPageProps) {
  const { view, setView, key } = useSearchView(parseIncidentsView, withIncidentsView)
  const list = useInfiniteQuery({
    ...incidentsQueries.list(view),
    placeholderData: keepPreviousData,
  })
  const services = useQuery(incidentsQueries.services())
  const teams = useMemo(() => teamsOf(services.data ?? []), [services.data])
  const updating = list.isFetching && list.isPlaceholderData
  const rows = useMemo(
    () => list.data?.pages.flatMap((p) => p.incidents).map(toIncidentRow) ?? [],
    [list.data],
  )
  // Cancelling closes the form and puts focus back on the button that opened it.
  const { open: declaring, show, close, opener } = useOpener()
  const search = key ? `?${key}` : ''

  return (
    <div className="page">
      <title>Incidents · opsdeck</title>
      <header className="page-head">
        <div>
          <h1>Incidents</h1>
          <p className="muted">
            Open incidents first, then by severity and newest: who leads each, how long it has run,
            and its acknowledge and resolve targets.
          </p>
        </div>
        <div className="page-actions">
          <span className="status-text" role="status">
            {updating ? 'Updating…' : ''}
          </span>
          <Link to={{ pathname: '/incidents/analytics', search }}>Analytics</Link>
          {canManage && !declaring ? (
            <button ref={opener} type="button" className="button" onClick={show}>
              Declare incident
            </button>
          ) : null}
        </div>
      </header>
      {declaring ? <DeclareForm services={services.data ?? []} onCancel={close} /> : null}
      <IncidentFilters
        key={key}
        view={view}
        services={services.data ?? []}
        teams={teams}
        onChange={setView}
      />
      <QueryErrorState title="Could not load the incidents" query={list} />
      {list.isPending ? <Loading label="Loading the incidents…" lines={8} /> : null}
      {list.isSuccess && !list.error && rows.length === 0 ? (
        hasFilters(view) ? (
          <EmptyState title="No incidents match these filters">
            <p>
              <button type="button" className="button-link" onClick={() => setView({})}>
                Clear the filters
              </button>{' '}
              to see every incident.
            </p>
          </EmptyState>
        ) : (
          <EmptyState title="No incidents recorded">
            <p>
              Incidents arrive from Alertmanager and webhooks, or a manager declares one here.
              Nothing has been recorded yet.
            </p>
          </EmptyState>
        )
      ) : null}
      {rows.length > 0 && !list.error ? (
        <div aria-busy={updating} data-updating={updating || undefined} className="incidents-fade">
          <IncidentsTable rows={rows} search={search} />
          <LoadMore shown={rows.length} noun={['incident', 'incidents']} query={list} />
        </div>
      ) : null}
    </div>
  )
}

// The people to choose the commander from are fetched only when declaring.
function DeclareForm(props: {
  services: readonly { slug: string; name: string }[]
  onCancel: () => void
}) {
  const people = useQuery(peopleQueries.list())
  return (
    <IncidentForm
      services={props.services}
      commanders={people.data ?? []}
      onDone={props.onCancel}
    />
  )
}
