import { Field } from '../../../components/ui/field.tsx'
import { SelectField } from '../../../components/ui/select-field.tsx'
import { isDay } from '../../../lib/range.ts'
import {
  PERIOD_KINDS,
  PERIOD_LABELS,
  type PeriodKind,
  type PeriodQuery,
  type PeriodView,
} from '../period.ts'

const OPTIONS = PERIOD_KINDS.map((k) => [k, PERIOD_LABELS[k]] as const)

interface PeriodPickerProps {
  /** The days shown: the URL's, or the defaults for the kind. */
  query: PeriodQuery
  onChange: (view: PeriodView) => void
}

/** Which period the report covers: a week, month or quarter by a day in it, or custom days. */
export function PeriodPicker({ query, onChange }: PeriodPickerProps) {
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
            label="From"
            type="date"
            value={query.from}
            onChange={(e) => {
              if (isDay(e.target.value))
                onChange({ kind: 'custom', from: e.target.value, to: query.to })
            }}
          />
          <Field
            label="To"
            type="date"
            value={query.to}
            onChange={(e) => {
              if (isDay(e.target.value))
                onChange({ kind: 'custom', from: query.from, to: e.target.value })
            }}
          />
        </>
      ) : (
        <Field
          label="Day in the period"
          type="date"
          value={query.day}
          hint={`Any day in the ${query.period} to report on.`}
          onChange={(e) => {
            if (isDay(e.target.value)) onChange({ kind: query.period, day: e.target.value })
          }}
        />
      )}
    </div>
  )
}
