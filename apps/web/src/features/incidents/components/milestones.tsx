import { useRef, useState } from 'react'
import { formatInstant } from '../../../lib/format.ts'
import { CORRECTABLE, type Milestone, type MilestoneRow } from '../detail-transform.ts'
import { CorrectionForm } from './correction-form.tsx'

interface MilestonesProps {
  refId: string
  rows: readonly MilestoneRow[]
  canManage: boolean
}

const isCorrectable = (field: MilestoneRow['field']): field is Milestone =>
  CORRECTABLE.includes(field as Milestone)

/** When each milestone happened; managers correct one, with a reason that goes on the timeline. */
export function Milestones({ refId, rows, canManage }: MilestonesProps) {
  const [correcting, setCorrecting] = useState<MilestoneRow | null>(null)
  const opener = useRef<HTMLButtonElement | null>(null)
  const close = () => {
    setCorrecting(null)
    // The form that had focus is gone: back to the button that opened it.
    requestAnimationFrame(() => opener.current?.focus())
  }
  return (
    <>
      <div className="table-scroll">
        <table className="data milestones">
          <caption className="visually-hidden">Milestones, in order</caption>
          <thead>
            <tr>
              <th scope="col">Milestone</th>
              <th scope="col">When</th>
              {canManage ? (
                <th scope="col" className="text">
                  <span className="visually-hidden">Correct</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field}>
                <th scope="row">{row.label}</th>
                <td className="num">
                  {row.at ? (
                    <time dateTime={row.at}>{formatInstant(row.at)}</time>
                  ) : (
                    <span className="muted">not yet</span>
                  )}
                  {row.corrected ? <span className="corrected"> (corrected)</span> : null}
                </td>
                {canManage ? (
                  <td>
                    {isCorrectable(row.field) ? (
                      <button
                        type="button"
                        className="button-link"
                        aria-label={`Correct ${row.label.toLowerCase()} time`}
                        onClick={(e) => {
                          opener.current = e.currentTarget
                          setCorrecting(row)
                        }}
                      >
                        Correct
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {correcting && isCorrectable(correcting.field) ? (
        <CorrectionForm
          key={correcting.field}
          refId={refId}
          field={correcting.field}
          label={correcting.label}
          at={correcting.at}
          onDone={close}
        />
      ) : null}
    </>
  )
}
