import type { ReactNode } from 'react'

/** Placeholder blocks while data loads; announced once to screen readers, not per block. */
export function Skeleton({ lines = 3, tall = false }: { lines?: number; tall?: boolean }) {
  return (
    <div className="skeleton" aria-hidden="true">
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className={tall && i === 0 ? 'skeleton-line tall' : 'skeleton-line'} />
      ))}
    </div>
  )
}

interface ErrorStateProps {
  title?: string
  message: string
  code?: string | undefined
  onRetry?: () => void
  retrying?: boolean
}

export function ErrorState({
  title = 'Could not load this',
  message,
  code,
  onRetry,
  retrying,
}: ErrorStateProps) {
  return (
    <div className="state state-error" role="alert">
      <h2>{title}</h2>
      <p>{message}</p>
      {code ? <p className="state-code">Error code: {code}</p> : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      ) : null}
    </div>
  )
}

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="state state-empty">
      <h3>{title}</h3>
      <div className="state-body">{children}</div>
    </div>
  )
}
