import { PERSON_ROLE_MAX_LENGTH } from '@opsdeck/contract'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { Field } from '../../components/ui/field.tsx'
import { FormFooter } from '../../components/ui/form-footer.tsx'
import { SelectField } from '../../components/ui/select-field.tsx'
import { ApiError } from '../../lib/api.ts'
import { formProblems } from '../../lib/form-problems.ts'
import { useEditPerson, useMovePerson } from './people-writes.ts'
import { WorkPatternFields } from './person-fields.tsx'
import {
  MOVE_FIELD_OF,
  type MoveField,
  type MoveForm,
  moveProblems,
  PERSON_FIELD_OF,
  type PersonField,
  type PersonForm,
  personFormOf,
  personProblems,
  toMoveBody,
  toPersonPatch,
} from './person-form.ts'
import { localToday, useFocusFirstProblem } from '../../lib/form-focus.ts'
import { type PersonRecord, personQueries } from './person-queries.ts'

/** Role, skills, contracted hours, working days, bank-holiday region and leave date. */
export function PersonEditForm({ person, onDone }: { person: PersonRecord; onDone: () => void }) {
  const id = useId()
  const edit = useEditPerson(person.id)
  const [form, setForm] = useState<PersonForm>(() => personFormOf(person))
  const [local, setLocal] = useState<Partial<Record<PersonField, string>>>({})
  const { formRef, refused } = useFocusFirstProblem()
  const input =
    (key: 'role' | 'skills' | 'hours' | 'endDate') => (e: { target: { value: string } }) =>
      setForm((f) => ({ ...f, [key]: e.target.value }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = personProblems(form, person)
    setLocal(found)
    if (Object.keys(found).length > 0) return refused()
    const patch = toPersonPatch(form, person)
    if (Object.keys(patch).length === 0) return onDone()
    edit.mutateAsync(patch).then(onDone, refused)
  }
  const apiError = edit.error instanceof ApiError ? edit.error : null
  const fromApi = formProblems(apiError, 'json', (key) => PERSON_FIELD_OF[key] ?? null)
  const p = { ...fromApi.fields, ...local }
  const other = fromApi.other ?? (edit.error && !apiError ? edit.error.message : null)
  return (
    <form
      ref={formRef}
      className="panel grid-form person-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <h3 id={`${id}-title`}>Edit {person.name}</h3>
      <Field
        label="Role"
        value={form.role}
        onChange={input('role')}
        maxLength={PERSON_ROLE_MAX_LENGTH}
        required
        autoFocus
        problem={p.role}
      />
      <Field
        label="Skills"
        hint="Separated by commas"
        value={form.skills}
        onChange={input('skills')}
        problem={p.skills}
      />
      <Field
        label="Contracted hours a week"
        inputMode="decimal"
        value={form.hours}
        onChange={input('hours')}
        required
        problem={p.hours}
      />
      <WorkPatternFields
        form={form}
        setForm={setForm}
        problems={p}
        organisationRegion={person.region.source === 'organisation' ? person.region.code : null}
      />
      <Field
        label="Leave date"
        hint="Their last day; empty while they stay"
        type="date"
        value={form.endDate}
        onChange={input('endDate')}
        problem={p.endDate}
      />
      <FormFooter
        other={other}
        pending={edit.isPending}
        submit="Save person"
        pendingLabel="Saving…"
        onCancel={onDone}
      />
    </form>
  )
}

/** Into another team from a day: the days before stay with the current team. */
export function PersonMoveForm({ person, onDone }: { person: PersonRecord; onDone: () => void }) {
  const id = useId()
  const move = useMovePerson(person.id)
  const teams = useQuery(personQueries.teams())
  const [form, setForm] = useState<MoveForm>({ teamId: '', from: localToday() })
  const [local, setLocal] = useState<Partial<Record<MoveField, string>>>({})
  const { formRef, refused } = useFocusFirstProblem()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = moveProblems(form, person)
    setLocal(found)
    if (Object.keys(found).length > 0) return refused()
    move.mutateAsync(toMoveBody(form)).then(onDone, refused)
  }
  const apiError = move.error instanceof ApiError ? move.error : null
  const fromApi = formProblems(apiError, 'json', (key) => MOVE_FIELD_OF[key] ?? null)
  const p = { ...fromApi.fields, ...local }
  const other = fromApi.other ?? (move.error && !apiError ? move.error.message : null)
  const others = (teams.data?.teams ?? []).filter((t) => t.id !== person.team.id)
  return (
    <form
      ref={formRef}
      className="panel grid-form person-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <h3 id={`${id}-title`}>Move {person.name} to another team</h3>
      <SelectField
        label="New team"
        autoFocus
        value={form.teamId}
        onChange={(v) => setForm((f) => ({ ...f, teamId: v }))}
        options={[
          ['', teams.isPending ? 'Loading teams…' : 'Choose a team'],
          ...others.map((t) => [String(t.id), t.name] as const),
        ]}
        problem={p.teamId ?? (teams.error ? 'Could not load the teams' : undefined)}
      />
      <Field
        label="In the new team from"
        hint={`${person.team.name} keeps the days before`}
        type="date"
        value={form.from}
        onChange={(e) => setForm((f) => ({ ...f, from: e.target.value }))}
        required
        problem={p.from}
      />
      <FormFooter
        other={other}
        pending={move.isPending}
        submit="Move"
        pendingLabel="Moving…"
        onCancel={onDone}
      />
    </form>
  )
}
