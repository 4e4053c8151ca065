import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Skeleton, EmptyState, ErrorState } from '../../components/ui/states.tsx'
import { ApiError } from '../../lib/api.ts'
import { describeRange } from '../../lib/range.ts'
import { useRange } from '../../lib/use-range.ts'
import { CapacityTile } from '../../features/capacity/components/capacity-tile.tsx'
import { IncidentsTile } from '../../features/incidents/components/incidents-tile.tsx'
import { BudgetsTile } from '../../features/projects/components/budgets-tile.tsx'
import { ServicesTile } from '../../features/services/components/services-tile.tsx'
import { AttentionPanel, AttentionSkeleton } from './attention-panel.tsx'
import { overviewQueries } from './queries.ts'
import { isEmptyOverview } from './transform.ts'

export function OverviewPage() {
  const [range] = useRange()
  // Keep showing the previous range's figures (dimmed) while the new range loads.
  const query = useQuery({ ...overviewQueries.summary(range), placeholderData: keepPreviousData })
  const { data, error, isPending, isFetching, isPlaceholderData } = query
  const updating = isFetching && isPlaceholderData

  return (
    <div className="page">
      <title>Overview · opsdeck</title>
      <header className="page-head">
        <div>
          <h1>Overview</h1>
          <p className="muted">{describeRange(range)}</p>
        </div>
        <div className="page-actions">
          <span className="status-text" role="status">
            {updating ? 'Updating…' : ''}
          </span>
          <button type="button" className="button button-quiet" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </header>

      {error ? (
        <ErrorState
          title="Could not load the overview"
          message={error.message}
          code={error instanceof ApiError ? error.code : undefined}
          onRetry={() => void query.refetch()}
          retrying={isFetching}
        />
      ) : null}

      {isPending && !error ? <OverviewSkeleton /> : null}

      {data && !error && isEmptyOverview(data) ? (
        <EmptyState title="Nothing to show yet">
          <p>
            opsdeck has no services, incidents, projects or teams yet. Add services to monitor under
            Services, or load the demo data with <code>pnpm db:seed</code> to explore.
          </p>
        </EmptyState>
      ) : null}

      {data && !error && !isEmptyOverview(data) ? (
        <div className="tiles" aria-busy={updating} data-updating={updating || undefined}>
          <div className="attention-panel">
            <AttentionPanel items={data.attention} range={range} />
          </div>
          <ServicesTile services={data.services} />
          <IncidentsTile incidents={data.incidents} />
          <BudgetsTile budgets={data.budgets} />
          <CapacityTile capacity={data.capacity} />
        </div>
      ) : null}
    </div>
  )
}

function OverviewSkeleton() {
  return (
    <div className="tiles" aria-busy="true">
      <span className="visually-hidden" role="status">
        Loading the overview…
      </span>
      <div className="attention-panel">
        <AttentionSkeleton />
      </div>
      {['Service health', 'Incidents', 'Project budgets', 'Team capacity'].map((title) => (
        <section key={title} className="tile" aria-label={`${title} (loading)`}>
          <header className="tile-head">
            <h2>{title}</h2>
          </header>
          <Skeleton lines={5} tall />
        </section>
      ))}
    </div>
  )
}
