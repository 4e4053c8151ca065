import { CHECK_INTERVAL_SECONDS, CHECK_METHODS, CHECK_TIMEOUT_MS } from '@opsdeck/contract'
import type { Dispatch, SetStateAction } from 'react'
import { Field } from '../../../components/ui/field.tsx'
import type { CheckField, CheckForm } from '../check-form.ts'
import { SelectField } from '../../../components/ui/select-field.tsx'

interface CheckFieldsProps {
  form: CheckForm
  setForm: Dispatch<SetStateAction<CheckForm>>
  /** The API's messages by field. */
  problems: Partial<Record<CheckField, string>>
}

/** The check's inputs, shared by the check's edit form and the new-service form. */
export function CheckFields({ form, setForm, problems: p }: CheckFieldsProps) {
  const set = (key: keyof CheckForm) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }))
  return (
    <>
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
    </>
  )
}
