import { CAPACITY_WEEKS_BACK } from '@opsdeck/contract'
import { useQueries, useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Link, useLocation, useParams } from 'react-router'
import { Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { ApiError } from '../../lib/api.ts'
import { useOpener } from '../../lib/use-opener.ts'
import { AllocationList } from './allocation-list.tsx'
import { PersonEditForm, PersonMoveForm } from './person-edit.tsx'
import { localToday } from '../../lib/form-focus.ts'
import { PersonHeader } from './person-header.tsx'
import { type PersonRecord, personQueries } from './person-queries.ts'
import { PersonUtilization } from './person-utilization.tsx'
import { personWeeks } from './person-weeks.ts'
import { TimeOffList } from './time-off-list.tsx'
import './person-page.css'

interface PersonPageProps {
  /** Managers and admins book people, record time off and edit people; viewers only read. */
  canManage: boolean
}

/** One person's capacity: who they are, their weeks, allocations and time off. */
export function PersonPage({ canManage }: PersonPageProps) {
  const { id: param = '' } = useParams()
  const id = /^[1-9]\d{0,9}$/.test(param) ? Number(param) : null
  const location = useLocation()
  const { search } = location
  const record = useQuery({ ...personQueries.record(id ?? 0), enabled: id !== null })
  // Back to the People list as it was filtered, when opened from it; else to the Capacity page.
  const from = (location.state as { from?: unknown } | null)?.from
  const back =
    typeof from === 'string' && /^\/capacity\/people(\?|$)/.test(from) ? (
      <Link to={from} className="person-back">
        ← People
      </Link>
    ) : (
      <Link to={{ pathname: '/capacity', search }} className="person-back">
        ← Capacity
      </Link>
    )
  if (id === null || (record.error instanceof ApiError && record.error.status === 404)) {
    return (
      <div className="page narrow">
        <title>Person not found · opsdeck</title>
        {back}
        <h1>No such person</h1>
        <p>
          There is no person with the id “{param}”. The link may be mistyped, or they were deleted.
        </p>
      </div>
    )
  }
  const person = record.data
  return (
    <div className="page person-page">
      <title>{`${person?.name ?? 'Person'} · Capacity · opsdeck`}</title>
      {back}
      <QueryErrorState title="Could not load this person" query={record} />
      {record.isPending ? <Loading label="Loading the person…" lines={6} tall /> : null}
      {person ? <PersonBody person={person} canManage={canManage} /> : null}
    </div>
  )
}

function PersonBody({ person, canManage }: { person: PersonRecord; canManage: boolean }) {
  const today = localToday()
  const { open: editing, show: edit, close: closeEdit, opener: editOpener } = useOpener()
  const { open: moving, show: move, close: closeMove, opener: moveOpener } = useOpener()
  const actions = canManage ? (
    <>
      <button ref={editOpener} type="button" className="button" onClick={edit} disabled={editing}>
        Edit person
      </button>
      <button
        ref={moveOpener}
        type="button"
        className="button button-quiet"
        onClick={move}
        disabled={moving}
      >
        Move to another team
      </button>
    </>
  ) : null
  return (
    <>
      <PersonHeader person={person} actions={actions} />
      {canManage && editing ? <PersonEditForm person={person} onDone={closeEdit} /> : null}
      {canManage && moving ? <PersonMoveForm person={person} onDone={closeMove} /> : null}
      <Section title="Utilization by week">
        <Weeks person={person} today={today} />
      </Section>
      <Section title="Allocations">
        <Allocations person={person} today={today} canManage={canManage} />
      </Section>
      <Section title="Time off">
        <TimeOff person={person} today={today} canManage={canManage} />
      </Section>
    </>
  )
}

const DAY_MS = 86_400_000

/** The teams they were in over the grid's weeks (a week's slack either side of the range). */
function teamsInRange(person: PersonRecord, today: string) {
  const since = new Date(Date.parse(`${today}T00:00:00Z`) - (CAPACITY_WEEKS_BACK + 1) * 7 * DAY_MS)
    .toISOString()
    .slice(0, 10)
  const slugs = person.memberships
    .filter((m) => m.lastDay === null || m.lastDay >= since)
    .map((m) => m.team.slug)
  return [...new Set(slugs)]
}

function Weeks({ person, today }: { person: PersonRecord; today: string }) {
  const grids = useQueries({
    queries: teamsInRange(person, today).map((slug) =>
      personQueries.teamWeeks(person.id, slug, person.role),
    ),
  })
  const failed = grids.find((g) => g.error)
  if (failed) return <QueryErrorState title="Could not load their weeks" query={failed} />
  if (grids.some((g) => g.isPending)) return <Loading label="Loading their weeks…" lines={3} />
  const rows = personWeeks(
    grids.flatMap((g) => (g.data ? [g.data] : [])),
    person.id,
  )
  return <PersonUtilization rows={rows} />
}

function Allocations(props: { person: PersonRecord; today: string; canManage: boolean }) {
  const query = useQuery(personQueries.allocations(props.person.id))
  if (query.isPending) return <Loading label="Loading their allocations…" lines={3} />
  if (query.error) return <QueryErrorState title="Could not load their allocations" query={query} />
  return (
    <AllocationList
      personId={props.person.id}
      allocations={query.data.allocations}
      today={props.today}
      canManage={props.canManage}
    />
  )
}

function TimeOff(props: { person: PersonRecord; today: string; canManage: boolean }) {
  const query = useQuery(personQueries.timeOff(props.person.id))
  if (query.isPending) return <Loading label="Loading their time off…" lines={2} />
  if (query.error) return <QueryErrorState title="Could not load their time off" query={query} />
  return (
    <TimeOffList
      personId={props.person.id}
      timeOff={query.data.timeOff}
      today={props.today}
      canManage={props.canManage}
    />
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `person-${title.toLowerCase().replace(/\W+/g, '-')}`
  return (
    <section aria-labelledby={id} className="person-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}
