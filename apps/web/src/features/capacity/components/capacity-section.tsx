import type { KpiId } from '@opsdeck/kpi'
import { type ReactNode, useId } from 'react'
import { HowComputed } from '../../../components/ui/how-computed.tsx'
import { InfoTip } from '../../../components/ui/info-tip.tsx'

interface CapacitySectionProps {
  title: string
  /** What the section covers, before the formulas of its KPIs. */
  scope: string
  kpis: readonly KpiId[]
  children: ReactNode
}

/** A titled region of the Capacity page with its definitions one focus or hover away. */
export function CapacitySection({ title, scope, kpis, children }: CapacitySectionProps) {
  const id = useId()
  return (
    <section aria-labelledby={id} className="capacity-section">
      <div className="capacity-section-head">
        <h2 id={id}>{title}</h2>
        <InfoTip
          label={`How the ${title.toLowerCase()} figures are computed`}
          text={<HowComputed scope={scope} kpis={kpis} />}
        />
      </div>
      {children}
    </section>
  )
}
