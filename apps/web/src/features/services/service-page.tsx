import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Link, useLocation, useParams } from 'react-router'
import { Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { ApiError } from '../../lib/api.ts'
import { describeRange } from '../../lib/range.ts'
import { useRange } from '../../lib/use-range.ts'
import { AlertsSection } from './components/alerts-section.tsx'
import { ArchivedBanner, ArchiveSection } from './components/archive-controls.tsx'
import { CheckSection } from './components/check-section.tsx'
import { DailySection } from './components/daily-section.tsx'
import { IncidentsList } from './components/incidents-list.tsx'
import { KpiStats } from './components/kpi-stats.tsx'
import { MaintenanceSection } from './components/maintenance-section.tsx'
import { ServiceCharts } from './components/service-charts.tsx'
import { ServiceHeader } from './components/service-header.tsx'
import { servicesQueries } from './queries.ts'
import './services.css'

interface ServicePageProps {
  /**
   * Managers and admins change the check and whether a page alert opens an incident, schedule
   * maintenance, archive; viewers only read.
   */
  canManage: boolean
}

/** One service: status now, its KPIs with their definitions, charts, alerts, incidents, upkeep. */
export function ServicePage({ canManage }: ServicePageProps) {
  const { slug = '' } = useParams()
  const { search } = useLocation()
  const [range] = useRange()
  const query = useQuery({
    ...servicesQueries.detail(slug, range),
    placeholderData: keepPreviousData,
  })
  const { data, error, isFetching, isPlaceholderData } = query
  const updating = isFetching && isPlaceholderData
  const back = (
    <Link to={{ pathname: '/services', search }} className="back-link">
      ← All services
    </Link>
  )

  if (error instanceof ApiError && error.status === 404) {
    return (
      <div className="page narrow">
        <title>Service not found · opsdeck</title>
        {back}
        <h1>Service not found</h1>
        <p>There is no service “{slug}”. It may have been renamed, or the link may be mistyped.</p>
      </div>
    )
  }
  return (
    <div className="page">
      <title>{`${data?.service.name ?? slug} · Services · opsdeck`}</title>
      {back}
      {data ? (
        <ServiceHeader detail={data} updating={updating} />
      ) : (
        <header className="page-head">
          <h1>{slug}</h1>
        </header>
      )}
      {data ? <ArchivedBanner detail={data} canManage={canManage} /> : null}
      <QueryErrorState title="Could not load this service" query={query} />
      {query.isPending ? <Loading label="Loading the service…" lines={10} tall /> : null}
      {data ? (
        <div className="service-body fade" data-updating={updating || undefined}>
          <KpiStats detail={data} />
          <details className="accounting">
            <summary>How these figures are counted</summary>
            <ul>
              {data.accounting.map((a) => (
                <li key={a.rule}>{a.text}</li>
              ))}
            </ul>
          </details>
          <p className="muted small">Charts: {describeRange(range)}.</p>
          <ServiceCharts
            slug={slug}
            range={range}
            target={data.service.slo.target}
            windowDays={data.service.slo.windowDays}
          />
          <DailySection slug={slug} name={data.service.name} />
          <AlertsSection detail={data} canManage={canManage} />
          <section aria-labelledby="svc-incidents">
            <h2 id="svc-incidents">Recent incidents</h2>
            <IncidentsList incidents={data.incidents} />
          </section>
          <MaintenanceSection detail={data} canManage={canManage} />
          <CheckSection detail={data} canManage={canManage} />
          <ArchiveSection detail={data} canManage={canManage} />
        </div>
      ) : null}
    </div>
  )
}
