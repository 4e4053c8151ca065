import {
  INCIDENT_TEXT_MAX_LENGTH,
  INCIDENT_TITLE_MAX_LENGTH,
  SEVERITIES,
  SEVERITY_LABELS,
  type Severity,
} from '@opsdeck/contract'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { Field } from '../../../components/ui/field.tsx'
import { ApiError } from '../../../lib/api.ts'
import {
  type DeclareField,
  type DeclareForm,
  declareFieldOf,
  emptyDeclareForm,
  formOfIncident,
  localProblems,
  toIncidentPatch,
  toNewIncident,
} from '../declare-form.ts'
import { formProblems } from '../../../lib/form-problems.ts'
import { type Person, personChoices } from '../follow-up-forms.ts'
import { type IncidentDetail, useDeclareIncident, useEditIncident } from '../queries.ts'
import { AffectedServicesFields } from './affected-services-fields.tsx'
import { FormFooter } from '../../../components/ui/form-footer.tsx'
import { SelectField } from '../../../components/ui/select-field.tsx'
import { TextArea } from '../../../components/ui/text-area.tsx'

interface IncidentFormProps {
  /** The incident to edit; left out, the form declares a new one. */
  incident?: IncidentDetail['incident']
  services: readonly { slug: string; name: string }[]
  /** People to choose the commander from. */
  commanders: readonly Person[]
  /** Cancelled, or (editing) saved. */
  onDone: () => void
}

const SEVERITY_CHOICES = SEVERITIES.map((s) => [s, `${s} ${SEVERITY_LABELS[s]}`] as const)

/**
 * Declares an incident by hand (success opens it) or edits one (only what changed is sent).
 * The API's refusals land beside their fields; a refused save moves focus to the first problem.
 */
export function IncidentForm({ incident, services, commanders, onDone }: IncidentFormProps) {
  const id = useId()
  const navigate = useNavigate()
  const { search } = useLocation()
  const declare = useDeclareIncident()
  const edit = useEditIncident(incident?.ref ?? '')
  const write = incident ? edit : declare
  const [form, setForm] = useState<DeclareForm>(() =>
    incident ? formOfIncident(incident) : emptyDeclareForm(),
  )
  const [local, setLocal] = useState<Partial<Record<DeclareField, string>>>({})
  const [attempt, setAttempt] = useState(0)
  const set =
    (key: 'title' | 'summary' | 'customerImpact' | 'startedAt') =>
    (e: { target: { value: string } }) =>
      setForm((f) => ({ ...f, [key]: e.target.value }))

  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (attempt === 0) return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-problem]')?.focus()
  }, [attempt])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = localProblems(form)
    setLocal(found)
    if (Object.keys(found).length > 0) return setAttempt((n) => n + 1)
    const refused = () => setAttempt((n) => n + 1)
    if (incident) {
      const patch = toIncidentPatch(form, incident)
      if (Object.keys(patch).length === 0) return onDone()
      edit.mutateAsync(patch).then(onDone, refused)
    } else {
      declare
        .mutateAsync(toNewIncident(form))
        .then(({ ref }) => navigate({ pathname: `/incidents/${ref}`, search }), refused)
    }
  }
  const apiError = write.error instanceof ApiError ? write.error : null
  const fromApi = formProblems(apiError, 'json', (path) => declareFieldOf(path, form))
  const p = { ...fromApi.fields, ...local }
  const other = fromApi.other ?? (write.error && !apiError ? write.error.message : null)
  const commanderChoices = [['', 'No commander yet'] as const, ...personChoices(commanders)]
  return (
    <form
      ref={formRef}
      className="panel grid-form incident-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <h2 id={`${id}-title`}>{incident ? 'Edit the incident' : 'Declare an incident'}</h2>
      <Field
        label="Title"
        className="field-wide"
        value={form.title}
        onChange={set('title')}
        maxLength={INCIDENT_TITLE_MAX_LENGTH}
        required
        autoFocus
        problem={p.title}
      />
      <SelectField
        label="Severity"
        value={form.severity}
        onChange={(v) => setForm((f) => ({ ...f, severity: v as Severity }))}
        options={SEVERITY_CHOICES}
        problem={p.severity}
      />
      <SelectField
        label="Commander"
        value={form.commander}
        onChange={(v) => setForm((f) => ({ ...f, commander: v }))}
        options={commanderChoices}
        problem={p.commander}
      />
      {incident ? null : (
        <Field
          label="Started at"
          hint="Your time zone; leave empty for now"
          type="datetime-local"
          value={form.startedAt}
          onChange={set('startedAt')}
          problem={p.startedAt}
        />
      )}
      <AffectedServicesFields
        rows={form.services}
        services={services}
        problems={p}
        onChange={(rows) => setForm((f) => ({ ...f, services: rows }))}
      />
      <TextArea
        label="Summary"
        className="field-wide"
        rows={3}
        value={form.summary}
        onChange={set('summary')}
        maxLength={INCIDENT_TEXT_MAX_LENGTH}
        problem={p.summary}
      />
      <TextArea
        label="Customer impact"
        className="field-wide"
        rows={2}
        value={form.customerImpact}
        onChange={set('customerImpact')}
        maxLength={INCIDENT_TEXT_MAX_LENGTH}
        problem={p.customerImpact}
      />
      <FormFooter
        other={other}
        pending={write.isPending}
        submit={incident ? 'Save changes' : 'Declare incident'}
        pendingLabel={incident ? 'Saving…' : 'Declaring…'}
        onCancel={onDone}
      />
    </form>
  )
}
