import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { localToday } from '../../lib/form-focus.ts'
import { ClosureDays } from './closure-days.tsx'
import { organisationQueries } from './organisation-queries.ts'
import { TeamList } from './team-list.tsx'
import './organisation.css'
import './person-page.css'

interface TeamsCalendarPageProps {
  /** Managers and admins add and rename teams and set closure days; viewers only read. */
  canManage: boolean
}

/** The organisation capacity is planned in: its teams and its closure days this year and next. */
export function TeamsCalendarPage({ canManage }: TeamsCalendarPageProps) {
  const today = localToday()
  const year = Number(today.slice(0, 4))
  const teams = useQuery(organisationQueries.teams())
  const closures = useQuery(organisationQueries.closureDays(`${year}-01-01`, `${year + 1}-12-31`))
  return (
    <div className="page organisation-page">
      <title>Teams and calendar · Capacity · opsdeck</title>
      <Link to="/capacity" className="person-back">
        ← Capacity
      </Link>
      <header className="page-head">
        <div>
          <h1>Teams and calendar</h1>
          <p className="muted">
            The teams people work in, and the days the whole organisation is closed.{' '}
            <Link to="/capacity/people">People</Link>
          </p>
        </div>
      </header>
      <Section title="Teams">
        <QueryErrorState title="Could not load the teams" query={teams} />
        {teams.isPending ? <Loading label="Loading the teams…" lines={5} /> : null}
        {teams.data ? <TeamList teams={teams.data.teams} canManage={canManage} /> : null}
      </Section>
      <Section
        title="Closure days"
        about={`This year and next, ${year} and ${year + 1}. Like a bank holiday, nobody works a closure day: it takes the day off everyone’s capacity and nothing is booked on it. Bank holidays come from each person’s region and need no entry here.`}
      >
        <QueryErrorState title="Could not load the closure days" query={closures} />
        {closures.isPending ? <Loading label="Loading the closure days…" lines={4} /> : null}
        {closures.data ? (
          <ClosureDays
            closureDays={closures.data.closureDays}
            today={today}
            years={`${year} or ${year + 1}`}
            canManage={canManage}
          />
        ) : null}
      </Section>
    </div>
  )
}

function Section({
  title,
  about,
  children,
}: {
  title: string
  about?: string
  children: ReactNode
}) {
  const id = `organisation-${title.toLowerCase().replace(/\W+/g, '-')}`
  return (
    <section aria-labelledby={id} className="person-section">
      <h2 id={id}>{title}</h2>
      {about ? <p className="muted organisation-about">{about}</p> : null}
      {children}
    </section>
  )
}
