import { type FormEvent, useId, useState } from 'react'
import { Field } from '../../components/ui/field.tsx'
import { FormFooter } from '../../components/ui/form-footer.tsx'
import { SelectField } from '../../components/ui/select-field.tsx'
import { TextArea } from '../../components/ui/text-area.tsx'
import { ApiError } from '../../lib/api.ts'
import { useFocusFirstProblem } from '../../lib/form-focus.ts'
import { formProblems } from '../../lib/form-problems.ts'
import {
  blankSchedule,
  bodyOf,
  formOf,
  namingAddresses,
  PERIOD_KINDS,
  patchOf,
  type ScheduleForm,
  type ScheduleProblems,
  scheduleFieldOf,
  scheduleProblems,
} from './schedule-form.ts'
import { type Schedule, useAddSchedule, useEditSchedule } from './schedule-queries.ts'

interface EditorProps {
  /** The schedule to change; a new one without. */
  schedule?: Schedule
  timezone: string
  onDone: () => void
}

/** Add or change a schedule: checked here first, then the API's field errors beside each field. */
export function ScheduleEditor({ schedule, timezone, onDone }: EditorProps) {
  const id = useId()
  const add = useAddSchedule()
  const edit = useEditSchedule(schedule?.id ?? 0)
  const save = schedule ? edit : add
  const [form, setForm] = useState<ScheduleForm>(() =>
    schedule ? formOf(schedule) : blankSchedule(),
  )
  const [local, setLocal] = useState<ScheduleProblems>({})
  const { formRef, refused } = useFocusFirstProblem()
  const set =
    <K extends keyof ScheduleForm>(key: K) =>
    (value: ScheduleForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = scheduleProblems(form)
    setLocal(found)
    if (Object.keys(found).length > 0) return refused()
    const sent = schedule
      ? edit.mutateAsync(patchOf(form, schedule))
      : add.mutateAsync(bodyOf(form))
    sent.then(onDone, refused)
  }
  const apiError = save.error instanceof ApiError ? save.error : null
  const named = namingAddresses(apiError, save.variables?.emailTo)
  const fromApi = formProblems(named, 'json', scheduleFieldOf)
  const p = { ...fromApi.fields, ...local }
  const title = schedule ? `Edit ${schedule.name}` : 'Add a schedule'
  return (
    <form
      ref={formRef}
      className="panel grid-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      <Field
        label="Name"
        value={form.name}
        onChange={(e) => set('name')(e.target.value)}
        maxLength={120}
        autoComplete="off"
        autoFocus
        problem={p.name}
      />
      <SelectField
        label="Period"
        hint="Each run freezes the last whole period"
        value={form.periodKind}
        onChange={(v) => set('periodKind')(v as ScheduleForm['periodKind'])}
        options={PERIOD_KINDS}
        problem={p.periodKind}
      />
      <Field
        label="Runs at"
        hint={`On the first working day of the period, ${timezone} time`}
        type="time"
        value={form.runAtLocal}
        onChange={(e) => set('runAtLocal')(e.target.value)}
        problem={p.runAtLocal}
      />
      <TextArea
        label="Email to"
        hint="One address a line; at most 20"
        rows={3}
        value={form.emailTo}
        onChange={(e) => set('emailTo')(e.target.value)}
        spellCheck={false}
        problem={p.emailTo}
      />
      <Field
        label="Webhook URL"
        hint="Optional: a chat's incoming webhook, say"
        type="url"
        value={form.webhookUrl}
        onChange={(e) => set('webhookUrl')(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        problem={p.webhookUrl}
      />
      <Field
        label="Share link opens for (days)"
        type="number"
        min={1}
        max={365}
        inputMode="numeric"
        value={form.shareDays}
        onChange={(e) => set('shareDays')(e.target.value)}
        problem={p.shareDays}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={form.enabled}
          onChange={(e) => set('enabled')(e.target.checked)}
        />
        <span>Enabled</span>
      </label>
      <FormFooter
        other={fromApi.other ?? (save.error && !apiError ? save.error.message : null)}
        pending={save.isPending}
        submit={schedule ? 'Save schedule' : 'Add schedule'}
        pendingLabel="Saving…"
        onCancel={onDone}
      />
    </form>
  )
}
