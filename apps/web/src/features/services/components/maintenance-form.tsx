import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { Field } from '../../../components/ui/field.tsx'
import { ApiError } from '../../../lib/api.ts'
import { formProblems } from '../../../lib/form-problems.ts'
import {
  blankMaintenance,
  type MaintenanceForm,
  maintenanceFieldOf,
  toMaintenanceBody,
  WEEKDAYS,
} from '../maintenance-form.ts'
import { useScheduleMaintenance } from '../queries.ts'
import { SelectField } from '../../../components/ui/select-field.tsx'
import { FormFooter } from '../../../components/ui/form-footer.tsx'

interface MaintenanceFormProps {
  slug: string
  /** The organisation's zone: a weekly window's default. */
  timezone: string
  onDone: (message: string) => void
  onCancel: () => void
}

const READER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone

/** Schedules a one-off or weekly window; the API's messages land beside their fields. */
export function MaintenanceFormView({ slug, timezone, onDone, onCancel }: MaintenanceFormProps) {
  const id = useId()
  const schedule = useScheduleMaintenance(slug)
  const [form, setForm] = useState<MaintenanceForm>(() => blankMaintenance(new Date(), timezone))
  const set = (key: keyof MaintenanceForm) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }))

  const formRef = useRef<HTMLFormElement>(null)
  // The button that opened the form is gone once it shows: focus its first field, not <body>.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus()
  }, [])
  useEffect(() => {
    if (!schedule.error) return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-problem]')?.focus()
  }, [schedule.error])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    schedule.mutateAsync(toMaintenanceBody(form)).then(
      () =>
        onDone(
          form.kind === 'once'
            ? 'Maintenance window scheduled.'
            : 'Weekly maintenance window scheduled.',
        ),
      () => {},
    )
  }
  const apiError = schedule.error instanceof ApiError ? schedule.error : null
  const problems = formProblems(apiError, 'json', maintenanceFieldOf)
  const other = problems.other ?? (schedule.error && !apiError ? schedule.error.message : null)
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
      <h3 id={`${id}-title`}>Schedule maintenance</h3>
      <fieldset className="field kind-choice">
        <legend>Repeats</legend>
        {(
          [
            ['once', 'Once'],
            ['weekly', 'Every week'],
          ] as const
        ).map(([kind, label]) => (
          <label key={kind} className="check">
            <input
              type="radio"
              name={`${id}-kind`}
              value={kind}
              checked={form.kind === kind}
              onChange={() => setForm((f) => ({ ...f, kind }))}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {form.kind === 'once' ? (
        <>
          <Field
            label="Starts"
            type="datetime-local"
            hint={`Your time zone (${READER_ZONE})`}
            value={form.startsAt}
            onChange={set('startsAt')}
            problem={p.startsAt}
          />
          <Field
            label="Ends"
            type="datetime-local"
            value={form.endsAt}
            onChange={set('endsAt')}
            problem={p.endsAt}
          />
        </>
      ) : (
        <>
          <SelectField
            label="Day"
            value={form.isoWeekday}
            onChange={(v) => setForm((f) => ({ ...f, isoWeekday: v }))}
            options={WEEKDAYS}
            problem={p.isoWeekday}
          />
          <Field
            label="Start time"
            type="time"
            hint="On the time zone’s clock, so 02:00 stays 02:00 across BST changes"
            value={form.localStart}
            onChange={set('localStart')}
            problem={p.localStart}
          />
          <Field
            label="Duration (minutes)"
            type="number"
            inputMode="numeric"
            min={1}
            max={1440}
            value={form.durationMinutes}
            onChange={set('durationMinutes')}
            problem={p.durationMinutes}
          />
          <Field
            label="Time zone"
            hint="An IANA zone such as Europe/London"
            value={form.timezone}
            onChange={set('timezone')}
            problem={p.timezone}
          />
          <Field
            label="First week from"
            type="date"
            value={form.startsOn}
            onChange={set('startsOn')}
            problem={p.startsOn}
          />
          <Field
            label="Last day (optional)"
            type="date"
            value={form.endsOn}
            onChange={set('endsOn')}
            problem={p.endsOn}
          />
        </>
      )}
      <Field
        label="Reason"
        className="field-wide"
        hint="What the work is, e.g. Monthly patching"
        value={form.reason}
        onChange={set('reason')}
        problem={p.reason}
      />
      <FormFooter
        other={other}
        pending={schedule.isPending}
        submit="Schedule"
        pendingLabel="Scheduling…"
        onCancel={onCancel}
      />
    </form>
  )
}
