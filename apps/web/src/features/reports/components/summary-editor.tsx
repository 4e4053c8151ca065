import { type FormEvent, useState } from 'react'
import { Field } from '../../../components/ui/field.tsx'
import { TextArea } from '../../../components/ui/text-area.tsx'
import type { SummaryDraft } from '../summary-draft.ts'
import { LineListEditor } from './line-list-editor.tsx'

interface SummaryEditorProps {
  draft: SummaryDraft
  onChange: (draft: SummaryDraft) => void
  edited: boolean
  onUndo: () => void
  /** Refused with this when the draft cannot be frozen as it is. */
  problem: string | undefined
  onFreeze: () => void
  freezing: boolean
  /** Why the last freeze failed. */
  error: string | undefined
}

/** A manager's edit of the title and written summary, and the button that freezes the report. */
export function SummaryEditor(props: SummaryEditorProps) {
  const { draft, onChange, edited, onUndo, problem, onFreeze, freezing, error } = props
  const [tried, setTried] = useState(false)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setTried(true)
    if (!problem) onFreeze()
  }
  return (
    <form
      className="panel stack-form report-editor"
      aria-labelledby="report-editor"
      onSubmit={submit}
    >
      <h2 id="report-editor">Edit the summary, then freeze</h2>
      <p className="muted">
        Freezing stores this report as it stands now — figures, text and rules — and it never
        changes afterwards. Your edits show in the preview below.
      </p>
      <Field
        label="Report title"
        value={draft.title}
        maxLength={200}
        onChange={(e) => onChange({ ...draft, title: e.target.value })}
      />
      <TextArea
        label="Summary"
        rows={6}
        value={draft.text}
        maxLength={5000}
        problem={tried ? problem : undefined}
        hint="Written from the data; say it in your words before the board reads it."
        onChange={(e) => onChange({ ...draft, text: e.target.value })}
      />
      <LineListEditor
        legend="Highlights"
        item="highlight"
        lines={draft.highlights}
        onChange={(highlights) => onChange({ ...draft, highlights })}
      />
      <LineListEditor
        legend="Risks"
        item="risk"
        lines={draft.risks}
        onChange={(risks) => onChange({ ...draft, risks })}
      />
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={freezing}>
          {freezing ? 'Freezing…' : 'Freeze report'}
        </button>
        {edited ? (
          <button
            type="button"
            className="button button-quiet"
            onClick={onUndo}
            disabled={freezing}
          >
            Undo my edits
          </button>
        ) : null}
      </div>
    </form>
  )
}
