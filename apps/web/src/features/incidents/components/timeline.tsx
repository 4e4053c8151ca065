import { formatTimestamp } from '../../../lib/format.ts'
import type { TimelineEntry } from '../detail-transform.ts'

/**
 * Every event, oldest first. Bodies are people's and integrations' text: rendered as text (React
 * escapes it), never as HTML, with their line breaks kept.
 */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  if (entries.length === 0) return <p className="muted">Nothing on the timeline yet.</p>
  return (
    <ol className="timeline" aria-label="Timeline, oldest first">
      {entries.map((e) => (
        <li key={e.key} className={`timeline-event event-${e.kind}`}>
          <p className="timeline-meta">
            <time dateTime={e.at}>{formatTimestamp(e.at)}</time>{' '}
            <span className="event-kind">{e.kindLabel}</span>
            {e.author ? <span className="muted"> · {e.author}</span> : null}
          </p>
          <p className="timeline-body">{e.text}</p>
          {e.reason !== null ? <p className="timeline-reason">Reason: {e.reason}</p> : null}
        </li>
      ))}
    </ol>
  )
}
