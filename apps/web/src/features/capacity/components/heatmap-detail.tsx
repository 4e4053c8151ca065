import { ALLOCATION_KIND_LABELS } from '@opsdeck/contract'
import { useQuery } from '@tanstack/react-query'
import { formatDay } from '../../../lib/format.ts'
import { cellPercent, hours } from '../heatmap-transform.ts'
import {
  capacityQueries,
  type PersonWeek,
  type PersonWeekDetail,
  type WeekCell,
} from '../queries.ts'

/** A person's week in a team's row: what the popover asks the API for. */
export interface WeekOf {
  person: number
  week: string
  /** The team's slug: the person's days in it, as the row sums them. */
  team: string
}

const KINDS = ['project', 'run', 'support'] as const
const byKind = (k: Record<(typeof KINDS)[number], number>) =>
  KINDS.filter((kind) => k[kind] > 0)
    .map((kind) => `${ALLOCATION_KIND_LABELS[kind]} ${hours(k[kind])}`)
    .join(', ') || 'none'
const sumOf = (k: Record<(typeof KINDS)[number], number>) => k.project + k.run + k.support
const weekday = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' })
const dayText = (day: string) => `${weekday(day)} ${formatDay(day).replace(/ \d{4}$/, '')}`

interface HeatmapDetailProps {
  week: WeekCell | PersonWeek
  /** A person's cell: its days and bookings are fetched as the popover opens. */
  of: WeekOf | null
}

/**
 * The hours behind a heatmap cell: how its effective capacity and its booking are made; for a
 * person's, the days off and the allocations behind them too, once they have loaded.
 */
export function HeatmapDetail({ week, of }: HeatmapDetailProps) {
  const query = useQuery({
    ...capacityQueries.personWeek(of?.person ?? 0, of?.week ?? week.week, of?.team ?? null),
    enabled: of !== null,
  })
  return (
    <>
      <Figures week={week} detail={of === null ? null : query.data} />
      {of === null ? null : query.error ? (
        <p className="heat-note">Could not load the days off and allocations behind this week.</p>
      ) : query.data ? (
        <Lists detail={query.data} />
      ) : (
        <p className="heat-note">Loading the days off and allocations…</p>
      )}
    </>
  )
}

interface FiguresProps {
  week: WeekCell | PersonWeek
  /** A person's days, undefined while they load; null for a team's cell. */
  detail: PersonWeekDetail | null | undefined
}

function Figures({ week, detail }: FiguresProps) {
  const holidays = detail ? detail.bankHolidays.length + detail.closures.length : 0
  return (
    <dl className="heat-figures">
      <dt>Capacity</dt>
      <dd>
        {hours(week.capacity)}
        {detail === undefined
          ? ''
          : holidays > 0
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
  )
}

function Lists({ detail }: { detail: PersonWeekDetail }) {
  const holidays = detail.bankHolidays.length + detail.closures.length
  return (
    <>
      {detail.allocations.length > 0 ? (
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
      {holidays + detail.timeOff.length > 0 ? (
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
