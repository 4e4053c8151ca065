import {
  PROJECT_NAME_MAX_LENGTH,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  PROJECT_TEXT_MAX_LENGTH,
  type ProjectStatus,
} from '@opsdeck/contract'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { Field } from '../../../components/ui/field.tsx'
import { FormFooter } from '../../../components/ui/form-footer.tsx'
import { SelectField } from '../../../components/ui/select-field.tsx'
import { TextArea } from '../../../components/ui/text-area.tsx'
import { ApiError } from '../../../lib/api.ts'
import { formProblems } from '../../../lib/form-problems.ts'
import { useOpener } from '../../../lib/use-opener.ts'
import {
  formOfProject,
  PROJECT_FIELD_OF,
  type ProjectField,
  type ProjectForm,
  projectProblems,
  toProjectPatch,
} from '../project-edit.ts'
import { useEditProject } from '../project-writes.ts'
import { type ProjectRecord, projectsQueries } from '../queries.ts'
import { useFocusFirstProblem } from '../../../lib/form-focus.ts'
import './project-forms.css'

const STATUS_CHOICES = PROJECT_STATUSES.map((s) => [s, PROJECT_STATUS_LABELS[s]] as const)

/** "Edit project" for a manager, opening the form in place; focus returns to it on close. */
export function ProjectEdit({ project }: { project: ProjectRecord }) {
  const { open, show, close, opener } = useOpener()
  return open ? (
    <ProjectEditForm project={project} onDone={close} />
  ) : (
    <button ref={opener} type="button" className="button button-small" onClick={show}>
      Edit project
    </button>
  )
}

/** The project's own fields (its code stays: other systems know it by it); only changes are sent. */
export function ProjectEditForm(props: { project: ProjectRecord; onDone: () => void }) {
  const { project, onDone } = props
  const id = useId()
  const edit = useEditProject(project.code)
  const people = useQuery(projectsQueries.people())
  const [form, setForm] = useState<ProjectForm>(() => formOfProject(project))
  const [local, setLocal] = useState<Partial<Record<ProjectField, string>>>({})
  const { formRef, refused } = useFocusFirstProblem()
  const set = (key: ProjectField) => (value: string) => setForm((f) => ({ ...f, [key]: value }))
  const input = (key: ProjectField) => (e: { target: { value: string } }) =>
    set(key)(e.target.value)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = projectProblems(form)
    setLocal(found)
    if (Object.keys(found).length > 0) return refused()
    const patch = toProjectPatch(form, project)
    if (Object.keys(patch).length === 0) return onDone()
    edit.mutateAsync(patch).then(onDone, refused)
  }
  const apiError = edit.error instanceof ApiError ? edit.error : null
  const fromApi = formProblems(apiError, 'json', (key) => PROJECT_FIELD_OF[key] ?? null)
  const p = { ...fromApi.fields, ...local }
  const other = fromApi.other ?? (edit.error && !apiError ? edit.error.message : null)
  // The current owner is offered even before the people arrive, or if they have left.
  const owners = people.data ?? []
  const ownerChoices = [
    ['', 'Nobody yet'] as const,
    ...(project.owner && !owners.some((o) => o.id === project.owner?.id)
      ? [[String(project.owner.id), project.owner.name] as const]
      : []),
    ...owners.map((o) => [String(o.id), o.name] as const),
  ]
  return (
    <form
      ref={formRef}
      className="panel grid-form project-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <h3 id={`${id}-title`}>Edit {project.code}</h3>
      <Field
        label="Name"
        className="field-wide"
        value={form.name}
        onChange={input('name')}
        maxLength={PROJECT_NAME_MAX_LENGTH}
        required
        autoFocus
        problem={p.name}
      />
      <SelectField
        label="Owner"
        value={form.owner}
        onChange={set('owner')}
        options={ownerChoices}
        problem={p.owner}
      />
      <Field
        label="Sponsor"
        value={form.sponsor}
        onChange={input('sponsor')}
        maxLength={PROJECT_NAME_MAX_LENGTH}
        problem={p.sponsor}
      />
      <Field
        label="Start"
        type="date"
        value={form.startDate}
        onChange={input('startDate')}
        required
        problem={p.startDate}
      />
      <Field
        label="End"
        type="date"
        value={form.endDate}
        onChange={input('endDate')}
        required
        problem={p.endDate}
      />
      <SelectField
        label="Status"
        value={form.status}
        onChange={(v) => setForm((f) => ({ ...f, status: v as ProjectStatus }))}
        options={STATUS_CHOICES}
        problem={p.status}
      />
      <TextArea
        label="Description"
        className="field-wide"
        rows={3}
        value={form.description}
        onChange={input('description')}
        maxLength={PROJECT_TEXT_MAX_LENGTH}
        problem={p.description}
      />
      <FormFooter
        other={other}
        pending={edit.isPending}
        submit="Save changes"
        pendingLabel="Saving…"
        onCancel={onDone}
      />
    </form>
  )
}
