import { INCIDENT_TEXT_MAX_LENGTH } from '@opsdeck/contract'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { Field } from '../../../components/ui/field.tsx'
import { ApiError } from '../../../lib/api.ts'
import type { Milestone } from '../detail-transform.ts'
import { formProblems } from '../../../lib/form-problems.ts'
import { fromLocalInput, toLocalInput } from '../local-time.ts'
import { useCorrectMilestone } from '../queries.ts'
import { FormFooter } from '../../../components/ui/form-footer.tsx'
import { TextArea } from '../../../components/ui/text-area.tsx'

interface CorrectionFormProps {
  refId: string
  field: Milestone
  label: string
  at: string | null
  onDone: () => void
}

/**
 * A milestone's new time (empty clears it, where the status allows) and the reason, required.
 * A refused save moves focus to the first problem, as Save is disabled while saving.
 */
export function CorrectionForm({ refId, field, label, at, onDone }: CorrectionFormProps) {
  const id = useId()
  const correct = useCorrectMilestone(refId)
  const [value, setValue] = useState(toLocalInput(at))
  const [reason, setReason] = useState('')
  const [local, setLocal] = useState<{ value?: string; reason?: string }>({})
  const [attempt, setAttempt] = useState(0)
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (attempt === 0) return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-problem]')?.focus()
  }, [attempt])
  const refused = () => setAttempt((n) => n + 1)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found: typeof local = {}
    if (value && !fromLocalInput(value)) found.value = 'Enter a date and time, or leave it empty'
    if (!reason.trim()) found.reason = 'Say why the time is corrected'
    setLocal(found)
    if (found.value ?? found.reason) return refused()
    correct.mutate(
      { field, value: value ? fromLocalInput(value) : null, reason: reason.trim() },
      { onSuccess: onDone, onError: refused },
    )
  }
  const apiError = correct.error instanceof ApiError ? correct.error : null
  const fromApi = formProblems(apiError, 'json', (key) =>
    key === 'value' || key === 'reason' ? key : null,
  )
  const p = { ...fromApi.fields, ...local }
  const other = fromApi.other ?? (correct.error && !apiError ? correct.error.message : null)
  const name = label.toLowerCase()
  return (
    <form
      ref={formRef}
      className="panel grid-form incident-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <h3 id={`${id}-title`}>Correct the {name} time</h3>
      <Field
        label={`${label} at`}
        hint="Your time zone; empty clears it"
        type="datetime-local"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        autoFocus
        problem={p.value}
      />
      <TextArea
        label="Reason"
        className="field-wide"
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={INCIDENT_TEXT_MAX_LENGTH}
        required
        problem={p.reason}
      />
      <FormFooter
        other={other}
        pending={correct.isPending}
        submit="Save correction"
        pendingLabel="Saving…"
        onCancel={onDone}
      />
    </form>
  )
}
