import { DEFAULT_RESPONSE_TARGETS, SEVERITIES, SEVERITY_LABELS } from '@opsdeck/contract'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { ApiError } from '../../../lib/api.ts'
import { formatDuration } from '../../../lib/format.ts'
import {
  checkTargets,
  defaultTargetsForm,
  type TargetField,
  targetProblems,
  targetsChanged,
  targetsFormOf,
  type TargetsForm,
  toTargetsPut,
} from '../incident-settings-transform.ts'
import { type IncidentSettings, useReplaceResponseTargets } from '../queries.ts'
import { DurationField } from './duration-field.tsx'

interface Props {
  targets: IncidentSettings['targets']
  /** The id of the heading that names the form. */
  labelledBy: string
  onEdit: () => void
  /** The defaults were put in the form, not yet saved. */
  onReset: () => void
  /** With the API's answer, or null when nothing had changed and nothing was sent. */
  onSaved: (result: IncidentSettings | null) => void
}

/** The four severities' acknowledge and resolve targets, each with its default beside it. */
export function ResponseTargetsForm({ targets, labelledBy, onEdit, onReset, onSaved }: Props) {
  const update = useReplaceResponseTargets()
  const [form, setForm] = useState<TargetsForm>(() => targetsFormOf(targets))
  // What our own check found on the last save; the API's refusal otherwise.
  const [checked, setChecked] = useState<Partial<Record<TargetField, string>> | null>(null)
  const edit = (change: (f: TargetsForm) => TargetsForm) => {
    onEdit()
    setForm(change)
  }

  // A refused save moves focus to its first problem, in the form's order, so that keyboard and
  // screen-reader users hear it: an invalid field, else a problem that is no input's.
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (!update.error && !checked) return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-problem]')?.focus()
  }, [update.error, checked])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const problems = checkTargets(form)
    if (Object.keys(problems).length > 0) {
      update.reset()
      return setChecked(problems)
    }
    setChecked(null)
    const body = toTargetsPut(form)
    if (!targetsChanged(body, targets)) return onSaved(null)
    // Not mutate's onSuccess: by then the refetched targets have replaced this form (its key).
    update.mutateAsync(body).then(onSaved, () => {})
  }

  const apiError = update.error instanceof ApiError ? update.error : null
  const problems = checked ? { fields: checked, other: null } : targetProblems(apiError)
  const other = problems.other ?? (update.error && !apiError ? update.error.message : null)
  return (
    <form
      ref={formRef}
      className="panel grid-form"
      onSubmit={submit}
      aria-labelledby={labelledBy}
      noValidate
    >
      {SEVERITIES.map((s) => (
        <fieldset key={s} className="field target-severity">
          <legend>
            {s} · {SEVERITY_LABELS[s]}
          </legend>
          <div className="target-fields">
            <DurationField
              label="Acknowledge within"
              hint={`Default ${formatDuration(DEFAULT_RESPONSE_TARGETS[s].ackMinutes)}`}
              value={form[s].ack}
              onChange={(ack) => edit((f) => ({ ...f, [s]: { ...f[s], ack } }))}
              problem={problems.fields[`${s}.ack`]}
            />
            <DurationField
              label="Resolve within"
              hint={`Default ${formatDuration(DEFAULT_RESPONSE_TARGETS[s].resolveMinutes)}`}
              value={form[s].resolve}
              onChange={(resolve) => edit((f) => ({ ...f, [s]: { ...f[s], resolve } }))}
              problem={problems.fields[`${s}.resolve`]}
            />
          </div>
        </fieldset>
      ))}
      {other ? (
        <p className="form-error" role="alert" tabIndex={-1} data-problem>
          {other}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save response targets'}
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            setForm(defaultTargetsForm)
            onReset()
          }}
          disabled={update.isPending}
        >
          Reset to defaults
        </button>
      </div>
    </form>
  )
}
