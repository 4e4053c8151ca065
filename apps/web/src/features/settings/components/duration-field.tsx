import { useId } from 'react'
import { type DurationForm, type Unit, UNITS } from '../incident-settings-transform.ts'

interface Props {
  label: string
  value: DurationForm
  onChange: (value: DurationForm) => void
  hint?: string
  problem?: string | undefined
}

/** A duration typed as a number and a unit (minutes, hours, days), with its hint and problem. */
export function DurationField({ label, value, onChange, hint, problem }: Props) {
  const id = useId()
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : '']
    .filter(Boolean)
    .join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="duration-input">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          required
          value={value.amount}
          onChange={(e) => onChange({ ...value, amount: e.target.value })}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
        <select
          aria-label={`${label}, unit`}
          value={value.unit}
          onChange={(e) => onChange({ ...value, unit: e.target.value as Unit })}
        >
          {UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {unit}
            </option>
          ))}
        </select>
      </div>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p className="field-problem" id={`${id}-problem`}>
          {problem}
        </p>
      ) : null}
    </div>
  )
}
