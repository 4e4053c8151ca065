import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { RowActions } from '../../../components/ui/row-actions.tsx'
import { EmptyState, Loading, QueryErrorState } from '../../../components/ui/states.tsx'
import { formatDay, formatInstant } from '../../../lib/format.ts'
import { useOpener } from '../../../lib/use-opener.ts'
import { useDeleteProgress } from '../project-writes.ts'
import { type ProgressEntry, projectsQueries } from '../queries.ts'
import { ProgressForm } from './progress-form.tsx'
import './project-forms.css'

interface ProjectProgressProps {
  code: string
  /** Managers record and delete progress; viewers only read. */
  canManage: boolean
}

/** Percent complete by day, newest first, with who recorded it: EV uses the latest by asOf. */
export function ProjectProgress({ code, canManage }: ProjectProgressProps) {
  const id = useId()
  const progress = useQuery(projectsQueries.progress(code))
  const { open: recording, show, close, opener } = useOpener()
  const entries = progress.data?.entries ?? []
  return (
    <section className="project-section" aria-labelledby={`${id}-title`}>
      <div className="section-head">
        <h2 id={`${id}-title`}>Progress</h2>
        {canManage && !recording ? (
          <button ref={opener} type="button" className="button button-small" onClick={show}>
            Record progress
          </button>
        ) : null}
      </div>
      {canManage && recording ? <ProgressForm code={code} onDone={close} /> : null}
      <QueryErrorState title="Could not load the progress" query={progress} />
      {progress.isPending ? <Loading label="Loading the progress…" lines={3} /> : null}
      {progress.isSuccess && entries.length === 0 ? (
        <EmptyState title="No progress recorded">
          <p>Until a percent complete is recorded, EV is 0 and SPI and CPI read n/a.</p>
        </EmptyState>
      ) : null}
      {entries.length > 0 ? (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">Progress, newest first</caption>
            <thead>
              <tr>
                <th scope="col">As of</th>
                <th scope="col">Complete</th>
                <th scope="col" className="text">
                  Note
                </th>
                <th scope="col" className="text">
                  Recorded by
                </th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <ProgressRow key={e.asOf} code={code} entry={e} canManage={canManage} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}

function ProgressRow(props: { code: string; entry: ProgressEntry; canManage: boolean }) {
  const { code, entry: e, canManage } = props
  const remove = useDeleteProgress(code)
  const day = formatDay(e.asOf)
  return (
    <tr>
      <th scope="row" className="num">
        {day}
      </th>
      <td className="num">{`${e.percentComplete}%`}</td>
      <td>{e.note}</td>
      <td>
        {e.recordedBy?.name ?? <span className="muted">demo data or API</span>}
        <span className="muted small"> {formatInstant(e.recordedAt)}</span>
      </td>
      {canManage ? (
        <RowActions
          thing={`the progress of ${day}`}
          confirmLabel="Delete progress"
          remove={remove}
          variables={e.asOf}
        />
      ) : null}
    </tr>
  )
}
