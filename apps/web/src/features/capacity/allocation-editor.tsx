import {
  ALLOCATION_KIND_LABELS,
  ALLOCATION_KINDS,
  type AllocationKind,
  type AllocationStatus,
  CAPACITY_NOTE_MAX_LENGTH,
} from '@opsdeck/contract'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { Field } from '../../components/ui/field.tsx'
import { FormFooter } from '../../components/ui/form-footer.tsx'
import { SelectField } from '../../components/ui/select-field.tsx'
import { ApiError } from '../../lib/api.ts'
import { localToday, useFocusFirstProblem } from '../../lib/form-focus.ts'
import { formProblems } from '../../lib/form-problems.ts'
import { useSettled } from '../../lib/use-settled.ts'
import {
  ALLOCATION_FIELD_OF,
  type AllocationField,
  type AllocationForm,
  allocationFormOf,
  allocationProblems,
  emptyAllocationForm,
  previewBody,
  toAllocationPatch,
  toNewAllocation,
} from './allocation-form.ts'
import { AllocationPreview } from './allocation-preview.tsx'
import { useAddAllocation, useEditAllocation } from './capacity-writes.ts'
import { type Allocation, type PreviewBody, personQueries } from './person-queries.ts'

const KIND_CHOICES = ALLOCATION_KINDS.map((k) => [k, ALLOCATION_KIND_LABELS[k]] as const)
const STATUS_CHOICES = [
  ['confirmed', 'Confirmed'],
  ['tentative', 'Tentative (counts only in the what-if)'],
] as const
const UNIT_CHOICES = [
  ['hours', 'Hours a week'],
  ['percent', '% of their contract'],
] as const
/** How long the form stands still before the preview is asked for. */
export const PREVIEW_DELAY_MS = 400

interface AllocationEditorProps {
  personId: number
  /** The allocation to change; left out, the editor adds one. */
  allocation?: Allocation
  onDone: () => void
}

/**
 * Book the person: a kind (a project from the bookable ones), days, hours a week or a percent of
 * their contract, confirmed or tentative. While the form is valid, its effect on their weeks is
 * previewed (POST /allocations/preview) before anything is saved.
 */
export function AllocationEditor({ personId, allocation, onDone }: AllocationEditorProps) {
  const id = useId()
  const add = useAddAllocation()
  const edit = useEditAllocation(allocation?.id ?? 0)
  const write = allocation ? edit : add
  const projects = useQuery(personQueries.liveProjects())
  const [form, setForm] = useState<AllocationForm>(() =>
    allocation ? allocationFormOf(allocation) : emptyAllocationForm(localToday()),
  )
  const [local, setLocal] = useState<Partial<Record<AllocationField, string>>>({})
  const { formRef, refused } = useFocusFirstProblem()
  const set = (key: AllocationField) => (value: string) => setForm((f) => ({ ...f, [key]: value }))
  const input = (key: AllocationField) => (e: { target: { value: string } }) =>
    set(key)(e.target.value)

  const body = previewBody(form, personId, allocation)
  const settled = useSettled(body ? JSON.stringify(body) : null, PREVIEW_DELAY_MS)
  const preview = useQuery({
    ...personQueries.preview(personId, (settled ? JSON.parse(settled) : {}) as PreviewBody),
    enabled: settled !== null,
    placeholderData: (previous) => previous,
  })

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = allocationProblems(form)
    setLocal(found)
    if (Object.keys(found).length > 0) return refused()
    if (allocation) {
      const patch = toAllocationPatch(form, allocation)
      if (Object.keys(patch).length === 0) return onDone()
      edit.mutateAsync(patch).then(onDone, refused)
    } else add.mutateAsync(toNewAllocation(form, personId)).then(onDone, refused)
  }
  const apiError = write.error instanceof ApiError ? write.error : null
  const fromApi = formProblems(apiError, 'json', (key) => ALLOCATION_FIELD_OF[key] ?? null)
  const p = { ...fromApi.fields, ...local }
  const other = fromApi.other ?? (write.error && !apiError ? write.error.message : null)
  const projectChoices = [
    ['', projects.isPending ? 'Loading projects…' : 'Choose a project'] as const,
    ...(projects.data ?? []).map((pr) => [pr.code, `${pr.code} ${pr.name}`] as const),
  ]
  // A project no longer bookable stays listed while this allocation is on it.
  if (allocation?.project && !projects.data?.some((pr) => pr.code === allocation.project?.code))
    projectChoices.push([
      allocation.project.code,
      `${allocation.project.code} ${allocation.project.name}`,
    ])
  const title = allocation ? 'Edit the allocation' : 'Add an allocation'
  return (
    <form
      ref={formRef}
      className="panel grid-form allocation-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      <SelectField
        label="Kind"
        autoFocus
        value={form.kind}
        onChange={(v) => setForm((f) => ({ ...f, kind: v as AllocationKind }))}
        options={KIND_CHOICES}
        problem={p.kind}
      />
      {form.kind === 'project' ? (
        <SelectField
          label="Project"
          value={form.projectCode}
          onChange={set('projectCode')}
          options={projectChoices}
          problem={p.projectCode ?? (projects.error ? 'Could not load the projects' : undefined)}
        />
      ) : null}
      <Field
        label="First day"
        type="date"
        value={form.firstDay}
        onChange={input('firstDay')}
        required
        problem={p.firstDay}
      />
      <Field
        label="Last day"
        type="date"
        value={form.lastDay}
        onChange={input('lastDay')}
        required
        problem={p.lastDay}
      />
      <SelectField
        label="Booked in"
        value={form.unit}
        onChange={set('unit')}
        options={UNIT_CHOICES}
      />
      <Field
        label={form.unit === 'hours' ? 'Hours a week' : 'Percent of contract'}
        inputMode="decimal"
        value={form.amount}
        onChange={input('amount')}
        required
        problem={p.amount}
      />
      <SelectField
        label="Status"
        value={form.status}
        onChange={(v) => setForm((f) => ({ ...f, status: v as AllocationStatus }))}
        options={STATUS_CHOICES}
        problem={p.status}
      />
      <Field
        label="Note"
        className="field-wide"
        value={form.note}
        onChange={input('note')}
        maxLength={CAPACITY_NOTE_MAX_LENGTH}
        problem={p.note}
      />
      <section className="field-wide" aria-label="Effect before saving" aria-live="polite">
        <h4 className="allocation-preview-title">Effect on their weeks</h4>
        {!body ? (
          <p className="muted">
            {allocation
              ? 'Change a field to see its effect on their weeks.'
              : 'Fill in the form to see its effect on their weeks.'}
          </p>
        ) : preview.data && settled ? (
          <AllocationPreview
            preview={preview.data}
            updating={preview.isFetching || settled !== JSON.stringify(body)}
          />
        ) : preview.error ? (
          <p className="form-error">Could not preview it: {preview.error.message}</p>
        ) : (
          <p className="muted">Working out the effect…</p>
        )}
      </section>
      <FormFooter
        other={other}
        pending={write.isPending}
        submit={allocation ? 'Save allocation' : 'Add allocation'}
        pendingLabel="Saving…"
        onCancel={onDone}
      />
    </form>
  )
}
