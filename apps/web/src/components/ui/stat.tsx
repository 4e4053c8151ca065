import { type ReactNode, useId } from 'react'

export type Tone = 'good' | 'warn' | 'bad' | 'muted' | undefined

interface StatProps {
  label: ReactNode
  value: ReactNode
  /** A second line under the figure: its count, its share, what it means. */
  note?: ReactNode
  tone?: Tone
  hint?: string
}

/**
 * One labelled figure; use inside `<dl className="stats">`. The figure is named by its label, so
 * a test or a screen reader finds "the MTTR figure" by role and name.
 */
export function Stat({ label, value, note, tone, hint }: StatProps) {
  const id = useId()
  return (
    <div className="stat" title={hint}>
      <dt id={id}>{label}</dt>
      <dd className={tone ? `figure tone-${tone}` : 'figure'} aria-labelledby={id}>
        {value}
      </dd>
      {note ? <dd className="stat-note">{note}</dd> : null}
    </div>
  )
}
