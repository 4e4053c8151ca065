import { type FormEvent, useEffect, useRef, useState } from 'react'
import { Field } from '../../../components/ui/field.tsx'
import { FormFooter } from '../../../components/ui/form-footer.tsx'
import { ApiError } from '../../../lib/api.ts'
import {
  type LabelField,
  labelProblems,
  type LabelsForm,
  toLabelsPatch,
} from '../incident-settings-transform.ts'
import { type IncidentSettings, useUpdateIntakeLabels } from '../queries.ts'

interface Props {
  labels: LabelsForm
  /** The id of the heading that names the form. */
  labelledBy: string
  onEdit: () => void
  /** With the API's answer, or null when nothing had changed and nothing was sent. */
  onSaved: (result: IncidentSettings | null) => void
}

/** The two Prometheus labels an Alertmanager alert's severity and services are read from. */
export function IntakeLabelsForm({ labels, labelledBy, onEdit, onSaved }: Props) {
  const update = useUpdateIntakeLabels()
  const [form, setForm] = useState<LabelsForm>(labels)
  const set = (key: LabelField) => (e: { target: { value: string } }) => {
    onEdit()
    setForm((f) => ({ ...f, [key]: e.target.value }))
  }

  // A refused save moves focus to its first problem, as the other settings forms do.
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (!update.error) return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-problem]')?.focus()
  }, [update.error])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const patch = toLabelsPatch(form, labels)
    if (Object.keys(patch).length === 0) return onSaved(null)
    update.mutateAsync(patch).then(onSaved, () => {})
  }

  const apiError = update.error instanceof ApiError ? update.error : null
  const problems = labelProblems(apiError)
  const other = problems.other ?? (update.error && !apiError ? update.error.message : null)
  const label = { autoComplete: 'off', spellCheck: false, required: true } as const
  return (
    <form
      ref={formRef}
      className="panel grid-form"
      onSubmit={submit}
      aria-labelledby={labelledBy}
      noValidate
    >
      <Field
        label="Severity label"
        {...label}
        hint="critical → SEV1, high or error → SEV2, warning → SEV3, any other value or none → SEV4."
        value={form.alertmanagerSeverityLabel}
        onChange={set('alertmanagerSeverityLabel')}
        problem={problems.fields.alertmanagerSeverityLabel}
      />
      <Field
        label="Service label"
        {...label}
        hint="Its values are matched to service slugs; one that matches no service is noted on the incident’s timeline."
        value={form.alertmanagerServiceLabel}
        onChange={set('alertmanagerServiceLabel')}
        problem={problems.fields.alertmanagerServiceLabel}
      />
      <FormFooter
        other={other}
        pending={update.isPending}
        submit="Save labels"
        pendingLabel="Saving…"
      />
    </form>
  )
}
