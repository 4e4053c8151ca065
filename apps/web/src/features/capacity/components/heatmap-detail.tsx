import { ALLOCATION_KIND_LABELS } from '@opsdeck/contract'
import { formatDay } from '../../../lib/format.ts'
import { cellPercent, hours } from '../heatmap-transform.ts'
import type { PersonWeek, WeekCell } from '../queries.ts'

const KINDS = ['project', 'run', 'support'] as const
const byKind = (k: Record<(typeof KINDS)[number], number>) =>
  KINDS.filter((kind) => k[kind] > 0)
    .map((kind) => `${ALLOCATION_KIND_LABELS[kind]} ${hours(k[kind])}`)
    .join(', ') || 'none'
const sumOf = (k: Record<(typeof KINDS)[number], number>) => k.project + k.run + k.support
const weekday = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' })
const dayText = (day: string) => `${weekday(day)} ${formatDay(day).replace(/ \d{4}$/, '')}`

/** The hours behind a heatmap cell: how its effective capacity and its booking are made. */
export function HeatmapDetail({ week }: { week: WeekCell | PersonWeek }) {
  const detail = 'detail' in week ? week.detail : null
  const holidays = detail ? detail.bankHolidays.length + detail.closures.length : 0
  return (
    <>
      <dl className="heat-figures">
        <dt>Capacity</dt>
        <dd>
          {hours(week.capacity)}
          {holidays > 0
            ? ` (working days, after ${holidays} holiday or closure day${holidays > 1 ? 's' : ''})`
            : ' (working days)'}
        </dd>
        <dt>Time off</dt>
        <dd>
          {week.timeOff > 0 ? '−' : ''}
          {hours(week.timeOff)}
          {detail && detail.timeOffDays > 0
            ? ` (${detail.timeOffDays} day${detail.timeOffDays === 1 ? '' : 's'})`
            : ''}
        </dd>
        <dt>Effective</dt>
        <dd>{hours(week.effective)}</dd>
        <dt>Booked</dt>
        <dd>
          {hours(sumOf(week.booked.confirmed))} confirmed: {byKind(week.booked.confirmed)}
        </dd>
        <dt>Tentative</dt>
        <dd>
          {hours(sumOf(week.booked.tentative))}
          {sumOf(week.booked.tentative) > 0 ? `: ${byKind(week.booked.tentative)}` : ''}
        </dd>
        <dt>Utilization</dt>
        <dd>
          {cellPercent(week.utilizationConfirmed)} confirmed,{' '}
          {cellPercent(week.utilizationWithTentative)} with tentative
        </dd>
        <dt>{week.overHours > 0 ? 'Over' : 'Free'}</dt>
        <dd>{hours(week.overHours > 0 ? week.overHours : week.freeHours)}</dd>
        {week.bookedOverLeave > 0 ? (
          <>
            <dt>Over leave</dt>
            <dd>{hours(week.bookedOverLeave)} booked on days off: a conflict</dd>
          </>
        ) : null}
        {week.toil > 0 ? (
          <>
            <dt>Incident toil</dt>
            <dd>
              {hours(week.toil)}, focus {hours(week.focus)}
            </dd>
          </>
        ) : null}
      </dl>
      {detail && detail.allocations.length > 0 ? (
        <ul className="heat-list" aria-label="Allocations">
          {detail.allocations.map((a) => (
            <li key={a.allocationId}>
              {a.project ? `${a.project.code} ${a.project.name}` : ALLOCATION_KIND_LABELS[a.kind]}:{' '}
              {hours(a.hours)}
              {a.status === 'tentative' ? ' (tentative)' : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {detail && holidays + detail.timeOff.length > 0 ? (
        <ul className="heat-list" aria-label="Days off">
          {detail.bankHolidays.map((d) => (
            <li key={d.day}>
              {dayText(d.day)}: {d.name} (bank holiday)
            </li>
          ))}
          {detail.closures.map((d) => (
            <li key={d.day}>
              {dayText(d.day)}: {d.name} (closure)
            </li>
          ))}
          {detail.timeOff.map((d) => (
            <li key={d.day}>
              {dayText(d.day)}: {d.share < 1 ? 'half a day' : 'a day'} off
            </li>
          ))}
        </ul>
      ) : null}
    </>
  )
}
