import { useId } from 'react'

interface FilterSearchProps {
  value: string
  onChange: (value: string) => void
  placeholder: string
  /** Given while a filter is set: Clear filters is offered. */
  onClear?: (() => void) | undefined
}

/**
 * The end of a filter form: its search box, the Search button that submits the form (so typing
 * does not push a history entry per letter) and, while a filter is set, Clear filters.
 */
export function FilterSearch({ value, onChange, placeholder, onClear }: FilterSearchProps) {
  const id = useId()
  return (
    <>
      <div className="field">
        <label htmlFor={id}>Search</label>
        <input
          id={id}
          type="search"
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-small">
          Search
        </button>
        {onClear ? (
          <button type="button" className="button button-small button-quiet" onClick={onClear}>
            Clear filters
          </button>
        ) : null}
      </div>
    </>
  )
}
