import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { ApiError } from '../../../lib/api.ts'
import { formProblems } from '../../../lib/form-problems.ts'
import { useUpdateService } from '../queries.ts'

interface Props {
  slug: string
  /** The service's saved setting. */
  saved: boolean
  onEdit: () => void
  onSaved: (message: string) => void
}

/** Whether a page-level burn-rate alert opens an incident for the service: one checkbox. */
export function IncidentOnPageForm({ slug, saved, onEdit, onSaved }: Props) {
  const id = useId()
  const update = useUpdateService(slug)
  // Null until ticked or unticked: then the saved value shows, and stays after a save.
  const [choice, setChoice] = useState<boolean | null>(null)
  const on = choice ?? saved

  // A refused save moves focus to what went wrong, so keyboard and screen-reader users hear it.
  const problemRef = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (update.error) problemRef.current?.focus()
  }, [update.error])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (on === saved) return onSaved('Nothing to save: the setting is unchanged.')
    update.mutateAsync({ openIncidentOnPage: on }).then(
      () => {
        setChoice(null)
        onSaved(
          on
            ? 'Saved: a page-level alert now opens an incident.'
            : 'Saved: page-level alerts no longer open incidents.',
        )
      },
      () => {},
    )
  }
  const apiError = update.error instanceof ApiError ? update.error : null
  const problem = apiError
    ? formProblems(apiError, 'json', () => null).other
    : (update.error?.message ?? null)
  return (
    <form className="stack-form incident-on-page" onSubmit={submit} aria-labelledby={`${id}-label`}>
      <label className="check">
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => {
            onEdit()
            setChoice(e.target.checked)
          }}
          aria-describedby={`${id}-hint`}
        />
        <span id={`${id}-label`}>Open an incident on a page-level burn-rate alert</span>
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        An SEV2 incident with this service degraded, when the 1 h or 6 h page rule fires; later page
        alerts add to it until people resolve it. Ticket-level alerts never open one.
      </p>
      {problem ? (
        <p className="form-error" role="alert" tabIndex={-1} ref={problemRef}>
          {problem}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-small" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save incident setting'}
        </button>
      </div>
    </form>
  )
}
