import { formatNumber } from '../../../lib/format.ts'
import { cellPercent, weekLabel } from '../heatmap-transform.ts'
import type { Forecast } from '../queries.ts'

type Row = {
  key: string
  name: string
  overWeeks: number
  weeks: Forecast['teams'][number]['weeks']
}

/** Demand against effective capacity per week, for teams or roles; weeks over are marked. */
export function ForecastTable({
  caption,
  head,
  rows,
  weeks,
}: {
  caption: string
  head: string
  rows: readonly Row[]
  weeks: readonly string[]
}) {
  return (
    <div className="table-scroll">
      <table className="data forecast">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">Weeks over</th>
            {weeks.map((w) => (
              <th key={w} scope="col" title={weekLabel(w).words}>
                {weekLabel(w).number}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              <td className={row.overWeeks > 0 ? 'num tone-bad' : 'num'}>{row.overWeeks}</td>
              {row.weeks.map((w) => (
                <td key={w.week} className={w.over ? 'num forecast-over' : 'num'}>
                  <span className="forecast-pct">
                    {cellPercent(w.utilization)}
                    {w.over ? <span aria-hidden="true"> ▲</span> : null}
                  </span>
                  <span className="forecast-hours">
                    {formatNumber(w.demand)} / {formatNumber(w.effective)} h
                    {w.over ? <span className="visually-hidden">, over</span> : null}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The forecast's rows: teams and roles, each with its weeks. */
export const forecastRows = (f: Forecast) => ({
  teams: f.teams.map((t) => ({ key: t.team.slug, name: t.team.name, ...t })),
  roles: f.roles.map((r) => ({ key: r.role, name: r.role, ...r })),
})
