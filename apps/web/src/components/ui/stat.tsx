import type { ReactNode } from 'react'

export type Tone = 'good' | 'warn' | 'bad' | 'muted' | undefined

interface StatProps {
  label: ReactNode
  value: ReactNode
  /** A second line under the figure: its count, its share, what it means. */
  note?: ReactNode
  tone?: Tone
  hint?: string
}

/** One labelled figure; use inside `<dl className="stats">`. */
export function Stat({ label, value, note, tone, hint }: StatProps) {
  return (
    <div className="stat" title={hint}>
      <dt>{label}</dt>
      <dd className={tone ? `figure tone-${tone}` : 'figure'}>{value}</dd>
      {note ? <dd className="stat-note">{note}</dd> : null}
    </div>
  )
}
