import { Link } from 'react-router'
import { ImportFrame } from '../../components/import/import-frame.tsx'
import { ImportKindStep } from '../../components/import/import-kind-step.tsx'
import { type ChosenCsv, ImportSourceStep } from '../../components/import/import-source-step.tsx'
import { useImportWizard } from '../../components/import/use-import-wizard.ts'
import { CAPACITY_IMPORT_KINDS, type CapacityImportKind } from './import-kinds.ts'
import { CapacityImportPreviewStep } from './import-preview.tsx'
import { CapacityImportResult } from './import-result.tsx'
import { useCommitCapacityImport, usePreviewCapacityImport } from './import-writes.ts'

/** The capacity CSV import: people or allocations; preview every row checked; all or nothing. */
export function CapacityImportPage() {
  const preview = usePreviewCapacityImport()
  const commit = useCommitCapacityImport()
  const wizard = useImportWizard<CapacityImportKind, ChosenCsv>('people', preview, commit)
  const { kind, chosen, pageHeading, previewHeading, resultHeading } = wizard

  return (
    <ImportFrame
      title="Import · Capacity · opsdeck"
      heading="Import people or allocations"
      back={<Link to="/capacity">← Capacity</Link>}
      headingRef={pageHeading}
    >
      {commit.data ? (
        <CapacityImportResult
          result={commit.data}
          headingRef={resultHeading}
          onAnother={wizard.another}
        />
      ) : (
        <div key={wizard.round}>
          <ImportKindStep kinds={CAPACITY_IMPORT_KINDS} kind={kind} onChange={wizard.chooseKind} />
          <ImportSourceStep
            key={kind}
            spec={CAPACITY_IMPORT_KINDS[kind]}
            pending={preview.isPending}
            failure={preview.error ? `Could not check the file: ${preview.error.message}` : null}
            onCheck={wizard.check}
            onEdit={wizard.forget}
          />
          {preview.data && chosen ? (
            <CapacityImportPreviewStep
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
