import { useQuery } from '@tanstack/react-query'
import { Loading, QueryErrorState } from '../../../components/ui/states.tsx'
import { formatInstant, formatMoney } from '../../../lib/format.ts'
import { monthLabel } from '../detail-transform.ts'
import { projectsQueries } from '../queries.ts'

/** The plan's versions, newest first: who set each, when and why, its months and total. */
export function BaselinesHistory({ code, currency }: { code: string; currency: string }) {
  const query = useQuery(projectsQueries.baselines(code))
  const { data } = query
  if (query.error) return <QueryErrorState title="Could not load the baselines" query={query} />
  if (!data) return <Loading label="Loading the baselines…" lines={3} />
  if (data.versions.length === 0) {
    return (
      <p className="muted">
        No baseline yet: planned value is spread evenly over the project’s dates, from nothing on
        the first day to the whole budget on the last.
      </p>
    )
  }
  const money = (v: number) => formatMoney(v, currency)
  return (
    <div className="table-scroll">
      <table className="data baselines-history">
        <caption className="visually-hidden">Baseline versions, newest first</caption>
        <thead>
          <tr>
            <th scope="col" className="text">
              Version
            </th>
            <th scope="col" className="text">
              Set
            </th>
            <th scope="col" className="text">
              By
            </th>
            <th scope="col" className="text">
              Why
            </th>
            <th scope="col" className="text">
              Months
            </th>
            <th scope="col">Planned total</th>
          </tr>
        </thead>
        <tbody>
          {data.versions.map((v) => (
            <tr key={v.version}>
              <th scope="row" className="nowrap">
                v{v.version}
                {v.version === data.current ? ' (current)' : ''}
              </th>
              <td>{formatInstant(v.createdAt)}</td>
              <td>{v.createdBy?.name ?? <span className="muted">demo data or API</span>}</td>
              <td className="text wrap">{v.reason}</td>
              <td>{monthSpan(v.months)}</td>
              <td className="num">
                {money(v.total)}
                {v.total !== data.bac ? (
                  <span className="small muted"> (BAC {money(data.bac)})</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

const monthSpan = (months: readonly { month: string }[]) => {
  const first = months[0]
  const last = months[months.length - 1]
  if (!first || !last) return 'none'
  return first === last
    ? monthLabel(first.month)
    : `${monthLabel(first.month)} – ${monthLabel(last.month)}`
}
