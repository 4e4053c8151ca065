import { useState } from 'react'

interface LineListEditorProps {
  /** "Highlights" */
  legend: string
  /** "highlight": names each line ("Highlight 2") and the buttons ("Add a highlight"). */
  item: string
  lines: readonly string[]
  onChange: (lines: string[]) => void
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** A list of one-line entries to edit, add to and remove from; empty lines are dropped on save. */
export function LineListEditor({ legend, item, lines, onChange }: LineListEditorProps) {
  // The line just added takes the focus, so typing can start at once.
  const [focus, setFocus] = useState<number | null>(null)
  return (
    <fieldset className="field line-list-field">
      <legend>{legend}</legend>
      {lines.length === 0 ? <p className="field-hint">None yet.</p> : null}
      <ul className="line-list">
        {lines.map((line, i) => (
          <li key={i}>
            <input
              type="text"
              aria-label={`${capital(item)} ${i + 1}`}
              value={line}
              maxLength={500}
              autoFocus={focus === i}
              onChange={(e) => onChange(lines.map((l, j) => (j === i ? e.target.value : l)))}
            />
            <button
              type="button"
              className="button button-small button-quiet"
              aria-label={`Remove ${item} ${i + 1}`}
              onClick={() => {
                setFocus(null)
                onChange(lines.filter((_, j) => j !== i))
              }}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button-small button-quiet"
        disabled={lines.length >= 20}
        onClick={() => {
          setFocus(lines.length)
          onChange([...lines, ''])
        }}
      >
        Add a {item}
      </button>
    </fieldset>
  )
}
