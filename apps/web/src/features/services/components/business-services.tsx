import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { QueryErrorState, Skeleton } from '../../../components/ui/states.tsx'
import { uptimeText } from '../budget.ts'
import { STATUS_LABELS } from '../list-columns.ts'
import { groupStatus, ruleText } from '../list-transform.ts'
import { servicesQueries } from '../queries.ts'
import { sloTargetLabel } from '../transform.ts'
import { StatusBadge } from './status-badge.tsx'

/** What the business uses ("Payroll"), each rolled up from its component services by a rule. */
export function BusinessServices({ search }: { search: string }) {
  const query = useQuery(servicesQueries.business())
  const groups = query.data?.businessServices
  return (
    <section aria-labelledby="business-services" className="business">
      <h2 id="business-services">Business services</h2>
      <p className="muted small">
        Each minute the roll-up rule is applied to the components’ states: degraded counts as up; a
        component in maintenance or without data decides nothing. Uptime = up minutes / (up + down
        minutes). Status now reads only the components’ newest checks: “No data” when none reported
        within three check intervals (at least 5 min), while the uptime windows still count the
        minutes that had data.
      </p>
      <QueryErrorState title="Could not load the business services" query={query} />
      {query.isPending ? <Skeleton lines={3} /> : null}
      {groups && groups.length === 0 ? (
        <p className="muted">No business services defined yet.</p>
      ) : null}
      {groups && groups.length > 0 ? (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">Business services and their roll-up</caption>
            <thead>
              <tr>
                <th scope="col">Status now</th>
                <th scope="col">Business service</th>
                <th scope="col">Roll-up</th>
                <th scope="col">Uptime 24 h</th>
                <th scope="col">Uptime 7 d</th>
                <th scope="col">Uptime 30 d</th>
                <th scope="col">SLO</th>
                <th scope="col">Components</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.slug}>
                  <td>
                    <StatusBadge status={groupStatus(g.status)} />
                  </td>
                  <th scope="row">{g.name}</th>
                  <td className="num">{ruleText(g)}</td>
                  {([g.uptime.h24, g.uptime.d7, g.uptime.d30] as const).map((w, i) => (
                    <td key={i} className="num">
                      {uptimeText(w.uptime)}
                    </td>
                  ))}
                  <td className={g.sloMet === false ? 'num tone-bad' : 'num'}>
                    {sloTargetLabel(g.sloTarget, g.sloTarget)}
                    {g.sloMet === null ? '' : g.sloMet ? ' · met' : ' · missed'}
                  </td>
                  <td className="components">
                    {g.components.map((c, i) => (
                      <span key={c.slug}>
                        {i > 0 ? ', ' : ''}
                        <Link to={{ pathname: `/services/${c.slug}`, search }}>{c.name}</Link>{' '}
                        <span className={`muted status-word status-${c.status}`}>
                          ({STATUS_LABELS[c.status].toLowerCase()})
                        </span>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}
