import { MAX_RAW_SAMPLE_RETENTION_DAYS, MIN_RAW_SAMPLE_RETENTION_DAYS } from '@opsdeck/contract'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { Field } from '../../../components/ui/field.tsx'
import { FormFooter } from '../../../components/ui/form-footer.tsx'
import { SelectField } from '../../../components/ui/select-field.tsx'
import { ApiError } from '../../../lib/api.ts'
import { type Settings, type SettingsUpdated, useUpdateSettings } from '../queries.ts'
import {
  fieldProblems,
  formOf,
  type Region,
  REGION_NAMES,
  type SettingsForm,
  toPatch,
} from '../transform.ts'
import { ThresholdsFieldset } from './thresholds-fieldset.tsx'

// The browser's own lists; the API checks the same IANA and ISO 4217 names.
const TIMEZONES = Intl.supportedValuesOf('timeZone')
const CURRENCIES = Intl.supportedValuesOf('currency')
const currencyNames = new Intl.DisplayNames(['en-GB'], { type: 'currency' })

interface Props {
  settings: Settings
  /** The id of the heading that names the form. */
  labelledBy: string
  onEdit: () => void
  /** With the API's answer, or null when nothing had changed and nothing was sent. */
  onSaved: (result: SettingsUpdated | null) => void
}

export function SettingsFormView({ settings, labelledBy, onEdit, onSaved }: Props) {
  const id = useId()
  const update = useUpdateSettings()
  const [form, setForm] = useState<SettingsForm>(() => formOf(settings))
  const edit = (change: (f: SettingsForm) => SettingsForm) => {
    onEdit()
    setForm(change)
  }
  const set = (key: Exclude<keyof SettingsForm, 'rag'>) => (e: { target: { value: string } }) =>
    edit((f) => ({ ...f, [key]: e.target.value }))

  // A refused save moves focus to its first problem, in the form's order, so that keyboard and
  // screen-reader users hear it: an invalid field, else a problem that is no input's.
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (!update.error) return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-problem]')?.focus()
  }, [update.error])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const patch = toPatch(form, settings)
    if (Object.keys(patch).length === 0) return onSaved(null)
    // Not mutate's onSuccess: by then the refetched settings have replaced this form (its key).
    update.mutateAsync(patch).then(onSaved, () => {})
  }

  const problems = fieldProblems(update.error instanceof ApiError ? update.error : null)
  const other =
    problems.other ??
    (update.error && !(update.error instanceof ApiError) ? update.error.message : null)
  // A value set outside this page is still shown as it is, not as the list's first entry.
  const withCurrent = (list: string[], value: string) =>
    list.includes(value) ? list : [value, ...list]
  const currencies = withCurrent(CURRENCIES, form.currency)
  const regions = withCurrent(Object.keys(REGION_NAMES), form.bankHolidayRegion)
  return (
    <form
      ref={formRef}
      className="panel grid-form"
      onSubmit={submit}
      aria-labelledby={labelledBy}
      noValidate
    >
      <Field
        label="Organisation name"
        autoComplete="organization"
        required
        value={form.name}
        onChange={set('name')}
        problem={problems.fields.name}
      />
      <Field
        label="Time zone"
        list={`${id}-zones`}
        autoComplete="off"
        spellCheck={false}
        required
        hint="An IANA zone such as Europe/London. Calendar days, weeks and months are counted in it as soon as it is saved; the daily uptime figures are then re-labelled as days of the new zone in the background, and stay exact meanwhile."
        value={form.timezone}
        onChange={set('timezone')}
        problem={problems.fields.timezone}
      />
      <datalist id={`${id}-zones`}>
        {TIMEZONES.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <SelectField
        label="Currency"
        value={form.currency}
        onChange={(currency) => edit((f) => ({ ...f, currency }))}
        problem={problems.fields.currency}
        hint="Amounts are re-labelled, not converted: £1,000 becomes €1,000. A currency with a different number of decimal places (JPY has none) can be chosen only before any amount is recorded."
        options={currencies.map((c) => [c, `${c} · ${currencyNames.of(c) ?? c}`])}
      />
      <SelectField
        label="Bank holidays"
        value={form.bankHolidayRegion}
        onChange={(bankHolidayRegion) => edit((f) => ({ ...f, bankHolidayRegion }))}
        problem={problems.fields.bankHolidayRegion}
        hint="Bank holidays of this region are taken out of everyone's capacity."
        options={regions.map((r) => [r, REGION_NAMES[r as Region] ?? r])}
      />
      <Field
        label="Working days per week"
        type="number"
        inputMode="numeric"
        min={1}
        max={7}
        step={1}
        required
        value={form.workingDaysPerWeek}
        onChange={set('workingDaysPerWeek')}
        problem={problems.fields.workingDaysPerWeek}
      />
      <Field
        label="Raw check samples kept (days)"
        type="number"
        inputMode="numeric"
        min={MIN_RAW_SAMPLE_RETENTION_DAYS}
        max={MAX_RAW_SAMPLE_RETENTION_DAYS}
        step={1}
        required
        hint={`From ${MIN_RAW_SAMPLE_RETENTION_DAYS} to ${MAX_RAW_SAMPLE_RETENTION_DAYS} days. Older samples are deleted for good within the hour, a day at a time, and probes cannot send them any more; uptime and latency figures stay, from hourly rollups for 400 days and daily ones for ever.`}
        value={form.rawSampleRetentionDays}
        onChange={set('rawSampleRetentionDays')}
        problem={problems.fields.rawSampleRetentionDays}
      />
      <ThresholdsFieldset
        rag={form.rag}
        problems={problems.fields}
        onChange={(rag) => edit((f) => ({ ...f, rag }))}
      />
      <FormFooter
        other={other}
        pending={update.isPending}
        submit="Save settings"
        pendingLabel="Saving…"
      />
    </form>
  )
}
