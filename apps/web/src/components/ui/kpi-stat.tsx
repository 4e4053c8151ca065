import { KPI_DEFINITIONS, type KpiId } from '@opsdeck/kpi'
import type { ReactNode } from 'react'
import { definitionText } from './how-computed.tsx'
import { InfoTip } from './info-tip.tsx'
import { Stat, type Tone } from './stat.tsx'

interface KpiStatProps {
  label: string
  value: ReactNode
  note?: ReactNode
  tone?: Tone
  /** Whose definition the "i" shows: the same text the code that computes it is documented by. */
  kpi: KpiId
}

/** A figure with its definition one focus or hover away (beside the note, not in the name). */
export function KpiStat({ label, value, note, tone, kpi }: KpiStatProps) {
  return (
    <Stat
      label={label}
      value={value}
      tone={tone}
      note={
        <>
          {note}{' '}
          <InfoTip label={`How ${label} is computed`} text={definitionText(KPI_DEFINITIONS[kpi])} />
        </>
      }
    />
  )
}
