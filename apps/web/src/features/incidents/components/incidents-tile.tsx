import { Link, useLocation } from 'react-router'
import { HowComputed } from '../../../components/ui/how-computed.tsx'
import { Stat } from '../../../components/ui/stat.tsx'
import { Tile } from '../../../components/ui/tile.tsx'
import { formatDuration, formatNumber } from '../../../lib/format.ts'
import type { IncidentsSummary } from '../queries.ts'
import { incidentsLink, severityCounts } from '../transform.ts'

const HOW = (
  <HowComputed
    scope="Open = not yet resolved, right now (whatever the range). Response times are over the incidents that started in the range; n/a when none were acknowledged or resolved."
    kpis={['mtta', 'mttr']}
  />
)

export function IncidentsTile({ incidents }: { incidents: IncidentsSummary }) {
  const { open, mtta, mttr } = incidents
  const severities = severityCounts(open)
  // Links to the Incidents list keep the range; the open figures filter it to what they count.
  const { search } = useLocation()
  return (
    <Tile
      title="Incidents"
      how={HOW}
      meta={`${formatNumber(incidents.startedInRange)} started in range`}
    >
      <p className="lead">
        <Link to={incidentsLink(search, { status: 'open' })}>
          <strong className={open.total > 0 ? 'figure' : 'figure tone-good'}>
            {formatNumber(open.total)}
          </strong>{' '}
          open now
        </Link>{' '}
        · <Link to={incidentsLink(search)}>All incidents</Link>
      </p>
      <ul className="chips" aria-label="Open incidents by severity">
        {severities.map((s) => (
          <li
            key={s.severity}
            className={s.count > 0 ? `chip sev-${s.severity}` : 'chip chip-zero'}
          >
            {s.count > 0 ? (
              <Link to={incidentsLink(search, { status: 'open', severity: s.severity })}>
                <abbr title={s.label}>{s.severity}</abbr> <strong>{s.count}</strong>
              </Link>
            ) : (
              <>
                <abbr title={s.label}>{s.severity}</abbr> <strong>{s.count}</strong>
              </>
            )}
          </li>
        ))}
      </ul>
      {open.total > 0 ? (
        <div className="stackbar" aria-hidden="true">
          {severities
            .filter((s) => s.count > 0)
            .map((s) => (
              <span
                key={s.severity}
                className={`sev-${s.severity}`}
                style={{ flexGrow: s.count }}
              />
            ))}
        </div>
      ) : null}
      <div className="stats">
        <Stat
          label="MTTA"
          value={formatDuration(mtta.mean)}
          note={`mean of ${formatNumber(mtta.count)} acknowledged`}
          hint="Mean time to acknowledge"
        />
        <Stat
          label="MTTR"
          value={formatDuration(mttr.mean)}
          note={`mean of ${formatNumber(mttr.count)} resolved`}
          hint="Mean time to resolve"
        />
        <Stat label="MTTR median" value={formatDuration(mttr.median)} note="half resolved faster" />
        <Stat label="MTTR p90" value={formatDuration(mttr.p90)} note="9 in 10 resolved faster" />
      </div>
    </Tile>
  )
}
