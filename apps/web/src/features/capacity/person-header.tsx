import { BANK_HOLIDAY_REGION_LABELS } from '@opsdeck/contract'
import type { ReactNode } from 'react'
import { formatDay } from '../../lib/format.ts'
import type { PersonRecord } from './person-queries.ts'
import { contractLabel, daysBetween } from './person-weeks.ts'

/** Name, role, team and its history, contract and pattern, region, dates and skills. */
export function PersonHeader({ person, actions }: { person: PersonRecord; actions?: ReactNode }) {
  const region = BANK_HOLIDAY_REGION_LABELS[person.region.code]
  const since = person.memberships.find((m) => m.lastDay === null)?.firstDay
  return (
    <header className="page-head person-head">
      <div>
        <h1>{person.name}</h1>
        <ul className="person-facts" aria-label="About this person">
          <li>
            <span className="muted">Role</span> <strong>{person.role}</strong>
          </li>
          <li>
            <span className="muted">Team</span> <strong>{person.team.name}</strong>
            {since ? <> since {formatDay(since)}</> : null}
          </li>
          <li>
            <span className="muted">Contract</span>{' '}
            {contractLabel(person.contractedHoursPerWeek, person.workingDays)}
          </li>
          <li>
            <span className="muted">Bank holidays</span> {region}{' '}
            <span className="muted">
              ({person.region.source === 'person' ? 'their own' : 'the organisation’s'})
            </span>
          </li>
          <li>
            <span className="muted">Started</span>{' '}
            {person.startDate ? formatDay(person.startDate) : 'not recorded'}
          </li>
          {person.endDate ? (
            <li>
              <span className="muted">Leave date</span> <strong>{formatDay(person.endDate)}</strong>
            </li>
          ) : null}
        </ul>
        {person.skills.length > 0 ? (
          <ul className="person-skills" aria-label="Skills">
            {person.skills.map((s) => (
              <li key={s} className="chip">
                {s}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted person-skills">No skills recorded.</p>
        )}
        {person.memberships.length > 1 ? <TeamHistory person={person} /> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  )
}

function TeamHistory({ person }: { person: PersonRecord }) {
  return (
    <details className="person-history">
      <summary>Team history ({person.memberships.length} teams)</summary>
      <ol aria-label="Team history, newest first">
        {person.memberships.map((m) => (
          <li key={`${m.team.id}-${m.firstDay}`}>
            <strong>{m.team.name}</strong>{' '}
            {m.lastDay ? (
              <>
                {formatDay(m.firstDay)} – {formatDay(m.lastDay)}{' '}
                <span className="muted">({plural(daysBetween(m.firstDay, m.lastDay), 'day')})</span>
              </>
            ) : (
              <>from {formatDay(m.firstDay)}</>
            )}
          </li>
        ))}
      </ol>
    </details>
  )
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
