import { useId } from 'react'
import { Field } from '../../../components/ui/field.tsx'
import { SelectField } from '../../../components/ui/select-field.tsx'
import { isDay } from '../../../lib/range.ts'
import {
  PERIOD_FIELD_LABELS,
  PERIOD_KINDS,
  PERIOD_LABELS,
  type PeriodField,
  type PeriodKind,
  type PeriodProblem,
  type PeriodQuery,
  type PeriodView,
} from '../period.ts'

const OPTIONS = PERIOD_KINDS.map((k) => [k, PERIOD_LABELS[k]] as const)

interface PeriodPickerProps {
  /** The days shown: the URL's, or the defaults for the kind. */
  query: PeriodQuery
  /** The reader's day: no later day can be reported on. */
  today: string
  /** The API's refusal of this period, said under the picker. */
  problem?: PeriodProblem | null
  onChange: (view: PeriodView) => void
}

/** Which period the report covers: a week, month or quarter by a day in it, or custom days. */
export function PeriodPicker({ query, today, problem, onChange }: PeriodPickerProps) {
  const id = useId()
  const problemId = `${id}-problem`
  // The refused fields are marked and described by the notice; the day keeps its hint too.
  const marks = (field: PeriodField, hint?: boolean) =>
    problem?.fields.includes(field)
      ? {
          'aria-invalid': true,
          'aria-describedby': hint ? `${id}-${field}-hint ${problemId}` : problemId,
        }
      : {}
  return (
    <div className="report-controls" role="group" aria-label="Report period">
      <SelectField
        label="Period"
        value={query.period}
        options={OPTIONS}
        // A new kind starts at its last whole period.
        onChange={(kind) => onChange({ kind: kind as PeriodKind })}
      />
      {query.period === 'custom' ? (
        <>
          <Field
            id={`${id}-from`}
            label={PERIOD_FIELD_LABELS.from}
            type="date"
            value={query.from}
            max={query.to < today ? query.to : today}
            {...marks('from')}
            onChange={(e) => {
              if (isDay(e.target.value))
                onChange({ kind: 'custom', from: e.target.value, to: query.to })
            }}
          />
          <Field
            id={`${id}-to`}
            label={PERIOD_FIELD_LABELS.to}
            type="date"
            value={query.to}
            min={query.from}
            max={today}
            {...marks('to')}
            onChange={(e) => {
              if (isDay(e.target.value))
                onChange({ kind: 'custom', from: query.from, to: e.target.value })
            }}
          />
        </>
      ) : (
        <Field
          id={`${id}-day`}
          label={PERIOD_FIELD_LABELS.day}
          type="date"
          value={query.day}
          max={today}
          hint={`Any day in the ${query.period} to report on.`}
          {...marks('day', true)}
          onChange={(e) => {
            if (isDay(e.target.value)) onChange({ kind: query.period, day: e.target.value })
          }}
        />
      )}
      {problem ? (
        <p className="form-error report-period-problem" id={problemId} role="alert">
          {problem.message}
        </p>
      ) : null}
    </div>
  )
}
