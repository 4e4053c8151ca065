import { type FormEvent, useId, useRef, useState } from 'react'
import { PRESET_LABELS, PRESETS, type RangeSpec, validateCustomRange } from '../lib/range.ts'
import { useRange } from '../lib/use-range.ts'

/** Presets as a button group, plus a custom from/to (calendar days, both inclusive). */
export function RangePicker() {
  const [range, setRange] = useRange()
  const [customOpen, setCustomOpen] = useState(false)
  const customButton = useRef<HTMLButtonElement>(null)
  const isCustom = !('preset' in range)
  // Closing the form removes the focused element; put focus back where the person started.
  const closeCustom = () => {
    setCustomOpen(false)
    customButton.current?.focus()
  }
  return (
    <div className="range-picker" role="group" aria-label="Time range">
      <div className="segmented">
        {PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            aria-pressed={'preset' in range && range.preset === p}
            title={PRESET_LABELS[p].long}
            onClick={() => {
              setCustomOpen(false)
              setRange({ preset: p })
            }}
          >
            {PRESET_LABELS[p].short}
          </button>
        ))}
        <button
          ref={customButton}
          type="button"
          aria-pressed={isCustom}
          aria-expanded={customOpen}
          onClick={() => setCustomOpen((open) => !open)}
        >
          Custom
        </button>
      </div>
      {customOpen ? (
        <CustomRange
          initial={range}
          onApply={(next) => {
            setRange(next)
            closeCustom()
          }}
          onCancel={closeCustom}
        />
      ) : null}
    </div>
  )
}

interface CustomRangeProps {
  initial: RangeSpec
  onApply: (range: RangeSpec) => void
  onCancel: () => void
}

function CustomRange({ initial, onApply, onCancel }: CustomRangeProps) {
  const id = useId()
  const [from, setFrom] = useState('preset' in initial ? '' : initial.from.slice(0, 10))
  const [to, setTo] = useState('preset' in initial ? '' : initial.to.slice(0, 10))
  const [problem, setProblem] = useState<string | null>(null)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const issue = validateCustomRange(from, to)
    setProblem(issue)
    if (!issue) onApply({ from, to })
  }
  return (
    <form
      className="custom-range"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      aria-label="Custom time range"
    >
      <label htmlFor={`${id}-from`}>From</label>
      <input
        id={`${id}-from`}
        type="date"
        value={from}
        onChange={(e) => setFrom(e.target.value)}
        autoFocus
      />
      <label htmlFor={`${id}-to`}>To</label>
      <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      <button type="submit" className="button">
        Apply
      </button>
      <button type="button" className="button button-quiet" onClick={onCancel}>
        Cancel
      </button>
      {problem ? (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  )
}
