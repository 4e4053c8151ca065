import { formatDay } from '../../../lib/format.ts'
import { weekLabel } from '../heatmap-transform.ts'
import type { CoverRisk } from '../queries.ts'

const dayName = (day: string) =>
  `${new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' })} ${formatDay(day)}`

/** Each week and owner team short of cover: its tier-1 services and the days under the minimum. */
export function CoverWarnings({
  risks,
  minimum,
}: {
  risks: readonly CoverRisk[]
  minimum: number
}) {
  return (
    <ul className="cover-list" aria-label="Cover-risk warnings">
      {risks.map((risk) => (
        <li key={`${risk.week}:${risk.team.id}`} className="cover-item">
          <p className="cover-head">
            <span className="cover-mark" aria-hidden="true">
              !
            </span>
            <strong>{risk.team.name}</strong>, {weekLabel(risk.week).words}: under {minimum} people
            on {risk.days.length} day{risk.days.length === 1 ? '' : 's'}
          </p>
          <p className="muted">Tier-1 services: {risk.services.map((s) => s.name).join(', ')}</p>
          <ul className="cover-days">
            {risk.days.map((d) => (
              <li key={d.day}>
                {dayName(d.day)}: {d.available} available
                {d.people.length > 0 ? ` (${d.people.map((p) => p.name).join(', ')})` : ''}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  )
}
