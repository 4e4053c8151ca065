import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { Field } from '../../../components/ui/field.tsx'
import { FormFooter } from '../../../components/ui/form-footer.tsx'
import { ApiError } from '../../../lib/api.ts'
import { placeProblems } from '../../../lib/form-problems.ts'
import { useOpener } from '../../../lib/use-opener.ts'
import { formatPence } from '../money.ts'
import { useAddBaseline } from '../project-writes.ts'
import { type Baselines, type ProjectRecord, projectsQueries } from '../queries.ts'
import {
  initialPlan,
  monthLabel,
  type PlanField,
  type PlanRow,
  planFieldOf,
  planProblems,
  planTotal,
  toNewBaseline,
} from '../rebaseline-form.ts'
import { useFocusFirstProblem } from '../../../lib/form-focus.ts'
import './project-forms.css'

/** "Re-baseline" (or "Set a baseline" when there is none) for a manager, opening the form. */
export function Rebaseline({ project }: { project: ProjectRecord }) {
  const baselines = useQuery(projectsQueries.baselines(project.code))
  const { open, show, close, opener } = useOpener()
  if (!baselines.data) return null
  const first = baselines.data.current === null
  return open ? (
    <RebaselineForm project={project} baselines={baselines.data} onDone={close} />
  ) : (
    <button ref={opener} type="button" className="button button-small" onClick={show}>
      {first ? 'Set a baseline' : 'Re-baseline'}
    </button>
  )
}

interface RebaselineFormProps {
  project: ProjectRecord
  baselines: Baselines
  onDone: () => void
}

/**
 * A new version of the plan, month by month in pounds, starting from the current one (or the
 * BAC spread evenly); a reason is required once a baseline exists. The total is set against the
 * BAC as a warning only: a plan may knowingly differ from the budget.
 */
export function RebaselineForm({ project, baselines, onDone }: RebaselineFormProps) {
  const id = useId()
  const add = useAddBaseline(project.code)
  const current = baselines.versions.find((v) => v.version === baselines.current) ?? null
  const [rows, setRows] = useState<PlanRow[]>(() =>
    initialPlan({ ...project, bac: baselines.bac }, current?.months ?? null),
  )
  const [reason, setReason] = useState('')
  const [local, setLocal] = useState<Partial<Record<PlanField, string>>>({})
  const { formRef, refused } = useFocusFirstProblem()
  const reasonRequired = current !== null
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = planProblems(rows, reason, reasonRequired)
    setLocal(found)
    if (Object.keys(found).length > 0) return refused()
    add.mutateAsync(toNewBaseline(rows, reason)).then(onDone, refused)
  }
  const apiError = add.error instanceof ApiError ? add.error : null
  const fromApi = placeProblems(apiError, planFieldOf, 'Not saved')
  const p: Partial<Record<PlanField, string>> = { ...fromApi.fields, ...local }
  const other = fromApi.other ?? (add.error && !apiError ? add.error.message : null)
  const total = planTotal(rows)
  const gap = total === null ? null : total - baselines.bac
  return (
    <form
      ref={formRef}
      className="panel grid-form project-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <h3 id={`${id}-title`}>
        {current ? `Re-baseline (version ${current.version + 1})` : 'Set the baseline'}
      </h3>
      <p className="muted small field-wide">
        {current
          ? `Starts from version ${current.version}; the old versions are kept.`
          : 'Starts from the budget spread evenly over the project’s months.'}
      </p>
      <Field
        label={reasonRequired ? 'Reason' : 'Reason (optional)'}
        className="field-wide"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={500}
        required={reasonRequired}
        autoFocus
        problem={p.reason}
      />
      <fieldset className="plan-months">
        <legend>Planned spend by month (£)</legend>
        {rows.map((r, i) => (
          <Field
            key={r.month}
            label={monthLabel(r.month)}
            inputMode="decimal"
            value={r.amount}
            onChange={(e) => {
              const amount = e.target.value
              setRows((all) => all.map((row, j) => (j === i ? { ...row, amount } : row)))
            }}
            problem={p[`months.${i}`]}
          />
        ))}
      </fieldset>
      <p className="field-wide" role="status">
        {total === null ? (
          'The total shows once every amount is one.'
        ) : (
          <>
            Plan total {formatPence(total)} against a BAC of {formatPence(baselines.bac)}
            {gap === 0 ? '.' : null}
            {gap !== null && gap !== 0 ? (
              <strong className="tone-warn">
                {' '}
                — {formatPence(Math.abs(gap))} {gap > 0 ? 'more' : 'less'} than the budget.
              </strong>
            ) : null}
          </>
        )}
      </p>
      <FormFooter
        other={other}
        pending={add.isPending}
        submit={current ? 'Save new baseline' : 'Save baseline'}
        pendingLabel="Saving…"
        onCancel={onDone}
      />
    </form>
  )
}
