import { PROJECT_STATUS_LABELS, RAG_LABELS } from '@opsdeck/contract'
import type { ReactNode } from 'react'
import { formatDay, NA } from '../../../lib/format.ts'
import { baselineText } from '../detail-transform.ts'
import type {
  ProjectCapacityRisk as CapacityRiskAnswer,
  ProjectEvm,
  ProjectRecord,
} from '../queries.ts'
import { ProjectCapacityRisk } from './project-capacity-risk.tsx'

interface ProjectHeaderProps {
  evm: ProjectEvm
  /** The catalogue's record: owner, sponsor, description; undefined while it loads, null if it failed. */
  record: ProjectRecord | null | undefined
  updating: boolean
  /** Its people's risk from capacity now; undefined while it loads or when it could not. */
  capacityRisk?: CapacityRiskAnswer | undefined
  /** Buttons beside the title (the write side's "Edit project"). */
  actions?: ReactNode
}

const none = <span className="muted">none</span>
// While the record loads, or when it could not be: the figures above do not depend on it.
const pending = (record: null | undefined) => (record === null ? NA : '…')

/**
 * Code and name, status, people, dates, RAG with its reason, the risk from capacity, the baseline
 * and the as-of day.
 */
export function ProjectHeader({
  evm,
  record,
  updating,
  capacityRisk,
  actions,
}: ProjectHeaderProps) {
  const { project, rag } = evm
  return (
    <header className="page-head project-head">
      <div>
        <p className="project-head-code">{project.code}</p>
        <h1>{project.name}</h1>
        <ul className="project-facts" aria-label="About this project">
          <li>
            <span className="muted">Status</span>{' '}
            <strong>{PROJECT_STATUS_LABELS[project.status]}</strong>
          </li>
          <li>
            <span className="muted">Owner</span>{' '}
            {record ? (record.owner?.name ?? none) : pending(record)}
          </li>
          <li>
            <span className="muted">Sponsor</span>{' '}
            {record ? record.sponsor || none : pending(record)}
          </li>
          <li>
            <span className="muted">Dates</span> {formatDay(project.startDate)} –{' '}
            {formatDay(project.endDate)}
          </li>
          <li>
            <span className="muted">As of</span> <strong>{formatDay(evm.asOf)}</strong>
          </li>
        </ul>
        <p className="project-rag" role="group" aria-label="RAG status">
          <span className={`chip rag-${rag.status}`}>
            <span className="dot" aria-hidden="true" />
            {RAG_LABELS[rag.status]}
          </span>{' '}
          <span>{rag.reason}</span>
        </p>
        <ProjectCapacityRisk answer={capacityRisk} />
        <p className="project-baseline">
          <span className="muted">Plan used</span> {baselineText(evm)}
        </p>
        {record?.description ? (
          <p className="prose project-description">{record.description}</p>
        ) : null}
      </div>
      <div className="page-actions">
        <span className="status-text" role="status">
          {updating ? 'Updating…' : ''}
        </span>
        {actions}
      </div>
    </header>
  )
}
