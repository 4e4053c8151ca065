/**
 * The end of a form: the API's message that belongs to no field (focused by the form's
 * first-problem logic through `data-problem`), then submit and, if given, Cancel.
 */
export function FormFooter(props: {
  other: string | null | undefined
  pending: boolean
  submit: string
  pendingLabel: string
  onCancel?: () => void
}) {
  return (
    <>
      {props.other ? (
        <p className="form-error" role="alert" tabIndex={-1} data-problem>
          {props.other}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={props.pending}>
          {props.pending ? props.pendingLabel : props.submit}
        </button>
        {props.onCancel ? (
          <button type="button" className="button button-quiet" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </>
  )
}
