import {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  COST_REFERENCE_MAX_LENGTH,
  PROJECT_TEXT_MAX_LENGTH,
  SPEND_TYPE_LABELS,
  SPEND_TYPES,
  SUPPLIER_MAX_LENGTH,
} from '@opsdeck/contract'
import { type FormEvent, useId, useState } from 'react'
import { Field } from '../../../components/ui/field.tsx'
import { FormFooter } from '../../../components/ui/form-footer.tsx'
import { SelectField } from '../../../components/ui/select-field.tsx'
import { ApiError } from '../../../lib/api.ts'
import { formProblems } from '../../../lib/form-problems.ts'
import {
  ACTUAL_FIELD_OF,
  type ActualField,
  type ActualForm as Form,
  actualFormOf,
  actualProblems,
  emptyActualForm,
  toCostEntryPatch,
  toNewCostEntry,
} from '../actuals-form.ts'
import { useAddActual, useEditActual } from '../project-writes.ts'
import type { BudgetLine, CostEntry } from '../queries.ts'
import { localToday, useFocusFirstProblem } from '../../../lib/form-focus.ts'

interface ActualFormProps {
  code: string
  /** The project's budget lines, to book the cost against one. */
  lines: readonly BudgetLine[]
  /** The entry to edit; left out, the form adds one. */
  entry?: CostEntry
  /** Cancelled, or saved. */
  onDone: () => void
}

const CATEGORY_CHOICES = BUDGET_CATEGORIES.map((c) => [c, BUDGET_CATEGORY_LABELS[c]] as const)
const SPEND_CHOICES = SPEND_TYPES.map((s) => [s, SPEND_TYPE_LABELS[s]] as const)

/**
 * A cost entry: the amount in pounds (sent as pence; a credit is negative), booked to a budget
 * line or to a category and capex/opex. Editing sends only what changed.
 */
export function ActualForm({ code, lines, entry, onDone }: ActualFormProps) {
  const id = useId()
  const add = useAddActual(code)
  const edit = useEditActual(code, entry?.id ?? 0)
  const write = entry ? edit : add
  const [form, setForm] = useState<Form>(() =>
    entry ? actualFormOf(entry) : emptyActualForm(localToday()),
  )
  const [local, setLocal] = useState<Partial<Record<ActualField, string>>>({})
  const { formRef, refused } = useFocusFirstProblem()
  const set = (key: ActualField) => (value: string) => setForm((f) => ({ ...f, [key]: value }))
  const input = (key: ActualField) => (e: { target: { value: string } }) => set(key)(e.target.value)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = actualProblems(form)
    setLocal(found)
    if (Object.keys(found).length > 0) return refused()
    if (entry) {
      const patch = toCostEntryPatch(form, entry)
      if (Object.keys(patch).length === 0) return onDone()
      edit.mutateAsync(patch).then(onDone, refused)
    } else add.mutateAsync(toNewCostEntry(form)).then(onDone, refused)
  }
  const apiError = write.error instanceof ApiError ? write.error : null
  const fromApi = formProblems(apiError, 'json', (key) => ACTUAL_FIELD_OF[key] ?? null)
  const p = { ...fromApi.fields, ...local }
  const other = fromApi.other ?? (write.error && !apiError ? write.error.message : null)
  const line = lines.find((l) => String(l.id) === form.budgetLine)
  const lineDefault = line ? 'The line’s' : 'Choose…'
  return (
    <form
      ref={formRef}
      className="panel grid-form project-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <h3 id={`${id}-title`}>{entry ? 'Edit the cost entry' : 'Add a cost entry'}</h3>
      <Field
        label="Date incurred"
        type="date"
        value={form.incurredOn}
        onChange={input('incurredOn')}
        required
        autoFocus
        problem={p.incurredOn}
      />
      <Field
        label="Amount (£)"
        hint="A credit is negative: -12.50"
        inputMode="decimal"
        value={form.amount}
        onChange={input('amount')}
        required
        problem={p.amount}
      />
      <SelectField
        label="Budget line"
        value={form.budgetLine}
        onChange={set('budgetLine')}
        options={[['', 'None'], ...lines.map((l) => [String(l.id), l.name] as const)]}
        problem={p.budgetLine}
      />
      <SelectField
        label="Category"
        value={form.category}
        onChange={set('category')}
        options={[
          ['', line ? `${lineDefault} (${BUDGET_CATEGORY_LABELS[line.category]})` : lineDefault],
          ...CATEGORY_CHOICES,
        ]}
        problem={p.category}
      />
      <SelectField
        label="Capex or opex"
        value={form.spendType}
        onChange={set('spendType')}
        options={[
          ['', line ? `${lineDefault} (${SPEND_TYPE_LABELS[line.spendType]})` : lineDefault],
          ...SPEND_CHOICES,
        ]}
        problem={p.spendType}
      />
      <Field
        label="Supplier"
        value={form.supplier}
        onChange={input('supplier')}
        maxLength={SUPPLIER_MAX_LENGTH}
        problem={p.supplier}
      />
      <Field
        label="Reference"
        hint="Invoice or journal number"
        value={form.reference}
        onChange={input('reference')}
        maxLength={COST_REFERENCE_MAX_LENGTH}
        problem={p.reference}
      />
      <Field
        label="Description"
        className="field-wide"
        value={form.description}
        onChange={input('description')}
        maxLength={PROJECT_TEXT_MAX_LENGTH}
        problem={p.description}
      />
      <FormFooter
        other={other}
        pending={write.isPending}
        submit={entry ? 'Save changes' : 'Add entry'}
        pendingLabel={entry ? 'Saving…' : 'Adding…'}
        onCancel={onDone}
      />
    </form>
  )
}
