import type { Ref } from 'react'
import { Link } from 'react-router'
import { count } from '../import-transform.ts'
import { formatPence } from '../money.ts'
import type { ImportCommitted } from '../import-writes.ts'

interface ImportResultProps {
  result: ImportCommitted
  /** The Projects page's query string, kept in each project's link. */
  search: string
  headingRef: Ref<HTMLHeadingElement>
  onAnother: () => void
}

const projectLink = (code: string, search: string) => ({
  pathname: `/projects/${encodeURIComponent(code)}`,
  search,
})

/** What a commit wrote, with a link to each project it changed. */
export function ImportResult({ result, search, headingRef, onAnother }: ImportResultProps) {
  const skipped = result.committed.duplicate
  return (
    <section className="panel import-step" aria-labelledby="import-result-title">
      <h2 id="import-result-title" ref={headingRef} tabIndex={-1}>
        {result.committed.projects.length ? 'Imported' : 'Nothing new to import'}
      </h2>
      <p role="status" className="import-done">
        {result.kind === 'actuals'
          ? `Imported ${count(result.committed.written, 'cost entry', 'cost entries')}, ${formatPence(result.committed.amountPence)}, into ${count(result.committed.projects.length, 'project')}.`
          : `New baselines for ${count(result.committed.projects.length, 'project')}.`}
        {skipped
          ? ` ${count(skipped, 'row')} already recorded ${skipped === 1 ? 'was' : 'were'} skipped.`
          : ''}
      </p>
      {result.committed.projects.length ? (
        <ul className="import-projects" aria-label="Projects changed">
          {result.kind === 'actuals'
            ? result.committed.projects.map((p) => (
                <li key={p.code}>
                  <Link to={projectLink(p.code, search)}>{p.code}</Link>:{' '}
                  {count(p.written, 'entry', 'entries')}, {formatPence(p.amountPence)}
                </li>
              ))
            : result.committed.projects.map((p) => (
                <li key={p.code}>
                  <Link to={projectLink(p.code, search)}>{p.code}</Link>: baseline version{' '}
                  {p.version}, {count(p.months, 'month')}, {formatPence(p.plannedPence)} planned
                </li>
              ))}
        </ul>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onAnother}>
          Import another file
        </button>
        <Link to={{ pathname: '/projects', search }}>Back to Projects</Link>
      </div>
    </section>
  )
}
