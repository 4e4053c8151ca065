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
 * One labelled figure; use inside `<div className="stats">`. A group named by its label, so a
 * screen reader hears "MTTR, 1h 12m, mean of 27 resolved" and a test finds it by role and name.
 * (Not a `<dl>`: a definition cannot carry a name, and a named `<div>` may not sit in a `<dl>`.)
 */
export function Stat({ label, value, note, tone, hint }: StatProps) {
  const id = useId()
  return (
    <div className="stat" role="group" aria-labelledby={id} title={hint}>
      <span id={id} className="stat-label">
        {label}
      </span>
      <span className={tone ? `figure tone-${tone}` : 'figure'}>{value}</span>
      {note ? <span className="stat-note">{note}</span> : null}
    </div>
  )
}
