import { KPI_DEFINITIONS, type KpiId } from '@opsdeck/kpi'
import type { ReactNode } from 'react'
import { definitionText } from '../../../components/ui/how-computed.tsx'
import { InfoTip } from '../../../components/ui/info-tip.tsx'
import { Stat, type Tone } from '../../../components/ui/stat.tsx'

interface KpiFigureProps {
  label: string
  value: ReactNode
  note?: ReactNode
  tone?: Tone
  /** Whose definition the "i" shows: the text the code computing it is documented by. */
  kpi: KpiId
}

/** A figure with its definition beside its note (the services' KpiStat; features do not share). */
export function KpiFigure({ label, value, note, tone, kpi }: KpiFigureProps) {
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
