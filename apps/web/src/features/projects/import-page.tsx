import { useEffect, useRef, useState } from 'react'
import { Link, useLocation } from 'react-router'
import { ImportKindStep } from './components/import-kind.tsx'
import { ImportPreviewStep } from './components/import-preview.tsx'
import { ImportResult } from './components/import-result.tsx'
import { type ChosenFile, ImportSourceStep } from './components/import-source.tsx'
import type { ImportKind } from './import-transform.ts'
import { useCommitImport, usePreviewImport } from './import-writes.ts'
import '../../components/import/import.css'

/** The CSV import wizard: upload, preview every row validated, commit all or nothing. */
export function ImportPage() {
  // The Projects page's view (range, filters) rides along, so its links return to it.
  const { search } = useLocation()
  const [kind, setKind] = useState<ImportKind>('actuals')
  const [chosen, setChosen] = useState<(ChosenFile & { kind: ImportKind }) | null>(null)
  // A new key remounts the steps, emptying the file input, the pasted text and the reason.
  const [round, setRound] = useState(0)
  const preview = usePreviewImport()
  const commit = useCommitImport()
  const previewHeading = useRef<HTMLHeadingElement>(null)
  const resultHeading = useRef<HTMLHeadingElement>(null)
  const pageHeading = useRef<HTMLHeadingElement>(null)

  // Keyboard and screen-reader users are taken to what each step produced.
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
  const check = (file: ChosenFile) => {
    commit.reset()
    setChosen({ ...file, kind })
    preview.mutate({ kind, csv: file.csv, reason: file.reason })
  }
  const another = () => {
    forget()
    setChosen(null)
    setRound((r) => r + 1)
    pageHeading.current?.focus()
  }

  return (
    <div className="page import-page">
      <title>Import · Projects · opsdeck</title>
      <header className="page-head">
        <div>
          <p className="import-back">
            <Link to={{ pathname: '/projects', search }}>← Projects</Link>
          </p>
          <h1 ref={pageHeading} tabIndex={-1}>
            Import actuals or plans
          </h1>
          <p className="muted">
            Upload a CSV, see every row checked, then import all of it or nothing.
          </p>
        </div>
      </header>
      {commit.data ? (
        <ImportResult
          result={commit.data}
          search={search}
          headingRef={resultHeading}
          onAnother={another}
        />
      ) : (
        <div key={round}>
          <ImportKindStep
            kind={kind}
            onChange={(k) => {
              forget()
              setKind(k)
            }}
          />
          <ImportSourceStep
            key={kind}
            kind={kind}
            pending={preview.isPending}
            failure={preview.error ? `Could not check the file: ${preview.error.message}` : null}
            onCheck={check}
            onEdit={forget}
          />
          {preview.data && chosen ? (
            <ImportPreviewStep
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
