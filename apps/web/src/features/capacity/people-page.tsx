import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { EmptyState, Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { localToday } from '../../lib/form-focus.ts'
import { useOpener } from '../../lib/use-opener.ts'
import { useSearchView } from '../../lib/use-search-view.ts'
import { organisationQueries } from './organisation-queries.ts'
import { PeopleFilters } from './people-filters.tsx'
import { PeopleTable } from './people-table.tsx'
import {
  DEFAULT_PEOPLE_VIEW,
  hasPeopleFilters,
  parsePeopleView,
  withPeopleView,
} from './people-view.ts'
import { PersonAdd } from './person-add.tsx'
import { capacityQueries } from './queries.ts'
import './organisation.css'
import './person-page.css'

interface PeoplePageProps {
  /** Managers and admins add people; viewers only read. */
  canManage: boolean
}

/** Everyone capacity plans: filtered by name, team and role in the URL; managers add people. */
export function PeoplePage({ canManage }: PeoplePageProps) {
  const { view, setView, key } = useSearchView(parsePeopleView, withPeopleView)
  const query = useQuery({ ...organisationQueries.people(view), placeholderData: keepPreviousData })
  const teams = useQuery(organisationQueries.teams())
  const roles = useQuery(capacityQueries.roles())
  const { open: adding, show, close, opener } = useOpener()
  const { data, isPending, isFetching, isPlaceholderData } = query
  const updating = isFetching && isPlaceholderData
  const filtered = hasPeopleFilters(view)
  const teamChoices = (teams.data?.teams ?? []).map((t) => ({ slug: t.slug, name: t.name }))

  return (
    <div className="page people-page">
      <title>People · Capacity · opsdeck</title>
      <Link to="/capacity" className="person-back">
        ← Capacity
      </Link>
      <header className="page-head">
        <div>
          <h1>People</h1>
          <p className="muted">
            Who capacity plans, their team, role and contract.{' '}
            <Link to="/capacity/settings">Teams and calendar</Link>
          </p>
        </div>
        <div className="page-actions">
          <span className="status-text" role="status">
            {updating ? 'Updating…' : ''}
          </span>
          {canManage ? <Link to="/capacity/import">Import CSV</Link> : null}
          {canManage && !adding ? (
            <button ref={opener} type="button" className="button" onClick={show}>
              Add person
            </button>
          ) : null}
        </div>
      </header>
      {canManage && adding ? (
        teams.error ? (
          <QueryErrorState title="Could not load the teams to add someone to" query={teams} />
        ) : teams.isPending ? (
          <Loading label="Loading the teams…" lines={4} />
        ) : (
          <PersonAdd teams={teams.data.teams} teamSlug={view.team} onCancel={close} />
        )
      ) : null}
      <PeopleFilters
        key={key}
        view={view}
        teams={teamChoices}
        roles={roles.data ?? []}
        onChange={setView}
      />
      <QueryErrorState title="Could not load the people" query={query} />
      {isPending ? <Loading label="Loading the people…" lines={8} /> : null}
      {data && !query.error && data.people.length === 0 ? (
        filtered ? (
          <EmptyState title="No one matches these filters">
            <p>
              <button
                type="button"
                className="button-link"
                onClick={() => setView(DEFAULT_PEOPLE_VIEW)}
              >
                Clear the filters
              </button>{' '}
              or choose others.
            </p>
          </EmptyState>
        ) : (
          <EmptyState title="No people yet">
            <p>
              {canManage
                ? 'Add people one by one, or import a CSV of them.'
                : 'A manager adds people, or imports them from a CSV.'}
            </p>
          </EmptyState>
        )
      ) : null}
      {data && !query.error && data.people.length > 0 ? (
        <div aria-busy={updating} data-updating={updating || undefined} className="people-fade">
          <p className="muted people-count">
            {data.truncated
              ? `The first ${data.people.length} by name: search or filter to find others.`
              : `${data.people.length} ${data.people.length === 1 ? 'person' : 'people'}${view.includeLeft ? ', those who have left included' : ''}.`}
          </p>
          <PeopleTable people={data.people} today={localToday()} />
        </div>
      ) : null}
    </div>
  )
}
