import {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  type BudgetCategory,
  PROJECT_NAME_MAX_LENGTH,
  SPEND_TYPE_LABELS,
  SPEND_TYPES,
  type SpendType,
} from '@opsdeck/contract'
import { type FormEvent, useId, useState } from 'react'
import { EditableRow } from '../../../components/ui/row-actions.tsx'
import { Field } from '../../../components/ui/field.tsx'
import { FormFooter } from '../../../components/ui/form-footer.tsx'
import { SelectField } from '../../../components/ui/select-field.tsx'
import { ApiError } from '../../../lib/api.ts'
import { formProblems } from '../../../lib/form-problems.ts'
import { useOpener } from '../../../lib/use-opener.ts'
import { formatPence } from '../money.ts'
import {
  emptyLineForm,
  formOfLine,
  LINE_FIELD_OF,
  type LineField,
  type LineForm as Form,
  lineProblems,
  toLineBody,
  toLinePatch,
} from '../project-edit.ts'
import { useAddLine, useDeleteLine, useEditLine } from '../project-writes.ts'
import type { BudgetLine, ProjectRecord } from '../queries.ts'
import { useFocusFirstProblem } from '../../../lib/form-focus.ts'

const CATEGORY_CHOICES = BUDGET_CATEGORIES.map((c) => [c, BUDGET_CATEGORY_LABELS[c]] as const)
const SPEND_CHOICES = SPEND_TYPES.map((s) => [s, SPEND_TYPE_LABELS[s]] as const)

interface BudgetLinesProps {
  project: ProjectRecord
  canManage: boolean
  currency?: string
}

/** The lines that make the BAC; a manager adds, edits and deletes them (not one with actuals). */
export function BudgetLines({ project, canManage, currency = 'GBP' }: BudgetLinesProps) {
  const { open: adding, show, close, opener } = useOpener()
  return (
    <>
      {project.lines.length === 0 ? (
        <p className="muted">No budget lines: the BAC is £0.</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">Budget lines</caption>
            <thead>
              <tr>
                <th scope="col" className="text">
                  Line
                </th>
                <th scope="col" className="text">
                  Category
                </th>
                <th scope="col">Amount</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {project.lines.map((l) => (
                <LineRow
                  key={l.id}
                  code={project.code}
                  line={l}
                  currency={currency}
                  canManage={canManage}
                />
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2} className="text">
                  Budget at completion (BAC)
                </th>
                <td className="num">{formatPence(project.bac, currency)}</td>
                {canManage ? <td /> : null}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {canManage && adding ? <LineForm code={project.code} onDone={close} /> : null}
      {canManage && !adding ? (
        <button ref={opener} type="button" className="button button-small" onClick={show}>
          Add budget line
        </button>
      ) : null}
    </>
  )
}

function LineRow(props: { code: string; line: BudgetLine; currency: string; canManage: boolean }) {
  const { code, line, currency, canManage } = props
  const remove = useDeleteLine(code)
  return (
    <EditableRow
      canManage={canManage}
      thing={`the line ${line.name}`}
      confirmLabel="Delete line"
      remove={remove}
      variables={line.id}
      columns={4}
      editor={(done) => <LineForm code={code} line={line} onDone={done} />}
    >
      <th scope="row">{line.name}</th>
      <td>
        {BUDGET_CATEGORY_LABELS[line.category]}, {SPEND_TYPE_LABELS[line.spendType]}
      </td>
      <td className="num">{formatPence(line.amountPence, currency)}</td>
    </EditableRow>
  )
}

function LineForm({ code, line, onDone }: { code: string; line?: BudgetLine; onDone: () => void }) {
  const id = useId()
  const add = useAddLine(code)
  const edit = useEditLine(code, line?.id ?? 0)
  const write = line ? edit : add
  const [form, setForm] = useState<Form>(() => (line ? formOfLine(line) : emptyLineForm()))
  const [local, setLocal] = useState<Partial<Record<LineField, string>>>({})
  const { formRef, refused } = useFocusFirstProblem()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = lineProblems(form)
    setLocal(found)
    if (Object.keys(found).length > 0) return refused()
    if (line) {
      const patch = toLinePatch(form, line)
      if (Object.keys(patch).length === 0) return onDone()
      edit.mutateAsync(patch).then(onDone, refused)
    } else add.mutateAsync(toLineBody(form)).then(onDone, refused)
  }
  const apiError = write.error instanceof ApiError ? write.error : null
  const fromApi = formProblems(apiError, 'json', (key) => LINE_FIELD_OF[key] ?? null)
  const p = { ...fromApi.fields, ...local }
  const other = fromApi.other ?? (write.error && !apiError ? write.error.message : null)
  return (
    <form
      ref={formRef}
      className="panel grid-form project-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <h3 id={`${id}-title`}>{line ? `Edit the line ${line.name}` : 'Add a budget line'}</h3>
      <Field
        label="Line name"
        value={form.name}
        onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))}
        maxLength={PROJECT_NAME_MAX_LENGTH}
        required
        autoFocus
        problem={p.name}
      />
      <SelectField
        label="Category"
        value={form.category}
        onChange={(v) => setForm((f) => ({ ...f, category: v as BudgetCategory }))}
        options={CATEGORY_CHOICES}
        problem={p.category}
      />
      <SelectField
        label="Capex or opex"
        value={form.spendType}
        onChange={(v) => setForm((f) => ({ ...f, spendType: v as SpendType }))}
        options={SPEND_CHOICES}
        problem={p.spendType}
      />
      <Field
        label="Amount (£)"
        inputMode="decimal"
        value={form.amount}
        onChange={(e) => setForm((f) => ({ ...f, amount: e.target.value }))}
        required
        problem={p.amount}
      />
      <FormFooter
        other={other}
        pending={write.isPending}
        submit={line ? 'Save line' : 'Add line'}
        pendingLabel="Saving…"
        onCancel={onDone}
      />
    </form>
  )
}
