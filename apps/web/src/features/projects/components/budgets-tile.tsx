import { KPI_DEFINITIONS } from '@opsdeck/kpi'
import { HowComputed } from '../../../components/ui/how-computed.tsx'
import { Stat } from '../../../components/ui/stat.tsx'
import { EmptyState } from '../../../components/ui/states.tsx'
import { Tile } from '../../../components/ui/tile.tsx'
import { formatDay, formatMoney, formatNumber, formatPercent } from '../../../lib/format.ts'
import type { ProjectsSummary } from '../queries.ts'
import { budgetShares, ragCounts, ragRule } from '../transform.ts'
import { AtRiskList } from './at-risk-list.tsx'

// The RAG rule shown is the organisation's, not the defaults KPI_DEFINITIONS states.
function How({ thresholds }: Pick<ProjectsSummary, 'thresholds'>) {
  const rag = {
    name: KPI_DEFINITIONS.rag.name,
    formula: ragRule(thresholds),
    notes:
      'The organisation’s thresholds, set by an admin. The first rule that fired is shown beside each project at risk. Not rated when neither CPI nor SPI can be computed.',
  }
  return (
    <HowComputed
      scope="Live projects (active and on hold) as of the date shown. BAC = the total budget."
      kpis={['ac', 'eac', 'forecastCost', 'vac', rag]}
    />
  )
}

// The bar spans 0–125% of the budget, so an overrun forecast still has room to show.
const barPosition = (share: number) => `${(Math.min(share, 1.25) / 1.25) * 100}%`

export function BudgetsTile({ budgets }: { budgets: ProjectsSummary }) {
  const shares = budgetShares(budgets)
  return (
    <Tile
      title="Project budgets"
      how={<How thresholds={budgets.thresholds} />}
      meta={`as of ${formatDay(budgets.asOf)}`}
    >
      {budgets.projects === 0 ? (
        <EmptyState title="No live projects">
          <p>
            Projects appear here once they are active, with budget lines, costs and progress. Add
            them under Projects, or load the demo data with <code>pnpm db:seed</code>.
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="lead">
            <strong className="figure">{formatNumber(budgets.projects)}</strong> live projects
          </p>
          <ul className="chips" aria-label="Projects by RAG status">
            {ragCounts(budgets.rag).map((r) => (
              <li key={r.status} className={`chip rag-${r.status}${r.count ? '' : ' chip-zero'}`}>
                <span className="dot" aria-hidden="true" />
                {r.label} <strong>{r.count}</strong>
              </li>
            ))}
          </ul>
          <div className="stats">
            <Stat
              label="BAC"
              value={formatMoney(budgets.bac, budgets.currency)}
              note="budget at completion"
            />
            <Stat
              label="AC"
              value={formatMoney(budgets.ac, budgets.currency)}
              note="actual cost to date"
            />
            <Stat
              label="EAC"
              value={formatMoney(budgets.eac, budgets.currency)}
              note="estimate at completion"
              tone={shares.overrun ? 'warn' : undefined}
            />
            <Stat
              label="VAC"
              value={formatMoney(budgets.vac, budgets.currency)}
              note={shares.overrun ? 'forecast overrun' : 'forecast within budget'}
              tone={shares.overrun ? 'bad' : 'good'}
            />
          </div>
          <div className="budgetbar" aria-hidden="true">
            <span className="budgetbar-spent" style={{ width: barPosition(shares.spent ?? 0) }} />
            {shares.forecast !== null ? (
              <span className="budgetbar-forecast" style={{ left: barPosition(shares.forecast) }} />
            ) : null}
            <span className="budgetbar-budget" style={{ left: barPosition(1) }} />
          </div>
          <p className="legend small muted">
            <span>
              <span className="key key-spent" aria-hidden="true" />
              Spent {formatPercent(shares.spent)}
            </span>
            <span>
              <span className="key key-budget" aria-hidden="true" />
              Budget
            </span>
            <span>
              <span className="key key-forecast" aria-hidden="true" />
              Forecast {formatPercent(shares.forecast)} of budget
            </span>
          </p>
          <AtRiskList projects={budgets.atRisk} />
        </>
      )}
    </Tile>
  )
}
