import { type ReactNode, Suspense } from 'react'

interface ChartFrameProps {
  /** What the chart shows, with its numbers, for screen readers (the chart itself is a picture). */
  summary: string
  caption: ReactNode
  height: number
  children: ReactNode
}

/** A lazily loaded chart with its caption; the space is reserved so nothing jumps when it arrives. */
export function ChartFrame({ summary, caption, height, children }: ChartFrameProps) {
  return (
    <figure className="chart">
      <div role="img" aria-label={summary} className="chart-body" style={{ height }}>
        <Suspense fallback={<div className="skeleton-block" style={{ height }} />}>
          {children}
        </Suspense>
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  )
}
