import { STATUS_LABELS } from '../list-columns.ts'
import type { ServiceStatus } from '../transform.ts'

// A shape per status as well as a colour, so the status reads without colour (and in print).
const ICONS: Record<ServiceStatus, string> = {
  up: 'M3.5 8.5l3 3 6-7',
  degraded: 'M8 3v6M8 12v1',
  down: 'M4 4l8 8M12 4l-8 8',
  maintenance: 'M5 3h6M5 13h6M5 3l6 10M11 3l-6 10',
  unknown: 'M6 6a2 2 0 1 1 2.5 2c-.5.3-.5.7-.5 1.5M8 12v1',
}

/** Status now: an icon and its word, e.g. "Down". */
export function StatusBadge({ status }: { status: ServiceStatus }) {
  return (
    <span className={`status-badge-svc status-${status}`}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path
          d={ICONS[status]}
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {STATUS_LABELS[status]}
    </span>
  )
}
