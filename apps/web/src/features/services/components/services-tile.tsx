import { lazy } from 'react'
import { Link, useLocation } from 'react-router'
import { ChartFrame } from '../../../components/ui/chart-frame.tsx'
import { HowComputed } from '../../../components/ui/how-computed.tsx'
import { EmptyState } from '../../../components/ui/states.tsx'
import { Tile } from '../../../components/ui/tile.tsx'
import { formatInstant, formatNumber, formatPercent } from '../../../lib/format.ts'
import type { ServicesSummary } from '../queries.ts'
import { statusCounts, tierChartData, tierRows, uptimeDecimals } from '../transform.ts'

const UptimeChart = lazy(() => import('./uptime-chart.tsx'))

const HOW = (
  <HowComputed
    scope="Over the range shown, pooled per tier. Status is each service's latest check (no data when stale). Meeting and breaching count services against their own SLO target."
    kpis={['uptime', 'coverage', 'sloAttainment', 'tierSloHealth']}
  />
)

export function ServicesTile({ services }: { services: ServicesSummary }) {
  // Links to the Services page keep the range, and a tier's link filters the table to it.
  const { search } = useLocation()
  const servicesLink = (tier?: number) => {
    const params = new URLSearchParams(search)
    if (tier !== undefined) params.set('tier', String(tier))
    const query = params.toString()
    return { pathname: '/services', search: query ? `?${query}` : '' }
  }
  const rows = tierRows(services.byTier)
  const chart = tierChartData(rows)
  const meta = `${formatInstant(services.from)} – ${formatInstant(services.to)}`
  return (
    <Tile title="Service health" how={HOW} meta={meta}>
      {services.total === 0 ? (
        <EmptyState title="No services yet">
          <p>
            Add the services you run, each with a tier and an SLO target, and opsdeck starts
            checking them. To explore first, load the demo data with <code>pnpm db:seed</code>.
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="lead">
            <strong className="figure">{formatNumber(services.total)}</strong> services ·{' '}
            <Link to={servicesLink()}>All services</Link>
          </p>
          <ul className="chips" aria-label="Services by current status">
            {statusCounts(services.byStatus).map((s) => (
              <li
                key={s.status}
                className={`chip status-${s.status}${s.count ? '' : ' chip-zero'}`}
              >
                <span className="dot" aria-hidden="true" />
                {s.label} <strong>{s.count}</strong>
              </li>
            ))}
          </ul>
          <div className="table-scroll">
            <table className="data">
              <caption className="visually-hidden">Uptime by tier against SLO targets</caption>
              <thead>
                <tr>
                  <th scope="col">Tier</th>
                  <th scope="col">Uptime</th>
                  <th scope="col">SLO target</th>
                  <th scope="col">Meeting</th>
                  <th scope="col">Breaching</th>
                  <th scope="col">No data</th>
                  <th scope="col">Coverage</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.tier}>
                    <th scope="row" className="nowrap">
                      <Link to={servicesLink(r.tier)}>{r.label}</Link>{' '}
                      <span className="muted">({r.services})</span>
                    </th>
                    <td className={`num health-${r.health}`}>
                      {formatPercent(r.uptime, uptimeDecimals(r.uptime))}
                    </td>
                    <td className="num">{r.target}</td>
                    <td className="num">{r.meetingSlo}</td>
                    <td className={r.breachingSlo > 0 ? 'num tone-bad' : 'num'}>
                      {r.breachingSlo}
                    </td>
                    <td className="num">{r.noData}</td>
                    <td className="num">{formatPercent(r.coverage, 1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {chart.length > 0 ? (
            <ChartFrame
              height={150}
              summary={`Uptime by tier against the strictest SLO target: ${rows
                .map(
                  (r) =>
                    `${r.label} ${formatPercent(r.uptime, uptimeDecimals(r.uptime))}, target ${r.target}`,
                )
                .join('; ')}`}
              caption="Pooled uptime per tier (bars) against the tier’s strictest SLO target (marks); green when every service meets its own SLO, amber when some breach, red when none meets. The axis does not start at 0."
            >
              <UptimeChart data={chart} />
            </ChartFrame>
          ) : null}
        </>
      )}
    </Tile>
  )
}
