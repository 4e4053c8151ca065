import { MAX_IMPORT_BYTES } from '@opsdeck/contract'
import { type FormEvent, type Ref, useEffect, useId, useRef, useState } from 'react'
import { Link } from 'react-router'
import {
  byteSize,
  count,
  formatBytes,
  orderRows,
  problemsOf,
  type RowFilter,
  type RowStatus,
  tooLarge,
} from '../../components/import/import-files.ts'
import '../../components/import/import.css'
import { ImportProblems } from '../../components/import/import-problems.tsx'
import { Field } from '../../components/ui/field.tsx'
import { ApiError } from '../../lib/api.ts'
import {
  ALLOCATION_PREVIEW_COLUMNS,
  CAPACITY_IMPORT_KINDS,
  type CapacityImportKind,
  PERSON_PREVIEW_COLUMNS,
  type PreviewColumn,
  templateHref,
} from './import-kinds.ts'
import {
  type CapacityImportCommitted,
  type CapacityImportPreview,
  useCommitCapacityImport,
  usePreviewCapacityImport,
} from './import-writes.ts'

interface Chosen {
  kind: CapacityImportKind
  csv: string
  name: string
}

/** The capacity CSV import: people or allocations; preview every row checked; all or nothing. */
export function CapacityImportPage() {
  const [kind, setKind] = useState<CapacityImportKind>('people')
  const [chosen, setChosen] = useState<Chosen | null>(null)
  // A new key remounts the steps, emptying the file input and the pasted text.
  const [round, setRound] = useState(0)
  const preview = usePreviewCapacityImport()
  const commit = useCommitCapacityImport()
  const previewHeading = useRef<HTMLHeadingElement>(null)
  const resultHeading = useRef<HTMLHeadingElement>(null)
  const pageHeading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    if (preview.data) previewHeading.current?.focus()
  }, [preview.data])
  useEffect(() => {
    if (commit.data) resultHeading.current?.focus()
  }, [commit.data])

  const forget = () => {
    preview.reset()
    commit.reset()
  }
  const check = (file: { csv: string; name: string }) => {
    commit.reset()
    const next = { ...file, kind }
    setChosen(next)
    preview.mutate(next)
  }
  const another = () => {
    forget()
    setChosen(null)
    setRound((r) => r + 1)
    pageHeading.current?.focus()
  }

  return (
    <div className="page import-page">
      <title>Import · Capacity · opsdeck</title>
      <header className="page-head">
        <div>
          <p className="import-back">
            <Link to="/capacity">← Capacity</Link>
          </p>
          <h1 ref={pageHeading} tabIndex={-1}>
            Import people or allocations
          </h1>
          <p className="muted">
            Upload a CSV, see every row checked, then import all of it or nothing.
          </p>
        </div>
      </header>
      {commit.data ? (
        <Result result={commit.data} headingRef={resultHeading} onAnother={another} />
      ) : (
        <div key={round}>
          <KindStep
            kind={kind}
            onChange={(k) => {
              forget()
              setKind(k)
            }}
          />
          <SourceStep
            key={kind}
            kind={kind}
            pending={preview.isPending}
            failure={preview.error ? `Could not check the file: ${preview.error.message}` : null}
            onCheck={check}
            onEdit={forget}
          />
          {preview.data && chosen ? (
            <PreviewStep
              checked={preview.data}
              name={chosen.name}
              headingRef={previewHeading}
              committing={commit.isPending}
              commitError={commit.error}
              onCommit={() => commit.mutate(chosen)}
              onRecheck={() => {
                commit.reset()
                preview.mutate(chosen)
              }}
            />
          ) : null}
        </div>
      )}
    </div>
  )
}

