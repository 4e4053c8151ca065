import type { ReactNode } from 'react'
import { ApiError } from '../../lib/api.ts'

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

/** A first load: said once to screen readers ("Loading the incidents…"), shown as blocks. */
export function Loading({ label, lines, tall }: { label: string; lines: number; tall?: boolean }) {
  return (
    <>
      <span className="visually-hidden" role="status">
        {label}
      </span>
      <Skeleton lines={lines} tall={tall ?? false} />
    </>
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

/** A query's error state, when it failed: its message, the API's code if any, and Retry. */
export function QueryErrorState({
  title,
  query,
}: {
  title: string
  query: { error: Error | null; refetch: () => unknown; isFetching: boolean }
}) {
  if (!query.error) return null
  return (
    <ErrorState
      title={title}
      message={query.error.message}
      code={query.error instanceof ApiError ? query.error.code : undefined}
      onRetry={() => void query.refetch()}
      retrying={query.isFetching}
    />
  )
}

/** Nothing to show yet. `level` 2 when it stands right under the page's h1, not in a section. */
export function EmptyState({
  title,
  level = 3,
  children,
}: {
  title: string
  level?: 2 | 3
  children: ReactNode
}) {
  const Heading = level === 2 ? 'h2' : 'h3'
  return (
    <div className="state state-empty">
      <Heading>{title}</Heading>
      <div className="state-body">{children}</div>
    </div>
  )
}
