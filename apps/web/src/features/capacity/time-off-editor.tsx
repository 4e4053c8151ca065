import {
  CAPACITY_NOTE_MAX_LENGTH,
  TIME_OFF_KIND_LABELS,
  TIME_OFF_KINDS,
  type TimeOffKind,
} from '@opsdeck/contract'
import { type FormEvent, useId, useState } from 'react'
import { Field } from '../../components/ui/field.tsx'
import { FormFooter } from '../../components/ui/form-footer.tsx'
import { SelectField } from '../../components/ui/select-field.tsx'
import { ApiError } from '../../lib/api.ts'
import { formProblems } from '../../lib/form-problems.ts'
import { useAddTimeOff, useEditTimeOff } from './capacity-writes.ts'
import { localToday, useFocusFirstProblem } from '../../lib/form-focus.ts'
import type { TimeOff } from './person-queries.ts'
import {
  emptyTimeOffForm,
  type TimeOffField,
  type TimeOffForm,
  timeOffFieldOf,
  timeOffFormOf,
  timeOffProblems,
  toNewTimeOff,
  toTimeOffPatch,
} from './time-off-form.ts'

const KIND_CHOICES = TIME_OFF_KINDS.map((k) => [k, TIME_OFF_KIND_LABELS[k]] as const)

interface TimeOffEditorProps {
  personId: number
  timeOff?: TimeOff
  onDone: () => void
}

/** Full days from a first to a last day, or half of one day; an overlap is refused by the API. */
export function TimeOffEditor({ personId, timeOff, onDone }: TimeOffEditorProps) {
  const id = useId()
  const add = useAddTimeOff()
  const edit = useEditTimeOff(timeOff?.id ?? 0)
  const write = timeOff ? edit : add
  const [form, setForm] = useState<TimeOffForm>(() =>
    timeOff ? timeOffFormOf(timeOff) : emptyTimeOffForm(localToday()),
  )
  const [local, setLocal] = useState<Partial<Record<TimeOffField, string>>>({})
  const { formRef, refused } = useFocusFirstProblem()
  const input = (key: 'firstDay' | 'lastDay' | 'note') => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = timeOffProblems(form)
    setLocal(found)
    if (Object.keys(found).length > 0) return refused()
    if (timeOff) {
      const patch = toTimeOffPatch(form, timeOff)
      if (Object.keys(patch).length === 0) return onDone()
      edit.mutateAsync(patch).then(onDone, refused)
    } else add.mutateAsync(toNewTimeOff(form, personId)).then(onDone, refused)
  }
  const apiError = write.error instanceof ApiError ? write.error : null
  const fromApi = formProblems(apiError, 'json', timeOffFieldOf(form.halfDay))
  const p = { ...fromApi.fields, ...local }
  const other = fromApi.other ?? (write.error && !apiError ? write.error.message : null)
  return (
    <form
      ref={formRef}
      className="panel grid-form time-off-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <h3 id={`${id}-title`}>{timeOff ? 'Edit the time off' : 'Add time off'}</h3>
      <Field
        label={form.halfDay ? 'Day' : 'First day'}
        type="date"
        value={form.firstDay}
        onChange={input('firstDay')}
        required
        autoFocus
        problem={p.firstDay}
      />
      {form.halfDay ? null : (
        <Field
          label="Last day"
          type="date"
          value={form.lastDay}
          onChange={input('lastDay')}
          required
          problem={p.lastDay}
        />
      )}
      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={form.halfDay}
            onChange={(e) => setForm((f) => ({ ...f, halfDay: e.target.checked }))}
            aria-invalid={p.halfDay ? true : undefined}
            aria-describedby={`${id}-half-hint${p.halfDay ? ` ${id}-half-problem` : ''}`}
          />
          Half a day
        </label>
        <p className="field-hint" id={`${id}-half-hint`}>
          Half of one day only: the last day is the first.
        </p>
        {p.halfDay ? (
          <p className="field-problem" id={`${id}-half-problem`}>
            {p.halfDay}
          </p>
        ) : null}
      </div>
      <SelectField
        label="Kind"
        value={form.kind}
        onChange={(v) => setForm((f) => ({ ...f, kind: v as TimeOffKind }))}
        options={KIND_CHOICES}
        problem={p.kind}
      />
      <Field
        label="Note"
        className="field-wide"
        value={form.note}
        onChange={input('note')}
        maxLength={CAPACITY_NOTE_MAX_LENGTH}
        problem={p.note}
      />
      <FormFooter
        other={other}
        pending={write.isPending}
        submit={timeOff ? 'Save time off' : 'Add time off'}
        pendingLabel="Saving…"
        onCancel={onDone}
      />
    </form>
  )
}
