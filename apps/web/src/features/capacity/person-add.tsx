import {
  BANK_HOLIDAY_REGION_LABELS,
  BANK_HOLIDAY_REGIONS,
  type BankHolidayRegion,
  PERSON_NAME_MAX_LENGTH,
  PERSON_ROLE_MAX_LENGTH,
  WEEKDAY_LABELS,
} from '@opsdeck/contract'
import { type FormEvent, useId, useState } from 'react'
import { useNavigate } from 'react-router'
import { Field } from '../../components/ui/field.tsx'
import { FormFooter } from '../../components/ui/form-footer.tsx'
import { SelectField } from '../../components/ui/select-field.tsx'
import { ApiError } from '../../lib/api.ts'
import { localToday, useFocusFirstProblem } from '../../lib/form-focus.ts'
import { formProblems } from '../../lib/form-problems.ts'
import {
  emptyNewPerson,
  type NewPersonField,
  type NewPersonForm,
  newPersonFieldOf,
  newPersonProblems,
  toNewPerson,
} from './new-person-form.ts'
import type { Team } from './organisation-queries.ts'
import { useAddPerson } from './organisation-writes.ts'

const WEEKDAYS = WEEKDAY_LABELS.map((label, i) => [i + 1, label] as const)
type TextKey = 'name' | 'email' | 'role' | 'hours' | 'startDate' | 'costRate' | 'skills'

interface PersonAddProps {
  teams: readonly Team[]
  /** The team the list is filtered to, chosen to start with. */
  teamSlug: string | null
  onCancel: () => void
}

/** A new person in a team from their start day; saved, their page opens. */
export function PersonAdd({ teams, teamSlug, onCancel }: PersonAddProps) {
  const id = useId()
  const navigate = useNavigate()
  const add = useAddPerson()
  const [form, setForm] = useState<NewPersonForm>(() =>
    emptyNewPerson(localToday(), String(teams.find((t) => t.slug === teamSlug)?.id ?? '')),
  )
  const [local, setLocal] = useState<Partial<Record<NewPersonField, string>>>({})
  const { formRef, refused } = useFocusFirstProblem()
  const input = (key: TextKey) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }))
  const toggle = (day: number, on: boolean) =>
    setForm((f) => ({ ...f, days: on ? [...f.days, day] : f.days.filter((d) => d !== day) }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = newPersonProblems(form)
    setLocal(found)
    if (Object.keys(found).length > 0) return refused()
    add
      .mutateAsync(toNewPerson(form))
      .then((person) => navigate(`/capacity/people/${person.id}`), refused)
  }
  const apiError = add.error instanceof ApiError ? add.error : null
  const fromApi = formProblems(apiError, 'json', newPersonFieldOf)
  const p = { ...fromApi.fields, ...local }
  const other = fromApi.other ?? (add.error && !apiError ? add.error.message : null)
  return (
    <form
      ref={formRef}
      className="panel grid-form person-form organisation-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h3 id={`${id}-title`}>Add a person</h3>
      <Field
        label="Name"
        value={form.name}
        onChange={input('name')}
        maxLength={PERSON_NAME_MAX_LENGTH}
        autoComplete="off"
        required
        autoFocus
        problem={p.name}
      />
      <Field
        label="Email"
        hint="Optional; an import matches people by it"
        type="email"
        value={form.email}
        onChange={input('email')}
        autoComplete="off"
        problem={p.email}
      />
      <SelectField
        label="Team"
        value={form.teamId}
        onChange={(v) => setForm((f) => ({ ...f, teamId: v }))}
        options={[['', 'Choose a team'], ...teams.map((t) => [String(t.id), t.name] as const)]}
        problem={p.teamId}
      />
      <Field
        label="Role"
        value={form.role}
        onChange={input('role')}
        maxLength={PERSON_ROLE_MAX_LENGTH}
        required
        problem={p.role}
      />
      <Field
        label="Contracted hours a week"
        inputMode="decimal"
        value={form.hours}
        onChange={input('hours')}
        required
        problem={p.hours}
      />
      <Field
        label="Start date"
        hint="Their first day; empty if not known"
        type="date"
        value={form.startDate}
        onChange={input('startDate')}
        problem={p.startDate}
      />
      <fieldset className="field person-days" aria-describedby={p.days ? `${id}-days` : undefined}>
        <legend>Working days</legend>
        <div className="person-days-list">
          {WEEKDAYS.map(([day, label]) => (
            <label key={day} className="check">
              <input
                type="checkbox"
                checked={form.days.includes(day)}
                onChange={(e) => toggle(day, e.target.checked)}
                aria-invalid={p.days ? true : undefined}
              />
              {label}
            </label>
          ))}
        </div>
        {p.days ? (
          <p className="field-problem" id={`${id}-days`}>
            {p.days}
          </p>
        ) : null}
      </fieldset>
      <SelectField
        label="Bank holidays"
        value={form.region}
        onChange={(v) => setForm((f) => ({ ...f, region: v as '' | BankHolidayRegion }))}
        options={[
          ['', 'The organisation’s'],
          ...BANK_HOLIDAY_REGIONS.map((r) => [r, BANK_HOLIDAY_REGION_LABELS[r]] as const),
        ]}
        problem={p.region}
      />
      <Field
        label="Cost rate an hour"
        hint="In pounds, e.g. 62.50; empty for none"
        inputMode="decimal"
        value={form.costRate}
        onChange={input('costRate')}
        problem={p.costRate}
      />
      <Field
        label="Skills"
        hint="Separated by commas"
        className="field-wide"
        value={form.skills}
        onChange={input('skills')}
        problem={p.skills}
      />
      <FormFooter
        other={other}
        pending={add.isPending}
        submit="Add person"
        pendingLabel="Adding…"
        onCancel={onCancel}
      />
    </form>
  )
}
