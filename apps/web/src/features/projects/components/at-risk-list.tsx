import { RAG_LABELS } from '@opsdeck/contract'
import { useId } from 'react'
import type { ProjectsSummary } from '../queries.ts'

/**
 * The red and amber projects (red first, the server sends at most five), each with the rule that
 * set its colour. A named region and list, so it is found by role and name.
 */
export function AtRiskList({ projects }: { projects: ProjectsSummary['atRisk'] }) {
  const id = useId()
  return (
    <section className="at-risk" aria-labelledby={id}>
      <h3 id={id}>Projects at risk</h3>
      {projects.length === 0 ? (
        <p className="small muted">No project is red or amber</p>
      ) : (
        <ul className="at-risk-list" aria-labelledby={id}>
          {projects.map((p) => (
            <li key={p.id}>
              <span className="at-risk-code">{p.code}</span>
              <span className="at-risk-name">{p.name}</span>
              <span className={`chip rag-${p.status}`}>
                <span className="dot" aria-hidden="true" />
                {RAG_LABELS[p.status]}
              </span>
              <span className="at-risk-reason">{p.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
