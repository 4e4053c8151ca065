import { CHECK_INTERVAL_SECONDS, CHECK_METHODS, CHECK_TIMEOUT_MS } from '@opsdeck/contract'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { Field } from '../../../components/ui/field.tsx'
import { ApiError } from '../../../lib/api.ts'
import { type CheckForm, checkFieldOf, checkFormOf, toCheckPatch } from '../check-form.ts'
import { formProblems } from '../form-problems.ts'
import { type ServiceDetail, useUpdateService } from '../queries.ts'
import { SelectField } from './select-field.tsx'

interface CheckFormProps {
  slug: string
  check: ServiceDetail['check']
  onDone: (message: string) => void
  onCancel: () => void
}

/** Edits the check; the API judges the check as a whole and its messages land by their field. */
export function CheckFormView({ slug, check, onDone, onCancel }: CheckFormProps) {
  const id = useId()
  const update = useUpdateService(slug)
  const [form, setForm] = useState<CheckForm>(() => checkFormOf(check))
  const set = (key: keyof CheckForm) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }))

  // A refused save moves focus to its first problem, so keyboard and screen-reader users hear it.
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (!update.error) return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-problem]')?.focus()
  }, [update.error])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const patch = toCheckPatch(form, check)
    if (Object.keys(patch).length === 0) return onDone('Nothing to save: the check is unchanged.')
    update.mutateAsync({ check: patch }).then(
      () => onDone('Check saved.'),
      () => {},
    )
  }
  const apiError = update.error instanceof ApiError ? update.error : null
  const problems = formProblems(apiError, 'json.check', checkFieldOf)
  const other = problems.other ?? (update.error && !apiError ? update.error.message : null)
  const p = problems.fields
  return (
    <form
      ref={formRef}
      className="panel grid-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h3 id={`${id}-title`}>Edit the check</h3>
      <SelectField
        label="Checked by"
        value={form.mode}
        onChange={(v) => setForm((f) => ({ ...f, mode: v as CheckForm['mode'] }))}
        options={[
          ['probe', 'The built-in prober'],
          ['push', 'Pushed samples (POST /checks)'],
        ]}
        problem={p.mode}
      />
      <SelectField
        label="Kind"
        value={form.kind}
        onChange={(v) => setForm((f) => ({ ...f, kind: v as CheckForm['kind'] }))}
        options={[
          ['http', 'HTTP(S)'],
          ['tcp', 'TCP connect'],
        ]}
        problem={p.kind}
      />
      {form.kind === 'http' ? (
        <>
          <Field label="URL" type="url" value={form.url} onChange={set('url')} problem={p.url} />
          <SelectField
            label="Method"
            value={form.method}
            onChange={(v) => setForm((f) => ({ ...f, method: v }))}
            options={CHECK_METHODS.map((m) => [m, m] as const)}
            problem={p.method}
          />
          <Field
            label="Expected status codes"
            hint="Separated by commas, e.g. 200, 204"
            value={form.expectedStatuses}
            onChange={set('expectedStatuses')}
            problem={p.expectedStatuses}
          />
          <Field
            label="Body must contain"
            hint="Optional keyword; the check is down without it"
            value={form.keyword}
            onChange={set('keyword')}
            problem={p.keyword}
          />
        </>
      ) : (
        <>
          <Field label="Host" value={form.host} onChange={set('host')} problem={p.host} />
          <Field
            label="Port"
            type="number"
            inputMode="numeric"
            min={1}
            max={65535}
            value={form.port}
            onChange={set('port')}
            problem={p.port}
          />
        </>
      )}
      <Field
        label="Interval (seconds)"
        type="number"
        inputMode="numeric"
        min={CHECK_INTERVAL_SECONDS.min}
        max={CHECK_INTERVAL_SECONDS.max}
        value={form.intervalSeconds}
        onChange={set('intervalSeconds')}
        problem={p.intervalSeconds}
      />
      <Field
        label="Timeout (ms)"
        type="number"
        inputMode="numeric"
        min={CHECK_TIMEOUT_MS.min}
        max={CHECK_TIMEOUT_MS.max}
        value={form.timeoutMs}
        onChange={set('timeoutMs')}
        problem={p.timeoutMs}
      />
      <Field
        label="Degraded above (ms)"
        type="number"
        inputMode="numeric"
        hint="Slower answers count as degraded (up, reported separately)"
        value={form.degradedLatencyMs}
        onChange={set('degradedLatencyMs')}
        problem={p.degradedLatencyMs}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={form.enabled}
          onChange={(e) => setForm((f) => ({ ...f, enabled: e.target.checked }))}
        />
        Checks enabled
      </label>
      {other ? (
        <p className="form-error" role="alert" tabIndex={-1} data-problem>
          {other}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save check'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
