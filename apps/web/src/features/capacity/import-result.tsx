import type { Ref } from 'react'
import { Link } from 'react-router'
import { count, skippedText } from '../../components/import/import-files.ts'
import { ImportResultStep } from '../../components/import/import-result-step.tsx'
import type { CapacityImportCommitted } from './import-writes.ts'

interface CapacityImportResultProps {
  result: CapacityImportCommitted
  headingRef: Ref<HTMLHeadingElement>
  onAnother: () => void
}

/** What a commit wrote: people by team, or allocations by person. */
export function CapacityImportResult({ result, headingRef, onAnother }: CapacityImportResultProps) {
  const { written, duplicate } = result.committed
  return (
    <ImportResultStep
      wrote={written > 0}
      done={
        (result.kind === 'people'
          ? `Added ${count(written, 'person', 'people')} to ${count(result.committed.teams.length, 'team')}.`
          : `Booked ${count(written, 'allocation')} for ${count(result.committed.people.length, 'person', 'people')}.`) +
        skippedText(duplicate, 'already stored')
      }
      back={<Link to="/capacity">Back to Capacity</Link>}
      headingRef={headingRef}
      onAnother={onAnother}
    >
      {result.kind === 'people' && result.committed.teams.length ? (
        <ul className="import-projects" aria-label="Teams added to">
          {result.committed.teams.map((t) => (
            <li key={t.slug}>
              <Link to={{ pathname: '/capacity', search: `?team=${encodeURIComponent(t.slug)}` }}>
                {t.name}
              </Link>
              : {count(t.written, 'person', 'people')}
            </li>
          ))}
        </ul>
      ) : null}
      {result.kind === 'allocations' && result.committed.people.length ? (
        <ul className="import-projects" aria-label="People booked">
          {result.committed.people.map((p) => (
            <li key={p.email}>
              {p.name} ({p.email}): {count(p.written, 'allocation')}
            </li>
          ))}
        </ul>
      ) : null}
    </ImportResultStep>
  )
}
