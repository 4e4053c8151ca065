import { useQuery } from '@tanstack/react-query'
import { EmptyState, Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { useOpener } from '../../lib/use-opener.ts'
import { ReportsNav } from './archive-nav.tsx'
import { ScheduleEditor } from './schedule-editor.tsx'
import { scheduleQueries } from './schedule-queries.ts'
import { ScheduleRow } from './schedule-row.tsx'

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
        <EmptyState title="No schedules yet" level={2}>
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
                <th scope="col" className="text">
                  Runs
                </th>
                <th scope="col" className="text">
                  Next run
                </th>
                <th scope="col" className="text">
                  Delivers to
                </th>
                <th scope="col" className="text">
                  Status
                </th>
                <th scope="col" className="text">
                  Deliveries
                </th>
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
