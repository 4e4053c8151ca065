import { KPI_DEFINITIONS, type KpiDefinition, type KpiId } from '@opsdeck/kpi'

type Definition = Pick<KpiDefinition, 'name' | 'formula' | 'notes'>

/** A definition in one sentence or two: its name, its formula, then its notes. */
export const definitionText = ({ name, formula, notes }: Definition) =>
  `${name}: ${formula}.${notes ? ` ${notes}` : ''}`

interface HowComputedProps {
  /** What the tile covers (which period, which items), before the formulas. */
  scope: string
  /** KPIs by id, from packages/kpi; or a definition built here, e.g. from the organisation's settings. */
  kpis: readonly (KpiId | Definition)[]
}

/**
 * A tile's "how computed" text. The formulas come from KPI_DEFINITIONS, the same source as the
 * code that computes them, so a tooltip cannot drift from the arithmetic.
 */
export function HowComputed({ scope, kpis }: HowComputedProps) {
  return (
    <>
      <span className="tip-line">{scope}</span>
      {kpis.map((kpi) => {
        const definition = typeof kpi === 'string' ? KPI_DEFINITIONS[kpi] : kpi
        return (
          <span key={definition.name} className="tip-line">
            {definitionText(definition)}
          </span>
        )
      })}
    </>
  )
}
