import { PERSON_NAME_MAX_LENGTH, PERSON_ROLE_MAX_LENGTH } from '@opsdeck/contract'
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
import { WorkPatternFields } from './person-fields.tsx'
import { useAddPerson } from './organisation-writes.ts'

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
      <WorkPatternFields form={form} setForm={setForm} problems={p} />
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
