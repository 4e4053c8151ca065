import { KpiStat } from '../../../components/ui/kpi-stat.tsx'
import { formatMoney, formatPercent } from '../../../lib/format.ts'
import { indexText, indexTone, ragTally } from '../portfolio-transform.ts'
import type { Portfolio } from '../queries.ts'

/** The portfolio's roll-up as figures, each with its definition, and the projects per RAG colour. */
export function PortfolioStats({ portfolio }: { portfolio: Portfolio }) {
  const { totals, currency } = portfolio
  const money = (v: number) => formatMoney(v, currency)
  const overrun = totals.vac < 0
  return (
    <>
      <div className="stats">
        <KpiStat label="BAC" value={money(totals.bac)} note="total budget" kpi="bac" />
        <KpiStat
          label="AC"
          value={money(totals.ac)}
          note={`${formatPercent(totals.spentShare)} of budget spent`}
          kpi="ac"
        />
        <KpiStat
          label="EAC"
          value={money(totals.eac)}
          note="forecast cost"
          tone={overrun ? 'warn' : undefined}
          kpi="forecastCost"
        />
        <KpiStat
          label="VAC"
          value={money(totals.vac)}
          note={overrun ? 'forecast overrun' : 'forecast within budget'}
          tone={overrun ? 'bad' : 'good'}
          kpi="vac"
        />
        <KpiStat
          label="CPI"
          value={indexText(totals.cpi)}
          note="from the sums"
          tone={indexTone(totals.cpi)}
          kpi="cpi"
        />
        <KpiStat
          label="SPI"
          value={indexText(totals.spi)}
          note="from the sums"
          tone={indexTone(totals.spi)}
          kpi="spi"
        />
      </div>
      <ul className="chips" aria-label="Projects by RAG status">
        {ragTally(portfolio.projects).map((r) => (
          <li key={r.status} className={`chip rag-${r.status}${r.count ? '' : ' chip-zero'}`}>
            <span className="dot" aria-hidden="true" />
            {r.label} <strong>{r.count}</strong>
          </li>
        ))}
      </ul>
    </>
  )
}
