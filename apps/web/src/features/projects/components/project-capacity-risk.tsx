import { KPI_DEFINITIONS } from '@opsdeck/kpi'
import { Link } from 'react-router'
import { definitionText } from '../../../components/ui/how-computed.tsx'
import { InfoTip } from '../../../components/ui/info-tip.tsx'
import type { ProjectCapacityRisk as Answer } from '../queries.ts'

/**
 * The project header's risk from capacity: the sentence (`3 of 5 people booked over 110% in weeks
 * 51–52`), how it is worked out, and a link to the Capacity page to move the work. Nothing while
 * it loads, when it could not load (the figures do not depend on it) or when there is no risk.
 */
export function ProjectCapacityRisk({ answer }: { answer: Answer | undefined }) {
  const risk = answer?.risk
  if (!risk) return null
  return (
    <p className="project-capacity-risk" role="group" aria-label="Capacity risk">
      <span className="capacity-risk-icon" aria-hidden="true">
        ⚠
      </span>{' '}
      <strong>Capacity risk</strong> {risk.text}.{' '}
      <InfoTip
        label="How the capacity risk is worked out"
        text={definitionText(KPI_DEFINITIONS[answer.definitions.risk])}
      />{' '}
      <Link to="/capacity">See capacity</Link>
    </p>
  )
}
