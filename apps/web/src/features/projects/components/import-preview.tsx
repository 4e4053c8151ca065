import { count, type PreviewColumn } from '../../../components/import/import-files.ts'
import {
  ImportPreviewStep,
  type PreviewStepState,
} from '../../../components/import/import-preview-step.tsx'
import type { ImportPreview } from '../import-writes.ts'
import { formatPence } from '../money.ts'
import { ACTUAL_COLUMNS, type ActualRow, PLAN_COLUMNS, type PlanRow } from './import-columns.ts'

interface ImportPreviewProps extends PreviewStepState {
  checked: ImportPreview
}

/** Step 3 for actuals or plans: the shared preview, with the new rows' total. */
export function ProjectsImportPreview({ checked, ...step }: ImportPreviewProps) {
  const actuals = checked.kind === 'actuals'
  const { summary } = checked.preview
  const columns = (actuals ? ACTUAL_COLUMNS : PLAN_COLUMNS) as PreviewColumn<ActualRow | PlanRow>[]
  return (
    <ImportPreviewStep<ActualRow | PlanRow>
      {...step}
      preview={checked.preview}
      columns={columns}
      figures={[
        {
          term: actuals ? 'Total of new rows' : 'Planned in new rows',
          value: formatPence(summary.amountPence),
        },
      ]}
      nothingNew={
        actuals
          ? 'Every row is already recorded: there is nothing new to import.'
          : 'Every project’s rows equal its current baseline: there is nothing new to import.'
      }
      commitLabel={`Import ${count(summary.new, 'new row')}`}
    />
  )
}
