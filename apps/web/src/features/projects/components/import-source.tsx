import { useState } from 'react'
import { type ChosenCsv, ImportSourceStep } from '../../../components/import/import-source-step.tsx'
import { Field } from '../../../components/ui/field.tsx'
import { IMPORT_KINDS, type ImportKind } from '../import-transform.ts'

export interface ChosenFile extends ChosenCsv {
  reason: string
}

interface ImportSourceProps {
  kind: ImportKind
  pending: boolean
  /** Why the last check failed (the API could not be reached, a refusal), if it did. */
  failure: string | null
  onCheck: (file: ChosenFile) => void
  /** The file, text or reason changed: a preview of the old one no longer applies. */
  onEdit: () => void
}

/** Step 2 for actuals or plans: the shared file step, and for a plan why it changes. */
export function ProjectsImportSource({
  kind,
  pending,
  failure,
  onCheck,
  onEdit,
}: ImportSourceProps) {
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const planned = kind === 'baselines'
  return (
    <ImportSourceStep
      spec={IMPORT_KINDS[kind]}
      pending={pending}
      failure={failure}
      onCheck={(file) => onCheck({ ...file, reason: reason.trim() })}
      onEdit={() => {
        onEdit()
        setProblem(undefined)
      }}
      checkMore={() => {
        const found =
          planned && !reason.trim() ? 'Say why the plan changes: it is kept with it' : undefined
        setProblem(found)
        return !found
      }}
    >
      {planned ? (
        <Field
          label="Reason for the new baseline"
          hint="Kept with each new baseline version, e.g. “Scope change approved by the board”"
          value={reason}
          maxLength={500}
          onChange={(e) => {
            onEdit()
            setReason(e.target.value)
          }}
          problem={problem}
        />
      ) : null}
    </ImportSourceStep>
  )
}
