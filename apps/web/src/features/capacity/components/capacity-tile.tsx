import { lazy } from 'react'
import { ChartFrame } from '../../../components/ui/chart-frame.tsx'
import { HowComputed } from '../../../components/ui/how-computed.tsx'
import { Stat } from '../../../components/ui/stat.tsx'
import { EmptyState } from '../../../components/ui/states.tsx'
import { Tile } from '../../../components/ui/tile.tsx'
import { formatDay, formatNumber, formatPercent } from '../../../lib/format.ts'
import type { CapacitySummary } from '../queries.ts'
import { capacityRows } from '../transform.ts'

const CapacityChart = lazy(() => import('./capacity-chart.tsx'))

const HOW = (
  <HowComputed
    scope="This week (the organisation's ISO week holding today), whatever the range; totals are over all teams."
    kpis={['effectiveCapacity', 'utilization']}
  />
)

export function CapacityTile({ capacity }: { capacity: CapacitySummary }) {
  const rows = capacityRows(capacity.teams)
  const { total } = capacity
  return (
    <Tile title="Team capacity" how={HOW} meta={`week of ${formatDay(capacity.week)}`}>
      {rows.length === 0 ? (
        <EmptyState title="No teams yet">
          <p>
            Add teams and their people with contracted hours, then allocate them to work. To explore
            first, load the demo data with <code>pnpm db:seed</code>.
          </p>
        </EmptyState>
      ) : (
        <>
          <div className="stats">
            <Stat label="Utilization" value={formatPercent(total.utilization)} note="all teams" />
            <Stat
              label="Over-allocated"
              value={formatNumber(total.overAllocatedPeople)}
              note={`of ${formatNumber(total.people)} people`}
              tone={total.overAllocatedPeople > 0 ? 'bad' : 'good'}
            />
            <Stat
              label="Allocated"
              value={`${formatNumber(total.allocatedHours)} h`}
              note="this week"
            />
            <Stat
              label="Effective"
              value={`${formatNumber(total.effectiveHours)} h`}
              note="capacity"
            />
          </div>
          <div className="table-scroll">
            <table className="data">
              <caption className="visually-hidden">Utilization per team this week</caption>
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col">People</th>
                  <th scope="col">Allocated</th>
                  <th scope="col">Effective</th>
                  <th scope="col">Utilization</th>
                  <th scope="col">Over-allocated</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((t) => (
                  <tr key={t.teamId}>
                    <th scope="row">{t.name}</th>
                    <td className="num">{formatNumber(t.people)}</td>
                    <td className="num">{formatNumber(t.allocatedHours)} h</td>
                    <td className="num">{formatNumber(t.effectiveHours)} h</td>
                    <td className={`num util-${t.level}`}>{formatPercent(t.utilization)}</td>
                    <td className={t.overAllocatedPeople > 0 ? 'num tone-bad' : 'num'}>
                      {formatNumber(t.overAllocatedPeople)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ChartFrame
            height={Math.max(120, rows.length * 28 + 40)}
            summary={`Utilization per team this week: ${rows
              .map((t) => `${t.name} ${formatPercent(t.utilization)}`)
              .join(', ')}. The line marks 100%.`}
            caption="Utilization per team; the line marks 100% of effective capacity."
          >
            <CapacityChart data={rows} />
          </ChartFrame>
        </>
      )}
    </Tile>
  )
}
