import type { Ref } from 'react'
import { Link } from 'react-router'
import { count, skippedText } from '../../../components/import/import-files.ts'
import { ImportResultStep } from '../../../components/import/import-result-step.tsx'
import type { ImportCommitted } from '../import-writes.ts'
import { formatPence } from '../money.ts'

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
  const { projects } = result.committed
  return (
    <ImportResultStep
      wrote={projects.length > 0}
      done={
        (result.kind === 'actuals'
          ? `Imported ${count(result.committed.written, 'cost entry', 'cost entries')}, ${formatPence(result.committed.amountPence)}, into ${count(projects.length, 'project')}.`
          : `New baselines for ${count(projects.length, 'project')}.`) +
        skippedText(result.committed.duplicate, 'already recorded')
      }
      back={<Link to={{ pathname: '/projects', search }}>Back to Projects</Link>}
      headingRef={headingRef}
      onAnother={onAnother}
    >
      {projects.length ? (
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
    </ImportResultStep>
  )
}
