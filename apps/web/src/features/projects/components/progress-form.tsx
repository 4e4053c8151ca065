import { PROJECT_TEXT_MAX_LENGTH } from '@opsdeck/contract'
import { type FormEvent, useId, useState } from 'react'
import { Field } from '../../../components/ui/field.tsx'
import { FormFooter } from '../../../components/ui/form-footer.tsx'
import { ApiError } from '../../../lib/api.ts'
import { placeProblems } from '../../../lib/form-problems.ts'
import {
  type ProgressField,
  type ProgressForm as Form,
  progressFieldOf,
  progressProblems,
  toProgressBody,
} from '../progress-form.ts'
import { useRecordProgress } from '../project-writes.ts'
import { localToday, useFocusFirstProblem } from '../../../lib/form-focus.ts'

/** Percent complete on a day; a day already recorded is replaced. */
export function ProgressForm({ code, onDone }: { code: string; onDone: () => void }) {
  const id = useId()
  const record = useRecordProgress(code)
  const [form, setForm] = useState<Form>(() => ({ asOf: localToday(), percent: '', note: '' }))
  const [local, setLocal] = useState<Partial<Record<ProgressField, string>>>({})
  const { formRef, refused } = useFocusFirstProblem()
  const input = (key: ProgressField) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = progressProblems(form)
    setLocal(found)
    if (Object.keys(found).length > 0) return refused()
    record.mutateAsync({ asOf: form.asOf, body: toProgressBody(form) }).then(onDone, refused)
  }
  const apiError = record.error instanceof ApiError ? record.error : null
  const fromApi = placeProblems(apiError, progressFieldOf, 'Not saved')
  const p = { ...fromApi.fields, ...local }
  const other = fromApi.other ?? (record.error && !apiError ? record.error.message : null)
  return (
    <form
      ref={formRef}
      className="panel grid-form project-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <h3 id={`${id}-title`}>Record progress</h3>
      <Field
        label="As of"
        type="date"
        hint="A day already recorded is replaced"
        value={form.asOf}
        onChange={input('asOf')}
        required
        autoFocus
        problem={p.asOf}
      />
      <Field
        label="% complete"
        inputMode="decimal"
        value={form.percent}
        onChange={input('percent')}
        required
        problem={p.percent}
      />
      <Field
        label="Note"
        className="field-wide"
        value={form.note}
        onChange={input('note')}
        maxLength={PROJECT_TEXT_MAX_LENGTH}
        problem={p.note}
      />
      <FormFooter
        other={other}
        pending={record.isPending}
        submit="Record progress"
        pendingLabel="Recording…"
        onCancel={onDone}
      />
    </form>
  )
}
