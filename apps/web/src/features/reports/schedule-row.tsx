import { useState } from 'react'
import { EditableRow } from '../../components/ui/row-actions.tsx'
import { ScheduleDeliveries } from './schedule-deliveries.tsx'
import { ScheduleEditor } from './schedule-editor.tsx'
import { type Schedule, useDeleteSchedule, useEditSchedule } from './schedule-queries.ts'
import { cadenceOf, channelsOf, formatInZone } from './schedule-view.ts'

interface RowProps {
  schedule: Schedule
  timezone: string
  canManage: boolean
  columns: number
}

/** One schedule: its cells, pause and resume, Edit and Delete, and its delivery log under it. */
export function ScheduleRow({ schedule: s, timezone, canManage, columns }: RowProps) {
  const remove = useDeleteSchedule()
  const toggle = useEditSchedule(s.id)
  const [log, setLog] = useState(false)
  return (
    <>
      <EditableRow
        canManage={canManage}
        thing={`the schedule ${s.name}`}
        confirmLabel="Delete schedule"
        remove={remove}
        variables={s.id}
        columns={columns}
        editor={(done) => <ScheduleEditor schedule={s} timezone={timezone} onDone={done} />}
      >
        <th scope="row">{s.name}</th>
        <td>{cadenceOf(s)}</td>
        <td className="nowrap">
          {s.enabled ? formatInZone(s.nextRunAt, timezone) : <span className="muted">Paused</span>}
        </td>
        <td>{channelsOf(s)}</td>
        <td className="nowrap">
          <span className={`status-badge ${s.enabled ? 'status-on' : 'status-off'}`}>
            {s.enabled ? 'Enabled' : 'Disabled'}
          </span>
          {canManage ? ' ' : null}
          {canManage ? (
            <button
              type="button"
              className="button-link"
              aria-label={`${s.enabled ? 'Disable' : 'Enable'} ${s.name}`}
              disabled={toggle.isPending}
              onClick={() => toggle.mutate({ enabled: !s.enabled })}
            >
              {s.enabled ? 'Disable' : 'Enable'}
            </button>
          ) : null}
          {toggle.error ? (
            <p className="form-error" role="alert">
              {toggle.error.message}
            </p>
          ) : null}
        </td>
        <td>
          <button
            type="button"
            className="button-link"
            aria-expanded={log}
            // The name starts with the words shown (WCAG 2.5.3), so a voice command reaches it.
            aria-label={`${log ? 'Hide' : 'Show'} log of ${s.name}`}
            onClick={() => setLog((open) => !open)}
          >
            {log ? 'Hide log' : 'Show log'}
          </button>
        </td>
      </EditableRow>
      {log ? (
        <tr className="row-extra">
          <td colSpan={columns}>
            <ScheduleDeliveries schedule={s} timezone={timezone} />
          </td>
        </tr>
      ) : null}
    </>
  )
}