/** Step 1: people or allocations, with the columns and formats, a template and the export. */
function KindStep(props: { kind: CapacityImportKind; onChange: (k: CapacityImportKind) => void }) {
  const spec = CAPACITY_IMPORT_KINDS[props.kind]
  return (
    <section className="panel import-step" aria-labelledby="import-kind-title">
      <h2 id="import-kind-title">1. What to import</h2>
      <fieldset className="field import-kinds">
        <legend className="visually-hidden">What the file holds</legend>
        {(Object.keys(CAPACITY_IMPORT_KINDS) as CapacityImportKind[]).map((k) => (
          <label key={k} className="check">
            <input
              type="radio"
              name="import-kind"
              value={k}
              checked={props.kind === k}
              onChange={() => props.onChange(k)}
            />
            {CAPACITY_IMPORT_KINDS[k].label}
          </label>
        ))}
      </fieldset>
      <p>{spec.about}</p>
      <div className="table-scroll">
        <table className="data import-columns">
          <caption className="visually-hidden">The columns of a {spec.label} file</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col" className="text">
                Required
              </th>
              <th scope="col" className="text">
                Format
              </th>
            </tr>
          </thead>
          <tbody>
            {spec.columns.map((c) => (
              <tr key={c.name}>
                <th scope="row">
                  <code>{c.name}</code>
                </th>
                <td>{c.required ? 'Required' : 'Optional'}</td>
                <td className="wrap">{c.format}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        The first row names the columns, in any order and any case; other columns are ignored.
        UTF-8, with or without a BOM; Windows or Unix line ends.{' '}
        <a href={templateHref(props.kind)} download={spec.fileName}>
          Download a template ({spec.fileName})
        </a>{' '}
        · <a href={spec.exportHref}>Export what is stored</a>
      </p>
    </section>
  )
}

interface SourceProps {
  kind: CapacityImportKind
  pending: boolean
  failure: string | null
  onCheck: (file: { csv: string; name: string }) => void
  onEdit: () => void
}

/** Step 2: a CSV file read in the browser (or pasted), refused here when larger than the API takes. */
function SourceStep({ kind, pending, failure, onCheck, onEdit }: SourceProps) {
  const id = useId()
  const fileInput = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<{ name: string; text: string } | null>(null)
  const [pasted, setPasted] = useState('')
  const [reading, setReading] = useState(false)
  const [problem, setProblem] = useState<string | undefined>()
  const spec = CAPACITY_IMPORT_KINDS[kind]

  const choose = async (input: HTMLInputElement) => {
    onEdit()
    setProblem(undefined)
    setPasted('')
    setFile(null)
    const chosen = input.files?.[0]
    if (!chosen) return
    const large = tooLarge(chosen.name, chosen.size)
    if (large) {
      input.value = ''
      setProblem(large)
      return
    }
    setReading(true)
    try {
      setFile({ name: chosen.name, text: await chosen.text() })
    } catch {
      input.value = ''
      setProblem(`${chosen.name} could not be read: choose it again`)
    } finally {
      setReading(false)
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const csv = file?.text ?? pasted
    const name = file?.name ?? 'The pasted text'
    const found = !csv.trim()
      ? 'Choose a CSV file, or paste its text below'
      : (tooLarge(name, byteSize(csv)) ?? undefined)
    setProblem(found)
    if (!found) onCheck({ csv, name })
  }

  return (
    <form
      className="panel import-step stack-form"
      aria-labelledby={`${id}-title`}
      onSubmit={submit}
      noValidate
    >
      <h2 id={`${id}-title`}>2. Choose the file</h2>
      <Field
        label={`CSV file of ${spec.label.toLowerCase()}`}
        type="file"
        accept=".csv,text/csv"
        ref={fileInput}
        onChange={(e) => void choose(e.target)}
        hint={
          file
            ? `${file.name}, ${formatBytes(byteSize(file.text))}: read, not yet sent`
            : `At most ${formatBytes(MAX_IMPORT_BYTES)}; it is read here and sent only when you check it`
        }
        problem={problem}
      />
      <div className="field">
        <label htmlFor={`${id}-paste`}>Or paste the CSV</label>
        <textarea
          id={`${id}-paste`}
          className="import-paste"
          rows={5}
          spellCheck={false}
          value={pasted}
          placeholder={spec.example.split('\r\n').slice(0, 2).join('\n')}
          onChange={(e) => {
            onEdit()
            setProblem(undefined)
            setPasted(e.target.value)
            if (file && fileInput.current) fileInput.current.value = ''
            setFile(null)
          }}
        />
      </div>
      {failure ? (
        <p className="form-error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={pending || reading}>
          {pending ? 'Checking…' : reading ? 'Reading the file…' : 'Check the file'}
        </button>
      </div>
    </form>
  )
}

// Past this many rows the table shows the first ones (errors first) until asked for all.
const SHOWN = 500

interface PreviewProps {
  checked: CapacityImportPreview
  name: string
  headingRef: Ref<HTMLHeadingElement>
  committing: boolean
  commitError: Error | null
  onCommit: () => void
  onRecheck: () => void
}

type AnyRow = CapacityImportPreview['preview']['rows'][number]

/** Step 3: the summary, every row with its status and errors, and Import, all or nothing. */
function PreviewStep(props: PreviewProps) {
  const { checked, name, headingRef, committing, commitError, onCommit, onRecheck } = props
  const { summary, rows, fileErrors, warnings } = checked.preview
  const [filter, setFilter] = useState<RowFilter>('all')
  const [showAll, setShowAll] = useState(false)
  const shown = orderRows<AnyRow>(rows, filter)
  const problems = summary.errors + fileErrors.length
  const what = checked.kind === 'people' ? 'person' : 'allocation'
  const why = !summary.committable
    ? `Nothing can be imported while the file has ${count(problems, 'error')}: correct ${problems === 1 ? 'it' : 'them'} and check the file again. Nothing is written until every row is right.`
    : summary.new === 0
      ? checked.kind === 'people'
        ? 'Everyone in the file is already stored: there is nothing new to import.'
        : 'Every allocation in the file is already stored: there is nothing new to import.'
      : null
  const refused = commitError instanceof ApiError && commitError.code === 'invalid_import'
  const filters: [RowFilter, string, number][] = [
    ['all', 'All', summary.total],
    ['error', 'Errors', summary.errors],
    ['new', 'New', summary.new],
    ['duplicate', 'Duplicates', summary.duplicate],
  ]
  const columns = (
    checked.kind === 'people' ? PERSON_PREVIEW_COLUMNS : ALLOCATION_PREVIEW_COLUMNS
  ) as PreviewColumn<AnyRow>[]

  return (
    <section className="panel import-step" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title" ref={headingRef} tabIndex={-1}>
        3. Check and import
      </h2>
      <p className="muted">{name}: nothing is written until you import it.</p>
      <dl className="import-summary" aria-label="Preview summary">
        <Figure term="Rows" value={summary.total} />
        <Figure term="New" value={summary.new} />
        <Figure term="Duplicates" value={summary.duplicate} />
        <Figure term="Errors" value={problems} bad={problems > 0} />
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
          <Rows
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
          {committing
            ? 'Importing…'
            : `Import ${count(summary.new, `new ${what}`, what === 'person' ? 'new people' : undefined)}`}
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

function Figure({ term, value, bad }: { term: string; value: number; bad?: boolean }) {
  return (
    <div className={bad ? 'tone-bad' : undefined}>
      <dt>{term}</dt>
      <dd>{value.toLocaleString('en-GB')}</dd>
    </div>
  )
}

const STATUS_TEXT: Record<RowStatus, string> = {
  new: 'New',
  duplicate: 'Duplicate',
  error: 'Error',
}

/** Every row of the preview: its line, status, values as read, and each error by column. */
function Rows(props: { columns: PreviewColumn<AnyRow>[]; rows: AnyRow[]; caption: string }) {
  const { columns, rows, caption } = props
  return (
    <div className="table-scroll import-rows" tabIndex={0} role="region" aria-label={caption}>
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col" className="text">
              Status
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.num ? undefined : 'text'}>
                {c.label}
              </th>
            ))}
            <th scope="col" className="text">
              Problems
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const bad = new Set(row.errors.map((e) => e.column))
            return (
              <tr key={row.line} className={`import-row-${row.status}`}>
                <th scope="row" className="num">
                  {row.line}
                </th>
                <td>
                  <span className={`chip import-status import-status-${row.status}`}>
                    {STATUS_TEXT[row.status]}
                  </span>
                </td>
                {columns.map((c) => (
                  <td
                    key={c.key}
                    className={[c.num ? 'num' : '', bad.has(c.key) ? 'import-cell-bad' : '']
                      .filter(Boolean)
                      .join(' ')}
                  >
                    {c.cell(row)}
                  </td>
                ))}
                <td className="wrap import-errors">
                  {row.errors.length ? (
                    <ul>
                      {row.errors.map((e, i) => (
                        <li key={i}>
                          <strong>{e.column}</strong>: {e.message}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** What a commit wrote: people by team, or allocations by person. */
function Result(props: {
  result: CapacityImportCommitted
  headingRef: Ref<HTMLHeadingElement>
  onAnother: () => void
}) {
  const { result, headingRef, onAnother } = props
  const { written, duplicate } = result.committed
  return (
    <section className="panel import-step" aria-labelledby="import-result-title">
      <h2 id="import-result-title" ref={headingRef} tabIndex={-1}>
        {written ? 'Imported' : 'Nothing new to import'}
      </h2>
      <p role="status" className="import-done">
        {result.kind === 'people'
          ? `Added ${count(written, 'person', 'people')} to ${count(result.committed.teams.length, 'team')}.`
          : `Booked ${count(written, 'allocation')} for ${count(result.committed.people.length, 'person', 'people')}.`}
        {duplicate
          ? ` ${count(duplicate, 'row')} already stored ${duplicate === 1 ? 'was' : 'were'} skipped.`
          : ''}
      </p>
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
      <div className="form-actions">
        <button type="button" className="button" onClick={onAnother}>
          Import another file
        </button>
        <Link to="/capacity">Back to Capacity</Link>
      </div>
    </section>
  )
}
