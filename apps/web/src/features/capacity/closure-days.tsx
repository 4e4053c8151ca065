import { CLOSURE_NAME_MAX_LENGTH } from '@opsdeck/contract'
import { type FormEvent, useId, useState } from 'react'
import { Field } from '../../components/ui/field.tsx'
import { FormFooter } from '../../components/ui/form-footer.tsx'
import { RowActions } from '../../components/ui/row-actions.tsx'
import { ApiError } from '../../lib/api.ts'
import { formatDay } from '../../lib/format.ts'
import { useFocusFirstProblem } from '../../lib/form-focus.ts'
import { formProblems } from '../../lib/form-problems.ts'
import { isDay } from '../../lib/range.ts'
import { useOpener } from '../../lib/use-opener.ts'
import type { ClosureDay } from './organisation-queries.ts'
import { useAddClosureDay, useDeleteClosureDay } from './organisation-writes.ts'

const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' })
/** `Tue 29 Dec 2026`: the weekday says whether it takes a working day. */
export const closureDayLabel = (day: string) =>
  `${weekday.format(new Date(`${day}T00:00:00Z`))} ${formatDay(day)}`

interface ClosureDaysProps {
  closureDays: readonly ClosureDay[]
  today: string
  /** The years listed, for the empty state: "2026 and 2027". */
  years: string
  canManage: boolean
}

/** The organisation's closure days, by day; managers add and delete them. */
export function ClosureDays({ closureDays, today, years, canManage }: ClosureDaysProps) {
  const { open: adding, show, close, opener } = useOpener()
  return (
    <>
      {closureDays.length === 0 ? (
        <p className="muted">No closure days in {years}.</p>
      ) : (
        <div className="table-scroll">
          <table className="data organisation-closures">
            <caption className="visually-hidden">Closure days, by day</caption>
            <thead>
              <tr>
                <th scope="col" className="text">
                  Day
                </th>
                <th scope="col" className="text">
                  Closed for
                </th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {closureDays.map((c) => (
                <ClosureRow key={c.day} closure={c} past={c.day < today} canManage={canManage} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage && adding ? <ClosureDayAdd onDone={close} /> : null}
      {canManage && !adding ? (
        <button ref={opener} type="button" className="button button-small" onClick={show}>
          Add closure day
        </button>
      ) : null}
    </>
  )
}

function ClosureRow(props: { closure: ClosureDay; past: boolean; canManage: boolean }) {
  const { closure, past, canManage } = props
  const remove = useDeleteClosureDay()
  const label = closureDayLabel(closure.day)
  return (
    <tr data-past={past || undefined}>
      <th scope="row" className="nowrap">
        {label}
        {past ? <span className="muted"> · past</span> : null}
      </th>
      <td>{closure.name}</td>
      {canManage ? (
        <RowActions
          thing={`the closure day ${label}`}
          confirmLabel="Delete closure day"
          remove={remove}
          variables={closure.day}
        />
      ) : null}
    </tr>
  )
}

type ClosureField = 'day' | 'name'

/** One day the whole organisation is closed: nobody works it and nothing is booked on it. */
function ClosureDayAdd({ onDone }: { onDone: () => void }) {
  const id = useId()
  const add = useAddClosureDay()
  const [form, setForm] = useState({ day: '', name: '' })
  const [local, setLocal] = useState<Partial<Record<ClosureField, string>>>({})
  const { formRef, refused } = useFocusFirstProblem()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const body = { day: form.day, name: form.name.trim() }
    const found: Partial<Record<ClosureField, string>> = {}
    if (!isDay(body.day)) found.day = 'Enter the day'
    if (!body.name) found.name = 'Enter what the organisation is closed for'
    setLocal(found)
    if (Object.keys(found).length > 0) return refused()
    add.mutateAsync(body).then(onDone, refused)
  }
  const apiError = add.error instanceof ApiError ? add.error : null
  const fromApi = formProblems(apiError, 'json', (key) =>
    key === 'day' || key === 'name' ? key : null,
  )
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
      <h3 id={`${id}-title`}>Add a closure day</h3>
      <Field
        label="Day"
        type="date"
        value={form.day}
        onChange={(e) => setForm((f) => ({ ...f, day: e.target.value }))}
        required
        autoFocus
        problem={p.day}
      />
      <Field
        label="Closed for"
        hint="E.g. Christmas shutdown"
        value={form.name}
        onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))}
        maxLength={CLOSURE_NAME_MAX_LENGTH}
        autoComplete="off"
        required
        problem={p.name}
      />
      <FormFooter
        other={other}
        pending={add.isPending}
        submit="Add closure day"
        pendingLabel="Adding…"
        onCancel={onDone}
      />
    </form>
  )
}
