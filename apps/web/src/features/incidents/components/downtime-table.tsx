import { Link } from 'react-router'
import type { DowntimeRow } from '../detail-transform.ts'

/** Each affected service: its impact, the downtime this incident caused, the budget it took. */
export function DowntimeTable({ rows, search }: { rows: readonly DowntimeRow[]; search: string }) {
  return (
    <div className="table-scroll">
      <table className="data">
        <caption className="visually-hidden">
          Affected services, with the downtime this incident caused and the error budget it consumed
        </caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col" className="text">
              Impact
            </th>
            <th scope="col">Downtime</th>
            <th scope="col">Error budget consumed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.slug}>
              <th scope="row">
                <Link to={{ pathname: `/services/${r.slug}`, search }}>{r.name}</Link>
              </th>
              <td>{r.impact}</td>
              <td className="num">{r.downtime}</td>
              <td className={r.overBudget ? 'num tone-bad' : 'num'}>
                {r.budget}
                {r.overBudget ? <span className="small"> (more than the whole budget)</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
