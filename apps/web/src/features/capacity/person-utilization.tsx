import type { Utilization } from '@opsdeck/kpi'
import { useEffect, useRef } from 'react'
import { formatNumber, formatPercent } from '../../lib/format.ts'
import { overWeeks, type PersonWeekRow, weekLabel } from './person-weeks.ts'

/** Utilization per ISO week, confirmed and with tentative work, the weeks over 100% marked. */
export function PersonUtilization({ rows }: { rows: readonly PersonWeekRow[] }) {
  const scroller = useRef<HTMLDivElement>(null)
  // On a screen too narrow for all the weeks, start at the week before this one, not 12 back.
  useEffect(() => {
    const box = scroller.current
    const now = box?.querySelector<HTMLElement>('thead th[data-this-week]')
    const label = box?.querySelector<HTMLElement>('thead th')
    if (!box || !now || !label || box.scrollWidth <= box.clientWidth) return
    box.scrollLeft = now.offsetLeft - label.offsetWidth - now.offsetWidth
  }, [])
  return (
    <>
      <p className="person-over-summary">
        <OverSummary rows={rows} tentative={false} /> <OverSummary rows={rows} tentative />
      </p>
      <div className="table-scroll" ref={scroller}>
        <table className="data person-weeks">
          <caption className="visually-hidden">
            Utilization by week: effective hours, confirmed and with tentative work
          </caption>
          <thead>
            <tr>
              <th scope="col" className="text">
                Week of
              </th>
              {rows.map((r) => (
                <th key={r.week} scope="col" data-this-week={r.thisWeek || undefined}>
                  <WeekHead week={r.week} />
                  {r.thisWeek ? <span className="person-week-now">this week</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Effective hours</th>
              {rows.map((r) => (
                <td key={r.week} className="num" data-this-week={r.thisWeek || undefined}>
                  {r.inTeam ? formatNumber(r.effective) : <span className="muted">–</span>}
                </td>
              ))}
            </tr>
            <UtilRow label="Confirmed" rows={rows} pick={(r) => r.confirmed} />
            <UtilRow label="With tentative" rows={rows} pick={(r) => r.withTentative} />
          </tbody>
        </table>
      </div>
    </>
  )
}

/** `7` over `Dec`: two short lines keep 25 weeks across a laptop's width. */
function WeekHead({ week }: { week: string }) {
  const [day, month] = weekLabel(week).split(' ')
  return (
    <>
      {day}
      <span className="person-week-month">{month}</span>
    </>
  )
}

function UtilRow(props: {
  label: string
  rows: readonly PersonWeekRow[]
  pick: (r: PersonWeekRow) => Utilization
}) {
  return (
    <tr>
      <th scope="row">{props.label}</th>
      {props.rows.map((r) => (
        <UtilCell key={r.week} u={props.pick(r)} shown={r.inTeam} thisWeek={r.thisWeek} />
      ))}
    </tr>
  )
}

/** A utilization as a percent; over 100% in colour and the word "over". */
export function UtilCell({
  u,
  shown,
  thisWeek,
}: {
  u: Utilization
  shown: boolean
  thisWeek?: boolean
}) {
  const tone = u.overAllocated ? 'over' : (u.utilization ?? 0) >= 0.9 ? 'high' : 'ok'
  return (
    <td className={`num person-util util-${tone}`} data-this-week={thisWeek || undefined}>
      {!shown ? (
        <span className="muted">–</span>
      ) : (
        <>
          {u.utilization === null
            ? u.booked > 0
              ? 'no capacity'
              : '–'
            : formatPercent(u.utilization)}
          {u.overAllocated ? <span className="person-over-tag">over</span> : null}
        </>
      )}
    </td>
  )
}

function OverSummary({ rows, tentative }: { rows: readonly PersonWeekRow[]; tentative: boolean }) {
  const weeks = overWeeks(rows, tentative)
  const what = tentative ? 'With tentative work' : 'Confirmed work'
  if (weeks.length === 0) return <span>{what}: not over 100% in any week shown.</span>
  return (
    <span>
      {what}:{' '}
      <strong className="util-over">
        over 100% in {weeks.length} {weeks.length === 1 ? 'week' : 'weeks'}
      </strong>{' '}
      (week of {weeks.map(weekLabel).join(', ')}).
    </span>
  )
}
