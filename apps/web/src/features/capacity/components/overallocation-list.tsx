import { Link } from 'react-router'
import { formatDay, formatNumber } from '../../../lib/format.ts'
import { cellPercent, hours, weekLabel } from '../heatmap-transform.ts'
import type { Overallocation } from '../queries.ts'

/** Leave with work booked on it, in words: "Yes: 7.5 h on 1 day off", or "No". */
export function leaveConflictText(item: Overallocation): string {
  if (item.leaveConflicts.length === 0) return 'No'
  const booked = item.leaveConflicts.reduce((sum, c) => sum + c.bookedOverLeave, 0)
  const days = item.leaveConflicts.reduce((sum, c) => sum + c.share, 0)
  return `Yes: ${hours(booked)} on ${formatNumber(days)} day${days === 1 ? '' : 's'} off`
}

const CAPTION = 'Over-allocated people by week'

/**
 * Person-weeks booked over effective capacity, by week, with whether leave is behind it. The
 * figures come right after who and when, so a phone shows them without scrolling (it drops Team).
 */
export function OverallocationList({
  items,
  search,
}: {
  items: readonly Overallocation[]
  search: string
}) {
  return (
    // Focusable and named, so a keyboard can scroll what does not fit.
    <div className="table-scroll" role="region" aria-label={CAPTION} tabIndex={0}>
      <table className="data overalloc-list">
        <caption className="visually-hidden">{CAPTION}</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col" className="text">
              Week
            </th>
            <th scope="col">Over</th>
            <th scope="col">Utilization</th>
            <th scope="col">Booked of effective</th>
            <th scope="col" className="text overalloc-team">
              Team
            </th>
            <th scope="col" className="text">
              Conflict with leave
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.person.id}:${item.week}`}>
              <th scope="row">
                <Link to={{ pathname: `/capacity/people/${item.person.id}`, search }}>
                  {item.person.name}
                </Link>
                <span className="heat-role">{item.person.role}</span>
              </th>
              <td className="overalloc-week" title={formatDay(item.week)}>
                {weekLabel(item.week).words}
              </td>
              <td className="num tone-bad">{hours(item.overHours)}</td>
              <td className="num">{cellPercent(item.utilization)}</td>
              <td className="num">
                {hours(item.booked)} of {hours(item.effective)}
              </td>
              <td className="overalloc-team">{item.team?.name ?? 'none'}</td>
              <td
                className={['overalloc-leave', item.leaveConflicts.length > 0 ? 'tone-warn' : '']
                  .filter(Boolean)
                  .join(' ')}
              >
                {leaveConflictText(item)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
