import { INCIDENT_TEXT_MAX_LENGTH } from '@opsdeck/contract'
import { type FormEvent, useId, useState } from 'react'
import { useAddNote } from '../queries.ts'

/** Adds a note to the timeline, kept exactly as typed (the API neither trims nor escapes it). */
export function NoteForm({ refId }: { refId: string }) {
  const id = useId()
  const add = useAddNote(refId)
  const [body, setBody] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!body.trim()) return setProblem('Write the note first')
    setProblem(null)
    add.mutate(body, { onSuccess: () => setBody('') })
  }
  const shown = problem ?? add.error?.message ?? null
  return (
    <form className="note-form" onSubmit={submit} aria-label="Add a note" noValidate>
      <div className="field">
        <label htmlFor={`${id}-body`}>Note</label>
        <textarea
          id={`${id}-body`}
          rows={3}
          value={body}
          maxLength={INCIDENT_TEXT_MAX_LENGTH}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={shown ? true : undefined}
          aria-describedby={shown ? `${id}-problem` : undefined}
        />
        {shown ? (
          <p className="field-problem" id={`${id}-problem`} role="alert">
            {shown}
          </p>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-small" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add note'}
        </button>
      </div>
    </form>
  )
}
