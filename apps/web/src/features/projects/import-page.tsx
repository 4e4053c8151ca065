import { Link, useLocation } from 'react-router'
import { ImportFrame } from '../../components/import/import-frame.tsx'
import { ImportKindStep } from '../../components/import/import-kind-step.tsx'
import { useImportWizard } from '../../components/import/use-import-wizard.ts'
import { ProjectsImportPreview } from './components/import-preview.tsx'
import { ImportResult } from './components/import-result.tsx'
import { type ChosenFile, ProjectsImportSource } from './components/import-source.tsx'
import { IMPORT_KINDS, type ImportKind } from './import-transform.ts'
import { useCommitImport, usePreviewImport } from './import-writes.ts'

/** The CSV import wizard: upload, preview every row validated, commit all or nothing. */
export function ImportPage() {
  // The Projects page's view (range, filters) rides along, so its links return to it.
  const { search } = useLocation()
  const preview = usePreviewImport()
  const commit = useCommitImport()
  const wizard = useImportWizard<ImportKind, ChosenFile>('actuals', preview, commit)
  const { kind, chosen, pageHeading, previewHeading, resultHeading } = wizard

  return (
    <ImportFrame
      title="Import · Projects · opsdeck"
      heading="Import actuals or plans"
      back={<Link to={{ pathname: '/projects', search }}>← Projects</Link>}
      headingRef={pageHeading}
    >
      {commit.data ? (
        <ImportResult
          result={commit.data}
          search={search}
          headingRef={resultHeading}
          onAnother={wizard.another}
        />
      ) : (
        <div key={wizard.round}>
          <ImportKindStep kinds={IMPORT_KINDS} kind={kind} onChange={wizard.chooseKind} />
          <ProjectsImportSource
            key={kind}
            kind={kind}
            pending={preview.isPending}
            failure={preview.error ? `Could not check the file: ${preview.error.message}` : null}
            onCheck={wizard.check}
            onEdit={wizard.forget}
          />
          {preview.data && chosen ? (
            <ProjectsImportPreview
              checked={preview.data}
              name={chosen.name}
              headingRef={previewHeading}
              committing={commit.isPending}
              commitError={commit.error}
              onCommit={wizard.commitChosen}
              onRecheck={wizard.recheck}
            />
          ) : null}
        </div>
      )}
    </ImportFrame>
  )
}
