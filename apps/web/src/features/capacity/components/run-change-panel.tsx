import { lazy } from 'react'
import { ChartFrame } from '../../../components/ui/chart-frame.tsx'
import { EmptyState } from '../../../components/ui/states.tsx'
import { formatDay, formatNumber } from '../../../lib/format.ts'
import type { RunChange } from '../queries.ts'
import { monthLabel, runChangeRows, runChangeSummary } from '../transform.ts'
import { RUN_CHANGE_SERIES } from './run-change-series.ts'

const RunChangeChart = lazy(() => import('./run-change-chart.tsx'))

/** Run vs change by month as stacked bars with their words, and incident toil by team. */
export function RunChangePanel({ data }: { data: RunChange }) {
  const rows = runChangeRows(data.months)
  const anything = data.total.run + data.total.change > 0
  return (
    <>
      {anything ? (
        <ChartFrame
          height={240}
          summary={runChangeSummary(data)}
          caption={
            <span className="legend">
              {RUN_CHANGE_SERIES.map((s) => (
                <span key={s.key}>
                  <span className="key" style={{ background: s.fill }} aria-hidden="true" />
                  {s.name}
                </span>
              ))}
              <span>
                Confirmed work, {formatDay(data.from)} to {formatDay(data.to)}
              </span>
            </span>
          }
        >
          <RunChangeChart data={rows} />
        </ChartFrame>
      ) : (
        <EmptyState title="No work booked in these months">
          <p>Allocations and incident hours appear here by month once there are any.</p>
        </EmptyState>
      )}
      <h3 className="capacity-sub">Incident toil by team</h3>
      {data.toilByTeam.length === 0 ? (
        <p className="muted">No incident hours in these months.</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">Incident toil by team and month, in hours</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                {data.months.map((m) => (
                  <th key={m.month} scope="col">
                    {monthLabel(m.month)}
                  </th>
                ))}
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {data.toilByTeam.map((t) => (
                <tr key={t.team.id}>
                  <th scope="row">{t.team.name}</th>
                  {data.months.map((m) => (
                    <td key={m.month} className="num">
                      {formatNumber(t.months.find((x) => x.month === m.month)?.hours ?? 0)} h
                    </td>
                  ))}
                  <td className="num">{formatNumber(t.total)} h</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
