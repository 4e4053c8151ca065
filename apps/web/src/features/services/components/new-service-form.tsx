import {
  DESCRIPTION_MAX_LENGTH,
  SERVICE_NAME_MAX_LENGTH,
  SERVICE_TIERS,
  SLUG_MAX_LENGTH,
} from '@opsdeck/contract'
import { type FormEvent, type SetStateAction, useEffect, useId, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { Field } from '../../../components/ui/field.tsx'
import { ApiError } from '../../../lib/api.ts'
import type { CheckForm } from '../check-form.ts'
import { formProblems } from '../../../lib/form-problems.ts'
import {
  checkProblemsOf,
  emptyNewService,
  localProblems,
  type NewServiceField,
  type NewServiceForm,
  newServiceFieldOf,
  SLO_WINDOW_CHOICES,
  toNewService,
} from '../new-service-form.ts'
import { useCreateService } from '../queries.ts'
import { CheckFields } from './check-fields.tsx'
import { SelectField } from '../../../components/ui/select-field.tsx'
import { FormFooter } from '../../../components/ui/form-footer.tsx'

interface NewServiceFormProps {
  /** Owner teams to choose from, by slug. */
  teams: readonly { slug: string; name: string }[]
  onCancel: () => void
}

/** Adds a service; the API's refusals land beside their fields, success opens the new service. */
export function NewServiceFormView({ teams, onCancel }: NewServiceFormProps) {
  const id = useId()
  const navigate = useNavigate()
  const create = useCreateService()
  const [form, setForm] = useState<NewServiceForm>(emptyNewService)
  const [local, setLocal] = useState<Partial<Record<NewServiceField, string>>>({})
  const [attempt, setAttempt] = useState(0)
  const set = (key: keyof Omit<NewServiceForm, 'check'>) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }))
  const setCheck = (next: SetStateAction<CheckForm>) =>
    setForm((f) => ({ ...f, check: typeof next === 'function' ? next(f.check) : next }))

  // A refused save moves focus to its first problem, so keyboard and screen-reader users hear it.
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (attempt === 0) return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-problem]')?.focus()
  }, [attempt, create.error])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = localProblems(form)
    setLocal(found)
    if (Object.keys(found).length > 0) return setAttempt((n) => n + 1)
    create.mutateAsync(toNewService(form)).then(
      ({ service }) => navigate(`/services/${encodeURIComponent(service.slug)}`),
      () => setAttempt((n) => n + 1),
    )
  }
  const apiError = create.error instanceof ApiError ? create.error : null
  const fromApi = formProblems(apiError, 'json', newServiceFieldOf)
  const p = { ...fromApi.fields, ...local }
  const other = fromApi.other ?? (create.error && !apiError ? create.error.message : null)
  const teamChoices = [
    ['', 'No owner team'] as const,
    ...teams.map((t) => [t.slug, t.name] as const),
  ]
  return (
    <form
      ref={formRef}
      className="panel grid-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h3 id={`${id}-title`}>Add a service</h3>
      <Field
        label="Name"
        value={form.name}
        onChange={set('name')}
        maxLength={SERVICE_NAME_MAX_LENGTH}
        required
        autoFocus
        problem={p.name}
      />
      <Field
        label="Slug"
        hint="Its name in links and in POST /checks: lowercase letters, digits and hyphens; cannot change later"
        value={form.slug}
        onChange={set('slug')}
        maxLength={SLUG_MAX_LENGTH}
        required
        problem={p.slug}
      />
      <div className="field field-wide">
        <label htmlFor={`${id}-description`}>Description</label>
        <textarea
          id={`${id}-description`}
          rows={2}
          value={form.description}
          onChange={set('description')}
          maxLength={DESCRIPTION_MAX_LENGTH}
          aria-invalid={p.description ? true : undefined}
          aria-describedby={p.description ? `${id}-description-problem` : undefined}
        />
        {p.description ? (
          <p className="field-problem" id={`${id}-description-problem`}>
            {p.description}
          </p>
        ) : null}
      </div>
      <SelectField
        label="Tier"
        value={form.tier}
        onChange={(v) => setForm((f) => ({ ...f, tier: v }))}
        options={SERVICE_TIERS.map((t) => [String(t), `Tier ${t}`] as const)}
        problem={p.tier}
      />
      <SelectField
        label="Owner team"
        value={form.ownerTeam}
        onChange={(v) => setForm((f) => ({ ...f, ownerTeam: v }))}
        options={teamChoices}
        problem={p.ownerTeam}
      />
      <Field
        label="SLO target (%)"
        hint="e.g. 99.9; at most three decimals"
        inputMode="decimal"
        value={form.sloTarget}
        onChange={set('sloTarget')}
        problem={p.sloTarget}
      />
      <SelectField
        label="SLO window"
        value={form.sloWindowDays}
        onChange={(v) => setForm((f) => ({ ...f, sloWindowDays: v }))}
        options={SLO_WINDOW_CHOICES}
        problem={p.sloWindowDays}
      />
      <Field
        label="Tags"
        hint="Separated by commas, e.g. finance, m365"
        value={form.tags}
        onChange={set('tags')}
        problem={p.tags}
      />
      <Field
        label="Runbook link"
        type="url"
        value={form.runbookUrl}
        onChange={set('runbookUrl')}
        problem={p.runbookUrl}
      />
      <Field
        label="Dashboard link"
        type="url"
        value={form.dashboardUrl}
        onChange={set('dashboardUrl')}
        problem={p.dashboardUrl}
      />
      <fieldset>
        <legend>Check</legend>
        <div className="grid-form-fields">
          <CheckFields form={form.check} setForm={setCheck} problems={checkProblemsOf(p)} />
        </div>
      </fieldset>
      <FormFooter
        other={other}
        pending={create.isPending}
        submit="Add service"
        pendingLabel="Adding…"
        onCancel={onCancel}
      />
    </form>
  )
}
