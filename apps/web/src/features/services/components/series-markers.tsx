import { ReferenceArea } from 'recharts'
import type { seriesMarkers } from '../series-transform.ts'

type Markers = ReturnType<typeof seriesMarkers>

/**
 * Maintenance windows (blue) and incidents (red) as shaded spans behind a time series. Recharts
 * reads its children's props, so this is a function returning elements, not a component.
 */
export function markerAreas(markers: Markers) {
  return [
    ...markers.maintenance.map((m, i) => (
      <ReferenceArea
        key={`m${i}`}
        x1={m.x1}
        x2={m.x2}
        fill="var(--accent)"
        fillOpacity={0.14}
        stroke="none"
        ifOverflow="hidden"
      />
    )),
    ...markers.incidents.map((m, i) => (
      <ReferenceArea
        key={`i${i}`}
        x1={m.x1}
        x2={m.x2}
        fill="var(--bad)"
        fillOpacity={0.14}
        stroke="none"
        ifOverflow="hidden"
      />
    )),
  ]
}

/** The key under both charts. */
export function MarkerLegend() {
  return (
    <span className="legend">
      <span>
        <span className="key key-maintenance" aria-hidden="true" />
        maintenance window
      </span>
      <span>
        <span className="key key-incident" aria-hidden="true" />
        incident
      </span>
    </span>
  )
}
