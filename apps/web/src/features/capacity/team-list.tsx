import { Link } from 'react-router'
import { EmptyState } from '../../components/ui/states.tsx'
import { useOpener } from '../../lib/use-opener.ts'
import type { Team } from './organisation-queries.ts'
import { TeamAdd, TeamRename } from './team-editors.tsx'

interface TeamListProps {
  teams: readonly Team[]
  canManage: boolean
}

/** Every team with its members today (linked to them on the People page); managers add and rename. */
export function TeamList({ teams, canManage }: TeamListProps) {
  const { open: adding, show, close, opener } = useOpener()
  return (
    <>
      {teams.length === 0 ? (
        <EmptyState title="No teams yet">
          <p>
            {canManage
              ? 'Add the teams people work in, then add the people.'
              : 'A manager adds the teams.'}
          </p>
        </EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="data organisation-teams">
            <caption className="visually-hidden">Teams, by name</caption>
            <thead>
              <tr>
                <th scope="col" className="text">
                  Team
                </th>
                <th scope="col" className="text">
                  Slug
                </th>
                <th scope="col">Members today</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {teams.map((t) => (
                <TeamRow key={t.id} team={t} canManage={canManage} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage && adding ? <TeamAdd onDone={close} /> : null}
      {canManage && !adding ? (
        <button ref={opener} type="button" className="button button-small" onClick={show}>
          Add team
        </button>
      ) : null}
    </>
  )
}

function TeamRow({ team, canManage }: { team: Team; canManage: boolean }) {
  const { open: renaming, show, close, opener } = useOpener()
  const members = `${team.members} ${team.members === 1 ? 'person' : 'people'}`
  return (
    <>
      <tr>
        <th scope="row">{team.name}</th>
        <td>
          <code>{team.slug}</code>
        </td>
        <td className="num">
          <Link
            to={{ pathname: '/capacity/people', search: `?team=${encodeURIComponent(team.slug)}` }}
            aria-label={`${members} in ${team.name}`}
          >
            {members}
          </Link>
        </td>
        {canManage ? (
          <td className="row-actions">
            {renaming ? null : (
              <button
                ref={opener}
                type="button"
                className="button button-small button-quiet"
                aria-label={`Rename ${team.name}`}
                onClick={show}
              >
                Rename
              </button>
            )}
          </td>
        ) : null}
      </tr>
      {canManage && renaming ? (
        <tr>
          <td colSpan={4}>
            <TeamRename team={team} onDone={close} />
          </td>
        </tr>
      ) : null}
    </>
  )
}
