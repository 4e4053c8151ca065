import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { EditableRow } from '../../components/ui/row-actions.tsx'
import { EmptyState, Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { useOpener } from '../../lib/use-opener.ts'
import { ReportsNav } from './archive-nav.tsx'
import { ScheduleDeliveries } from './schedule-deliveries.tsx'
import { ScheduleEditor } from './schedule-editor.tsx'
import {
  type Schedule,
  scheduleQueries,
  useDeleteSchedule,
  useEditSchedule,
} from './schedule-queries.ts'
import { cadenceOf, channelsOf, formatInZone } from './schedule-view.ts'

/**
 * When the worker freezes a report and where it sends it, with each schedule's delivery log.
 * Managers and admins add, change, pause and delete schedules; the API enforces it.
 */
export function SchedulesPage({ canManage }: { canManage: boolean }) {
  const schedules = useQuery(scheduleQueries.list())
  const zone = useQuery(scheduleQueries.timezone())
  const timezone = zone.data ?? 'UTC'
  const { open: adding, show, close, opener } = useOpener()
  const columns = canManage ? 7 : 6
  return (
    <div className="page">
      <title>Report schedules · opsdeck</title>
      <header className="page-head">
        <div>
          <h1>Report schedules</h1>
          <p className="muted">
            Each run freezes the last whole period and sends it by email and/or webhook with a share
            link. Times are in {zone.data ?? 'the organisation’s time zone'}.
          </p>
        </div>
        {canManage && !adding ? (
          <button ref={opener} type="button" className="button" onClick={show}>
            Add schedule
          </button>
        ) : null}
      </header>
      <ReportsNav />
      {adding ? <ScheduleEditor timezone={timezone} onDone={close} /> : null}
      <QueryErrorState title="Could not load the report schedules" query={schedules} />
      {schedules.isPending ? <Loading label="Loading the report schedules…" lines={4} /> : null}
      {schedules.data?.length === 0 ? (
        <EmptyState title="No schedules yet">
          <p>
            {canManage
              ? 'Add one to have the monthly pack frozen and sent on its own.'
              : 'A manager can add one to have the monthly pack frozen and sent on its own.'}
          </p>
        </EmptyState>
      ) : null}
      {schedules.data?.length ? (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">Report schedules</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Runs</th>
                <th scope="col">Next run</th>
                <th scope="col">Delivers to</th>
                <th scope="col">Status</th>
                <th scope="col">Deliveries</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {schedules.data.map((s) => (
                <ScheduleRow key={s.id} {...{ schedule: s, timezone, canManage, columns }} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  )
}

interface RowProps {
  schedule: Schedule
  timezone: string
  canManage: boolean
  columns: number
}

function ScheduleRow({ schedule: s, timezone, canManage, columns }: RowProps) {
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
            aria-label={`Delivery log of ${s.name}`}
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
