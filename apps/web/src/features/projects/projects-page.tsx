import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { EmptyState, Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { formatDay } from '../../lib/format.ts'
import { useRange } from '../../lib/use-range.ts'
import { useOpener } from '../../lib/use-opener.ts'
import { useSearchView } from '../../lib/use-search-view.ts'
import { PortfolioCharts } from './components/portfolio-charts.tsx'
import { PortfolioFilters } from './components/portfolio-filters.tsx'
import { PortfolioNewProject } from './components/portfolio-new-project.tsx'
import { PortfolioStats } from './components/portfolio-stats.tsx'
import { PortfolioTable } from './components/portfolio-table.tsx'
import { DEFAULT_VIEW, parsePortfolioView, withPortfolioView } from './portfolio-view.ts'
import { projectsQueries } from './queries.ts'
import './projects.css'

interface ProjectsPageProps {
  /** Managers and admins add projects and import actuals; viewers only read. */
  canManage: boolean
}

/** The portfolio: every live project's budget, spend, forecast and RAG with its reason. */
export function ProjectsPage({ canManage }: ProjectsPageProps) {
  const [range] = useRange()
  const { view, setView, key } = useSearchView(parsePortfolioView, withPortfolioView)
  const query = useQuery({
    ...projectsQueries.portfolio(range, view.status),
    placeholderData: keepPreviousData,
  })
  const { data, isPending, isFetching, isPlaceholderData } = query
  const updating = isFetching && isPlaceholderData
  // Cancelling closes the form and puts focus back on the button that opened it.
  const { open: adding, show, close, opener } = useOpener()
  const search = key ? `?${key}` : ''
  const filtered = view.status !== DEFAULT_VIEW.status

  return (
    <div className="page projects-page">
      <title>Projects · opsdeck</title>
      <header className="page-head">
        <div>
          <h1>Projects</h1>
          <p className="muted">
            Budget, spend, forecast and RAG of each project
            {data ? `, as of ${formatDay(data.asOf)}` : ''}
          </p>
        </div>
        <div className="page-actions">
          <span className="status-text" role="status">
            {updating ? 'Updating…' : ''}
          </span>
          <a href="/api/v1/projects/exports/actuals.csv" download>
            Export actuals CSV
          </a>
          {canManage ? <Link to={{ pathname: '/projects/import', search }}>Import CSV</Link> : null}
          {canManage && !adding ? (
            <button ref={opener} type="button" className="button" onClick={show}>
              New project
            </button>
          ) : null}
        </div>
      </header>
      {adding ? <PortfolioNewProject onCancel={close} /> : null}
      <PortfolioFilters view={view} onChange={setView} />
      <QueryErrorState title="Could not load the portfolio" query={query} />
      {isPending ? <Loading label="Loading the portfolio…" lines={8} /> : null}
      {data && !query.error && data.projects.length === 0 ? (
        filtered ? (
          <EmptyState title="No projects of this status">
            <p>
              <button
                type="button"
                className="button-link"
                onClick={() => setView({ ...view, status: DEFAULT_VIEW.status })}
              >
                Show the live projects
              </button>{' '}
              or choose another status.
            </p>
          </EmptyState>
        ) : (
          <EmptyState title="No projects yet">
            <p>
              {canManage
                ? 'Add a project with New project, or import its actuals with Import CSV, and its budget, spend and forecast appear here.'
                : 'A manager adds projects and their budgets; they will appear here with their spend and forecast.'}{' '}
              To explore first, load the demo data with <code>pnpm db:seed</code>.
            </p>
          </EmptyState>
        )
      ) : null}
      {data && !query.error && data.projects.length > 0 ? (
        <div aria-busy={updating} data-updating={updating || undefined} className="portfolio-fade">
          <PortfolioStats portfolio={data} />
          <PortfolioTable portfolio={data} view={view} onView={setView} search={search} />
          <PortfolioCharts portfolio={data} range={range} />
        </div>
      ) : null}
    </div>
  )
}
