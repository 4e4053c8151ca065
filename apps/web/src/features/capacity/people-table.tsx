import { Link, useLocation } from 'react-router'
import { formatDay } from '../../lib/format.ts'
import type { PersonRow } from './organisation-queries.ts'
import { patternLabel } from './person-weeks.ts'

/** Left (their leave date before today), not yet started, or working here. */
function standing(p: PersonRow, today: string) {
  if (p.endDate && p.endDate < today) return `left ${formatDay(p.endDate)}`
  if (p.startDate && p.startDate > today) return `starts ${formatDay(p.startDate)}`
  return null
}

const hoursText = (h: number) => h.toLocaleString('en-GB', { maximumFractionDigits: 2 })

/** Everyone listed, by name: each name opens their page. */
export function PeopleTable(props: { people: readonly PersonRow[]; today: string }) {
  // The person's page leads back to this list as filtered (PersonPage reads `from`).
  const { search } = useLocation()
  const from = `/capacity/people${search}`
  return (
    <div className="table-scroll">
      <table className="data people-table">
        <caption className="visually-hidden">People, by name</caption>
        <thead>
          <tr>
            <th scope="col" className="text">
              Name
            </th>
            <th scope="col" className="text">
              Role
            </th>
            <th scope="col" className="text">
              Team
            </th>
            <th scope="col">Hours a week</th>
            <th scope="col" className="text">
              Working days
            </th>
          </tr>
        </thead>
        <tbody>
          {props.people.map((p) => {
            const note = standing(p, props.today)
            return (
              <tr key={p.id} data-away={note ? true : undefined}>
                <th scope="row">
                  <Link to={`/capacity/people/${p.id}`} state={{ from }}>
                    {p.name}
                  </Link>
                  {note ? <span className="muted"> · {note}</span> : null}
                </th>
                <td>{p.role}</td>
                <td>{p.team.name}</td>
                <td className="num">{hoursText(p.contractedHoursPerWeek)} h</td>
                <td>{patternLabel(p.workingDays)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
