import type { UseMutationResult } from '@tanstack/react-query'
import type { Ref } from 'react'
import { useOpener } from '../../lib/use-opener.ts'
import { Confirm } from './confirm.tsx'

interface RowActionsProps<V> {
  /** The row as its buttons name it: "the line Switches" → "Edit the line Switches", "Delete …?". */
  thing: string
  /** The confirm button's label, e.g. "Delete line". */
  confirmLabel: string
  /** The delete mutation: its error is shown here and cleared when the question is cancelled. */
  remove: Pick<UseMutationResult<unknown, Error, V>, 'mutate' | 'reset' | 'error'>
  /** What `remove` is called with: the row's id. */
  variables: V
  /** Offers Edit too: hidden while the row's form is open, which returns focus to `editOpener`. */
  onEdit?: () => void
  editing?: boolean
  editOpener?: Ref<HTMLButtonElement>
}

/**
 * A table row's last cell for a manager: Edit, and Delete asked in place first. Cancel returns
 * focus to Delete; a refused delete says why under the buttons.
 */
export function RowActions<V>(props: RowActionsProps<V>) {
  const { thing, confirmLabel, remove, variables, onEdit, editing, editOpener } = props
  const { open: asking, show: ask, close, opener } = useOpener()
  return (
    <td className="row-actions">
      {asking ? (
        <Confirm
          question={`Delete ${thing}?`}
          confirmLabel={confirmLabel}
          danger
          onConfirm={() => remove.mutate(variables, { onSuccess: close })}
          onCancel={() => {
            remove.reset()
            close()
          }}
        />
      ) : (
        <>
          {onEdit && !editing ? (
            <button
              ref={editOpener}
              type="button"
              className="button button-small button-quiet"
              aria-label={`Edit ${thing}`}
              onClick={onEdit}
            >
              Edit
            </button>
          ) : null}
          <button
            ref={opener}
            type="button"
            className="button button-small button-quiet"
            aria-label={`Delete ${thing}`}
            onClick={ask}
          >
            Delete
          </button>
        </>
      )}
      {remove.error ? (
        <p className="form-error" role="alert">
          {remove.error.message}
        </p>
      ) : null}
    </td>
  )
}
