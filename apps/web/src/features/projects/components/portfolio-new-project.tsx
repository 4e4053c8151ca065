import {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  type BudgetCategory,
  PROJECT_NAME_MAX_LENGTH,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  PROJECT_TEXT_MAX_LENGTH,
  type ProjectStatus,
  SPEND_TYPE_LABELS,
  SPEND_TYPES,
  type SpendType,
} from '@opsdeck/contract'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { Field } from '../../../components/ui/field.tsx'
import { FormFooter } from '../../../components/ui/form-footer.tsx'
import { SelectField } from '../../../components/ui/select-field.tsx'
import { TextArea } from '../../../components/ui/text-area.tsx'
import { ApiError } from '../../../lib/api.ts'
import { formProblems } from '../../../lib/form-problems.ts'
import {
  emptyLine,
  emptyNewProject,
  type LineRow,
  localProblems,
  type NewProjectField,
  type NewProjectForm,
  newProjectFieldOf,
  ownerChoices,
  toNewProject,
} from '../portfolio-new-project.ts'
import { projectsQueries, useCreateProject } from '../queries.ts'

const STATUS_CHOICES = PROJECT_STATUSES.map((s) => [s, PROJECT_STATUS_LABELS[s]] as const)
const CATEGORY_CHOICES = BUDGET_CATEGORIES.map((c) => [c, BUDGET_CATEGORY_LABELS[c]] as const)
const SPEND_CHOICES = SPEND_TYPES.map((t) => [t, SPEND_TYPE_LABELS[t]] as const)

type TextKey = 'code' | 'name' | 'sponsor' | 'startDate' | 'endDate' | 'description'

/**
 * Adds a project with its budget lines (success opens it). The API's refusals land beside their
 * fields; a refused save moves focus to the first problem.
 */
export function PortfolioNewProject({ onCancel }: { onCancel: () => void }) {
  const id = useId()
  const navigate = useNavigate()
  const { search } = useLocation()
  const people = useQuery(projectsQueries.people())
  const create = useCreateProject()
  const [form, setForm] = useState<NewProjectForm>(emptyNewProject)
  const [local, setLocal] = useState<Partial<Record<NewProjectField, string>>>({})
  const [attempt, setAttempt] = useState(0)
  const set = (key: TextKey) => (e: { target: { value: string } }) =>
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
    create.mutateAsync(toNewProject(form)).then(
      ({ code }) => navigate({ pathname: `/projects/${encodeURIComponent(code)}`, search }),
      () => setAttempt((n) => n + 1),
    )
  }
  const apiError = create.error instanceof ApiError ? create.error : null
  const fromApi = formProblems(apiError, 'json', (path) => newProjectFieldOf(path, form))
  const p = { ...fromApi.fields, ...local }
  const other = fromApi.other ?? (create.error && !apiError ? create.error.message : null)
  const setLines = (lines: LineRow[]) => setForm((f) => ({ ...f, lines }))

  return (
    <form
      ref={formRef}
      className="panel grid-form project-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h2 id={`${id}-title`}>New project</h2>
      <Field
        label="Code"
        hint="Capitals, digits, - and _; kept for good"
        value={form.code}
        onChange={set('code')}
        maxLength={32}
        required
        autoFocus
        problem={p.code}
      />
      <Field
        label="Name"
        value={form.name}
        onChange={set('name')}
        maxLength={PROJECT_NAME_MAX_LENGTH}
        required
        problem={p.name}
      />
      <SelectField
        label="Owner"
        value={form.owner}
        onChange={(owner) => setForm((f) => ({ ...f, owner }))}
        options={[['', 'Nobody yet'], ...ownerChoices(people.data ?? [])]}
        problem={p.owner}
      />
      <Field
        label="Sponsor"
        value={form.sponsor}
        onChange={set('sponsor')}
        maxLength={PROJECT_NAME_MAX_LENGTH}
        problem={p.sponsor}
      />
      <Field
        label="Start date"
        type="date"
        value={form.startDate}
        onChange={set('startDate')}
        required
        problem={p.startDate}
      />
      <Field
        label="End date"
        type="date"
        value={form.endDate}
        onChange={set('endDate')}
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
        rows={2}
        value={form.description}
        onChange={set('description')}
        maxLength={PROJECT_TEXT_MAX_LENGTH}
        problem={p.description}
      />
      <BudgetLines lines={form.lines} problems={p} onChange={setLines} />
      <FormFooter
        other={other}
        pending={create.isPending}
        submit="Add project"
        pendingLabel="Adding…"
        onCancel={onCancel}
      />
    </form>
  )
}

function BudgetLines(props: {
  lines: readonly LineRow[]
  problems: Partial<Record<NewProjectField, string>>
  onChange: (lines: LineRow[]) => void
}) {
  const { lines, problems, onChange } = props
  const id = useId()
  const update = (i: number, change: Partial<LineRow>) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, ...change } : l)))
  return (
    <fieldset
      className="budget-lines"
      aria-describedby={problems.lines ? `${id}-problem` : undefined}
    >
      <legend>Budget lines (BAC is their sum)</legend>
      {lines.map((line, i) => (
        <div className="budget-line" key={i} role="group" aria-label={`Budget line ${i + 1}`}>
          <Field
            label="Line"
            value={line.name}
            onChange={(e) => update(i, { name: e.target.value })}
            maxLength={PROJECT_NAME_MAX_LENGTH}
            problem={problems[`lines.${i}.name`]}
          />
          <SelectField
            label="Category"
            value={line.category}
            onChange={(v) => update(i, { category: v as BudgetCategory })}
            options={CATEGORY_CHOICES}
            problem={problems[`lines.${i}.category`]}
          />
          <SelectField
            label="Capex or opex"
            value={line.spendType}
            onChange={(v) => update(i, { spendType: v as SpendType })}
            options={SPEND_CHOICES}
            problem={problems[`lines.${i}.spendType`]}
          />
          <Field
            label="Amount (£)"
            inputMode="decimal"
            value={line.amount}
            onChange={(e) => update(i, { amount: e.target.value })}
            problem={problems[`lines.${i}.amount`]}
          />
          {lines.length > 1 ? (
            <button
              type="button"
              className="button button-small button-quiet"
              aria-label={`Remove budget line ${i + 1}`}
              onClick={() => onChange(lines.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          ) : null}
        </div>
      ))}
      {problems.lines ? (
        <p className="field-problem" id={`${id}-problem`} tabIndex={-1} data-problem>
          {problems.lines}
        </p>
      ) : null}
      <button
        type="button"
        className="button button-small button-quiet"
        onClick={() => onChange([...lines, emptyLine()])}
      >
        Add a budget line
      </button>
    </fieldset>
  )
}
