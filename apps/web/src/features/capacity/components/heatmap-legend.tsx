import { BANDS, isOver } from '../heatmap-transform.ts'

/** What the heatmap's colours and marks mean: every band has words, and over 100% a mark too. */
export function HeatmapLegend() {
  return (
    <ul className="heat-legend" aria-label="Heatmap key">
      {BANDS.map(({ band, label }) => (
        <li key={band}>
          <span className={`heat-swatch heat-${band}`} aria-hidden="true">
            {isOver(band) ? '▲' : ''}
          </span>
          {label}
        </li>
      ))}
      <li>
        <span className="heat-swatch heat-swatch-now" aria-hidden="true" />
        this week
      </li>
    </ul>
  )
}
