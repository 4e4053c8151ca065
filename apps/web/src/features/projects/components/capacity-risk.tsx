import type { PortfolioProject } from '../queries.ts'

/**
 * A project's risk from capacity (its people over-booked or on leave in the next 4 weeks): an
 * icon and words, the API's sentence as the tooltip and, for screen readers, in the text.
 */
export function CapacityRisk({ risk }: { risk: PortfolioProject['capacityRisk'] }) {
  if (!risk) return null
  return (
    <span className="capacity-risk" title={risk.text}>
      <span className="capacity-risk-icon" aria-hidden="true">
        ⚠
      </span>{' '}
      Capacity risk<span className="visually-hidden">: {risk.text}</span>
    </span>
  )
}
