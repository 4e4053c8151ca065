import { INCIDENT_TITLE_MAX_LENGTH } from '@opsdeck/contract'
import { type FormEvent, useId, useState } from 'react'
import { Field } from '../../../components/ui/field.tsx'
import { ApiError } from '../../../lib/api.ts'
import {
  type ActionForm as Form,
  actionProblems,
  emptyActionForm,
  type Person,
  personChoices,
  toNewAction,
} from '../follow-up-forms.ts'
import { formProblems } from '../../../lib/form-problems.ts'
import { useAddAction } from '../queries.ts'
import { FormFooter } from '../../../components/ui/form-footer.tsx'
import { SelectField } from '../../../components/ui/select-field.tsx'

type FormField = keyof Form
const FIELD_OF: Record<string, FormField> = {
  title: 'title',
  ownerPersonId: 'owner',
  dueOn: 'dueOn',
}

interface ActionFormProps {
  refId: string
  people: readonly Person[]
  onDone: () => void
}

/** A follow-up: what is to be done, by whom, by when (a day where the organisation is). */
export function ActionForm({ refId, people, onDone }: ActionFormProps) {
  const id = useId()
  const add = useAddAction(refId)
  const [form, setForm] = useState<Form>(emptyActionForm)
  const [local, setLocal] = useState<Partial<Record<FormField, string>>>({})
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = actionProblems(form)
    setLocal(found)
    if (Object.keys(found).length > 0) return
    add.mutate(toNewAction(form), { onSuccess: onDone })
  }
  const apiError = add.error instanceof ApiError ? add.error : null
  const fromApi = formProblems(apiError, 'json', (key) => FIELD_OF[key] ?? null)
  const p = { ...fromApi.fields, ...local }
  const other = fromApi.other ?? (add.error && !apiError ? add.error.message : null)
  return (
    <form
      className="panel grid-form incident-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <h3 id={`${id}-title`}>Add a follow-up action</h3>
      <Field
        label="Action"
        className="field-wide"
        value={form.title}
        onChange={(e) => setForm((f) => ({ ...f, title: e.target.value }))}
        maxLength={INCIDENT_TITLE_MAX_LENGTH}
        autoFocus
        required
        problem={p.title}
      />
      <SelectField
        label="Owner"
        value={form.owner}
        onChange={(owner) => setForm((f) => ({ ...f, owner }))}
        options={[['', 'Nobody yet'], ...personChoices(people)]}
        problem={p.owner}
      />
      <Field
        label="Due"
        type="date"
        value={form.dueOn}
        onChange={(e) => setForm((f) => ({ ...f, dueOn: e.target.value }))}
        problem={p.dueOn}
      />
      <FormFooter
        other={other}
        pending={add.isPending}
        submit="Add action"
        pendingLabel="Adding…"
        onCancel={onDone}
      />
    </form>
  )
}
