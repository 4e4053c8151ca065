import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Link, useLocation, useParams } from 'react-router'
import { Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { ApiError } from '../../lib/api.ts'
import { useRange } from '../../lib/use-range.ts'
import { BaselinesHistory } from './components/baselines-history.tsx'
import { BudgetLines } from './components/budget-lines.tsx'
import { CategoryBreakdown } from './components/category-breakdown.tsx'
import { EvmTable } from './components/evm-table.tsx'
import { ProjectActuals } from './components/project-actuals.tsx'
import { ProjectCharts } from './components/project-charts.tsx'
import { ProjectEdit } from './components/project-edit-form.tsx'
import { ProjectFigures } from './components/project-figures.tsx'
import { ProjectHeader } from './components/project-header.tsx'
import { ProjectProgress } from './components/project-progress.tsx'
import { RagHistory } from './components/rag-history.tsx'
import { Rebaseline } from './components/rebaseline-form.tsx'
import { portfolioAsOf } from './portfolio-view.ts'
import { type ProjectEvm, projectsQueries } from './queries.ts'
import './project-page.css'

interface ProjectPageProps {
  /** Managers and admins edit the project, its plan, actuals and progress; viewers only read. */
  canManage: boolean
}

/** One project's earned value: the S-curve, spend against plan, the EVM table and its history. */
export function ProjectPage({ canManage }: ProjectPageProps) {
  const { code = '' } = useParams()
  const { search } = useLocation()
  const [range] = useRange()
  // As of the range's last day, like the Overview and the portfolio: today for a preset.
  const asOf = portfolioAsOf(range, new Date()).asOf ?? null
  const query = useQuery({
    ...projectsQueries.evm(code, asOf),
    // Another day of the same project stays on screen while it loads; another project does not.
    placeholderData: (previous?: ProjectEvm) =>
      previous?.project.code === code ? previous : undefined,
  })
  const record = useQuery(projectsQueries.detail(code))
  const capacityRisk = useQuery(projectsQueries.capacityRisk(code))
  const { data, error } = query
  const updating = query.isFetching && query.isPlaceholderData
  const back = (
    <Link to={{ pathname: '/projects', search }} className="project-back">
      ← All projects
    </Link>
  )

  if (error instanceof ApiError && error.status === 404) {
    return (
      <div className="page narrow">
        <title>Project not found · opsdeck</title>
        {back}
        <h1>No project {code}</h1>
        <p>
          There is no project with the code “{code}”. The link may be mistyped, or the project
          deleted.
        </p>
      </div>
    )
  }
  return (
    <div className="page project-page">
      <title>{`${data ? `${code} ${data.project.name}` : code} · Projects · opsdeck`}</title>
      {back}
      {data ? (
        <ProjectHeader
          evm={data}
          record={record.error ? null : record.data}
          capacityRisk={capacityRisk.data}
          updating={updating}
        />
      ) : (
        <header className="page-head">
          <h1>{code}</h1>
        </header>
      )}
      <QueryErrorState title="Could not load this project" query={query} />
      {query.isPending ? <Loading label="Loading the project…" lines={10} tall /> : null}
      {data ? (
        <div className="project-body" data-updating={updating || undefined} aria-busy={updating}>
          {canManage && record.data ? (
            <div className="project-manage">
              <ProjectEdit project={record.data} />
            </div>
          ) : null}
          <ProjectFigures evm={data} />
          <ProjectCharts evm={data} />
          <Section title="Budget and spend by category">
            <CategoryBreakdown evm={data} />
          </Section>
          <Section title="Earned value">
            <EvmTable evm={data} />
          </Section>
          <Section title="RAG history">
            <RagHistory evm={data} />
          </Section>
          <Section title="Baselines">
            <BaselinesHistory code={code} currency={data.currency} />
            {canManage && record.data ? <Rebaseline project={record.data} /> : null}
          </Section>
          {record.data ? (
            <Section title="Budget lines">
              <BudgetLines project={record.data} canManage={canManage} currency={data.currency} />
            </Section>
          ) : null}
          <ProjectProgress code={code} canManage={canManage} />
          <ProjectActuals code={code} canManage={canManage} currency={data.currency} />
        </div>
      ) : null}
    </div>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `project-${title.toLowerCase().replace(/\W+/g, '-')}`
  return (
    <section aria-labelledby={id} className="project-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}
