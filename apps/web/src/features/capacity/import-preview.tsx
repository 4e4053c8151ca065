import { count, type PreviewColumn } from '../../components/import/import-files.ts'
import {
  ImportPreviewStep,
  type PreviewStepState,
} from '../../components/import/import-preview-step.tsx'
import {
  ALLOCATION_PREVIEW_COLUMNS,
  type AllocationRow,
  PERSON_PREVIEW_COLUMNS,
  type PersonRow,
} from './import-kinds.ts'
import type { CapacityImportPreview } from './import-writes.ts'

type AnyRow = PersonRow | AllocationRow

interface CapacityImportPreviewProps extends PreviewStepState {
  checked: CapacityImportPreview
}

/** Step 3 for people or allocations: the shared preview, counting people or allocations. */
export function CapacityImportPreviewStep({ checked, ...step }: CapacityImportPreviewProps) {
  const people = checked.kind === 'people'
  const columns = (
    people ? PERSON_PREVIEW_COLUMNS : ALLOCATION_PREVIEW_COLUMNS
  ) as PreviewColumn<AnyRow>[]
  const fresh = checked.preview.summary.new
  return (
    <ImportPreviewStep<AnyRow>
      {...step}
      preview={checked.preview}
      columns={columns}
      nothingNew={
        people
          ? 'Everyone in the file is already stored: there is nothing new to import.'
          : 'Every allocation in the file is already stored: there is nothing new to import.'
      }
      commitLabel={`Import ${people ? count(fresh, 'new person', 'new people') : count(fresh, 'new allocation')}`}
    />
  )
}
