import { capacityRiskWords } from '../portfolio-transform.ts'
import type { PortfolioProject } from '../queries.ts'

/**
 * A project's risk from capacity (its people over-booked or on leave in the next 4 weeks): an
 * icon and a few words (`3 over 110%, 2 on leave`), the API's sentence as the tooltip and, for
 * screen readers, in the text instead of the short words.
 */
export function CapacityRisk({ risk }: { risk: PortfolioProject['capacityRisk'] }) {
  if (!risk) return null
  return (
    <span className="capacity-risk" title={`Capacity risk: ${risk.text}`}>
      <span aria-hidden="true">
        <span className="capacity-risk-icon">⚠</span> {capacityRiskWords(risk)}
      </span>
      <span className="visually-hidden">Capacity risk: {risk.text}</span>
    </span>
  )
}
