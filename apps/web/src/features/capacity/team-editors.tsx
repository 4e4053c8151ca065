import { SLUG_MAX_LENGTH, TEAM_NAME_MAX_LENGTH } from '@opsdeck/contract'
import { type FormEvent, useId, useState } from 'react'
import { Field } from '../../components/ui/field.tsx'
import { FormFooter } from '../../components/ui/form-footer.tsx'
import { ApiError } from '../../lib/api.ts'
import { useFocusFirstProblem } from '../../lib/form-focus.ts'
import { formProblems } from '../../lib/form-problems.ts'
import type { Team } from './organisation-queries.ts'
import { useAddTeam, useRenameTeam } from './organisation-writes.ts'
import {
  slugOf,
  type TeamField,
  type TeamForm,
  teamFieldOf,
  teamNameProblem,
  teamProblems,
} from './team-form.ts'

/** A new team: its name, and a slug suggested from it until typed over. */
export function TeamAdd({ onDone }: { onDone: () => void }) {
  const id = useId()
  const add = useAddTeam()
  const [form, setForm] = useState<TeamForm>({ name: '', slug: '' })
  const [slugTyped, setSlugTyped] = useState(false)
  const [local, setLocal] = useState<Partial<Record<TeamField, string>>>({})
  const { formRef, refused } = useFocusFirstProblem()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const body = { name: form.name.trim(), slug: form.slug.trim() }
    const found = teamProblems(body)
    setLocal(found)
    if (Object.keys(found).length > 0) return refused()
    add.mutateAsync(body).then(onDone, refused)
  }
  const apiError = add.error instanceof ApiError ? add.error : null
  const fromApi = formProblems(apiError, 'json', teamFieldOf)
  const p = { ...fromApi.fields, ...local }
  const other = fromApi.other ?? (add.error && !apiError ? add.error.message : null)
  return (
    <form
      ref={formRef}
      className="panel grid-form organisation-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <h3 id={`${id}-title`}>Add a team</h3>
      <Field
        label="Name"
        value={form.name}
        onChange={(e) => {
          const name = e.target.value
          setForm((f) => ({ name, slug: slugTyped ? f.slug : slugOf(name) }))
        }}
        maxLength={TEAM_NAME_MAX_LENGTH}
        autoComplete="off"
        required
        autoFocus
        problem={p.name}
      />
      <Field
        label="Slug"
        hint="In links and imports, for good: lowercase letters, digits and hyphens"
        value={form.slug}
        onChange={(e) => {
          setSlugTyped(true)
          setForm((f) => ({ ...f, slug: e.target.value }))
        }}
        maxLength={SLUG_MAX_LENGTH}
        autoComplete="off"
        spellCheck={false}
        required
        problem={p.slug}
      />
      <FormFooter
        other={other}
        pending={add.isPending}
        submit="Add team"
        pendingLabel="Adding…"
        onCancel={onDone}
      />
    </form>
  )
}

/** A team's new name; its slug stays. */
export function TeamRename({ team, onDone }: { team: Team; onDone: () => void }) {
  const id = useId()
  const rename = useRenameTeam(team.slug)
  const [name, setName] = useState(team.name)
  const [local, setLocal] = useState<string | null>(null)
  const { formRef, refused } = useFocusFirstProblem()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const problem = teamNameProblem(name)
    setLocal(problem)
    if (problem) return refused()
    if (name.trim() === team.name) return onDone()
    rename.mutateAsync(name.trim()).then(onDone, refused)
  }
  const apiError = rename.error instanceof ApiError ? rename.error : null
  const fromApi = formProblems(apiError, 'json', (key) => (key === 'name' ? 'name' : null))
  const other = fromApi.other ?? (rename.error && !apiError ? rename.error.message : null)
  return (
    <form
      ref={formRef}
      className="panel grid-form organisation-form team-rename"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <h3 id={`${id}-title`}>Rename {team.name}</h3>
      <Field
        label="Name"
        hint={`The slug stays ${team.slug}`}
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={TEAM_NAME_MAX_LENGTH}
        autoComplete="off"
        required
        autoFocus
        problem={local ?? fromApi.fields.name}
      />
      <FormFooter
        other={other}
        pending={rename.isPending}
        submit="Save name"
        pendingLabel="Saving…"
        onCancel={onDone}
      />
    </form>
  )
}
