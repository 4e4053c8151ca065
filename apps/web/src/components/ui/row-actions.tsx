import type { UseMutationResult } from '@tanstack/react-query'
import type { ComponentProps, ReactNode, Ref } from 'react'
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

interface EditableRowProps<V> extends Omit<
  RowActionsProps<V>,
  'onEdit' | 'editing' | 'editOpener'
> {
  /** A manager's row ends in Edit and Delete; anyone else's in its cells alone. */
  canManage: boolean
  /** The row's cells, before the actions. */
  children: ReactNode
  /** How many columns the table has, actions included: the form under the row spans them. */
  columns: number
  /** The edit form, opened under the row; `done` closes it and puts focus back on Edit. */
  editor: (done: () => void) => ReactNode
  /** Attributes of the row itself, e.g. `data-past`. */
  rowProps?: ComponentProps<'tr'> & { [data: `data-${string}`]: string | boolean | undefined }
}

/** A table row a manager edits in a form opened under it, or deletes after being asked. */
export function EditableRow<V>(props: EditableRowProps<V>) {
  const { canManage, children, columns, editor, rowProps, ...actions } = props
  const { open: editing, show, close, opener } = useOpener()
  return (
    <>
      <tr {...rowProps}>
        {children}
        {canManage ? (
          <RowActions {...actions} onEdit={show} editing={editing} editOpener={opener} />
        ) : null}
      </tr>
      {canManage && editing ? (
        <tr>
          <td colSpan={columns}>{editor(close)}</td>
        </tr>
      ) : null}
    </>
  )
}
