import { type Ref, useState } from 'react'
import { ApiError } from '../../lib/api.ts'
import {
  count,
  type ImportProblem,
  orderRows,
  type PreviewColumn,
  type PreviewRow,
  problemsOf,
  type RowFilter,
} from './import-files.ts'
import { ImportProblems } from './import-problems.tsx'
import { ImportRows } from './import-rows.tsx'

// Past this many rows the table shows the first ones (errors first) until asked for all.
const SHOWN = 500

/** A preview as every import's API answers it. */
export interface PreviewData<R extends PreviewRow> {
  summary: { total: number; new: number; duplicate: number; errors: number; committable: boolean }
  rows: readonly R[]
  fileErrors: readonly ImportProblem[]
  warnings: readonly string[]
}

/** What the wizard's page gives step 3, whatever the kind of file. */
export interface PreviewStepState {
  /** The file's name, or "The pasted text". */
  name: string
  headingRef: Ref<HTMLHeadingElement>
  committing: boolean
  commitError: Error | null
  onCommit: () => void
  onRecheck: () => void
}

interface ImportPreviewStepProps<R extends PreviewRow> extends PreviewStepState {
  preview: PreviewData<R>
  columns: readonly PreviewColumn<R>[]
  /** Figures after the counts, e.g. the new rows' total. */
  figures?: readonly { term: string; value: string }[]
  /** Why there is nothing to import when the file is clean but no row is new. */
  nothingNew: string
  /** Import's label, e.g. "Import 3 new rows". */
  commitLabel: string
}

/** Step 3: the summary, every row with its status and errors, and Import, all or nothing. */
export function ImportPreviewStep<R extends PreviewRow>(props: ImportPreviewStepProps<R>) {
  const { preview, columns, name, figures = [], nothingNew, commitLabel, headingRef } = props
  const { committing, commitError, onCommit, onRecheck } = props
  const { summary, rows, fileErrors, warnings } = preview
  const [filter, setFilter] = useState<RowFilter>('all')
  const [showAll, setShowAll] = useState(false)
  const shown = orderRows(rows, filter)
  const problems = summary.errors + fileErrors.length
  const why = !summary.committable
    ? `Nothing can be imported while the file has ${count(problems, 'error')}: correct ${problems === 1 ? 'it' : 'them'} and check the file again. Nothing is written until every row is right.`
    : summary.new === 0
      ? nothingNew
      : null
  const refused = commitError instanceof ApiError && commitError.code === 'invalid_import'
  const filters: [RowFilter, string, number][] = [
    ['all', 'All', summary.total],
    ['error', 'Errors', summary.errors],
    ['new', 'New', summary.new],
    ['duplicate', 'Duplicates', summary.duplicate],
  ]

  return (
    <section className="panel import-step" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title" ref={headingRef} tabIndex={-1}>
        3. Check and import
      </h2>
      <p className="muted">{name}: nothing is written until you import it.</p>
      <dl className="import-summary" aria-label="Preview summary">
        <Figure term="Rows" value={summary.total.toLocaleString('en-GB')} />
        <Figure term="New" value={summary.new.toLocaleString('en-GB')} />
        <Figure term="Duplicates" value={summary.duplicate.toLocaleString('en-GB')} />
        <Figure term="Errors" value={problems.toLocaleString('en-GB')} bad={problems > 0} />
        {figures.map((f) => (
          <Figure key={f.term} term={f.term} value={f.value} />
        ))}
      </dl>
      {warnings.length ? (
        <ul className="import-warnings" aria-label="Warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {fileErrors.length ? (
        <ImportProblems problems={fileErrors} caption="Problems with the file" />
      ) : null}
      {rows.length ? (
        <>
          <div className="segmented import-filter" role="group" aria-label="Show rows">
            {filters.map(([value, label, n]) => (
              <button
                key={value}
                type="button"
                aria-pressed={filter === value}
                onClick={() => setFilter(value)}
              >
                {label} ({n.toLocaleString('en-GB')})
              </button>
            ))}
          </div>
          <ImportRows
            columns={columns}
            rows={showAll ? shown : shown.slice(0, SHOWN)}
            caption="Rows of the file, errors first"
          />
          {shown.length > SHOWN && !showAll ? (
            <button type="button" className="button-link" onClick={() => setShowAll(true)}>
              Show all {count(shown.length, 'row')}
            </button>
          ) : null}
        </>
      ) : null}
      {refused ? (
        <div className="form-error" role="alert">
          <p>{commitError.message}. The records changed since the file was checked:</p>
          <ImportProblems
            problems={problemsOf(commitError.details)}
            caption="Why nothing was imported"
          />
        </div>
      ) : commitError ? (
        <p className="form-error" role="alert">
          Not imported: {commitError.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={why !== null || committing}
          aria-describedby={why ? 'import-why' : undefined}
          onClick={onCommit}
        >
          {committing ? 'Importing…' : commitLabel}
        </button>
        {refused ? (
          <button type="button" className="button button-quiet" onClick={onRecheck}>
            Check the file again
          </button>
        ) : null}
      </div>
      {why ? (
        <p id="import-why" className="muted">
          {why}
        </p>
      ) : null}
    </section>
  )
}

function Figure({ term, value, bad }: { term: string; value: string; bad?: boolean }) {
  return (
    <div className={bad ? 'tone-bad' : undefined}>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  )
}
