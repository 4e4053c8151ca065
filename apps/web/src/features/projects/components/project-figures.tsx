import { KpiStat } from '../../../components/ui/kpi-stat.tsx'
import { formatDay, formatMoney, formatNumber, formatPercent, NA } from '../../../lib/format.ts'
import { finishesLate } from '../detail-transform.ts'
import { indexText, indexTone } from '../portfolio-transform.ts'
import type { ProjectEvm } from '../queries.ts'

/** The headline figures as of the day, each with its definition one focus away. */
export function ProjectFigures({ evm }: { evm: ProjectEvm }) {
  const f = evm.figures
  const d = f.definitions
  const money = (v: number | null) => formatMoney(v, evm.currency)
  const late = finishesLate(f, evm.project.endDate)
  const overrun = f.vac !== null && f.vac < 0
  return (
    <div className="stats project-figures">
      <KpiStat label="BAC" value={money(f.bac)} note="budget at completion" kpi={d.bac} />
      <KpiStat
        label="AC"
        value={money(f.ac)}
        note={`${formatPercent(f.spentShare)} of budget spent`}
        tone={f.spentShare !== null && f.spentShare > 1 ? 'bad' : undefined}
        kpi={d.ac}
      />
      <KpiStat
        label="EV"
        value={money(f.ev)}
        note={
          f.percentComplete === null || f.progressAsOf === null
            ? 'no progress recorded yet'
            : `${formatPercent(f.percentComplete / 100)} complete on ${formatDay(f.progressAsOf)}`
        }
        kpi={d.ev}
      />
      <KpiStat
        label="CPI"
        value={indexText(f.cpi)}
        note={f.cpi === null ? 'no cost or progress yet' : f.cpi < 1 ? 'over budget' : 'on budget'}
        tone={indexTone(f.cpi)}
        kpi={d.cpi}
      />
      <KpiStat
        label="SPI"
        value={indexText(f.spi)}
        note={f.spi === null ? 'nothing planned yet' : f.spi < 1 ? 'behind plan' : 'on plan'}
        tone={indexTone(f.spi)}
        kpi={d.spi}
      />
      <KpiStat
        label="EAC"
        value={money(f.eac)}
        note="estimate at completion"
        tone={f.eac !== null && f.eac > f.bac ? 'warn' : undefined}
        kpi={d.eac}
      />
      <KpiStat
        label="VAC"
        value={money(f.vac)}
        note={f.vac === null ? 'no forecast yet' : overrun ? 'forecast overrun' : 'within budget'}
        tone={f.vac === null ? undefined : overrun ? 'bad' : 'good'}
        kpi={d.vac}
      />
      <KpiStat
        label="Burn rate"
        value={f.burnRate ? `${money(f.burnRate.perMonth)}/mo` : NA}
        note={f.burnRate ? `per month since ${formatDay(f.burnRate.from)}` : 'not started'}
        kpi={d.burnRate}
      />
      <KpiStat
        label="Runway"
        value={f.runwayMonths === null ? NA : `${formatNumber(f.runwayMonths)} months`}
        note={f.runwayMonths === null ? 'nothing being spent' : 'of budget left at this burn'}
        tone={f.runwayMonths === 0 ? 'bad' : undefined}
        kpi={d.runwayMonths}
      />
      <KpiStat
        label="Forecast finish"
        value={f.forecastFinish === null ? NA : formatDay(f.forecastFinish)}
        note={`${late ? 'late: ' : ''}planned end ${formatDay(evm.project.endDate)}`}
        tone={late ? 'bad' : undefined}
        kpi={d.forecastFinish}
      />
    </div>
  )
}
