import { useQuery } from '@tanstack/react-query'
import { QueryErrorState, Skeleton } from '../../../components/ui/states.tsx'
import { servicesQueries } from '../queries.ts'
import { DailyStrip, StripLegend } from './daily-strip.tsx'

/** The last 90 days, one bar a day, coloured against the SLO. */
export function DailySection({ slug, name }: { slug: string; name: string }) {
  const query = useQuery(servicesQueries.daily(slug))
  const data = query.data
  return (
    <section aria-labelledby="svc-daily">
      <h2 id="svc-daily">Last 90 days</h2>
      <QueryErrorState title="Could not load the daily figures" query={query} />
      {query.isPending ? <Skeleton lines={1} /> : null}
      {data ? (
        <>
          <DailyStrip
            wide
            label={`${name}, daily uptime over the last ${data.days.length} days`}
            days={data.days}
            target={data.slo.target}
          />
          <p className="muted small">
            Days in {data.timezone}. <StripLegend />
          </p>
        </>
      ) : null}
    </section>
  )
}
