// One look for every chart: colours come from the theme's CSS variables, so charts follow dark
// and light mode and print like the rest of the page.

/** Room around the plot; category labels size themselves through the axis width. */
export const chartMargin = { top: 4, right: 16, bottom: 4, left: 4 } as const

/** Axis line colour, shared by both axes. */
export const axisProps = { stroke: 'var(--border)' } as const

/** Numeric tick labels: small and muted, so the data reads first. */
export const tickStyle = { fill: 'var(--muted)', fontSize: 11 } as const

/** Vertical grid lines only: bars run horizontally. */
export const gridProps = { horizontal: false, stroke: 'var(--grid)' } as const

/** The hover box in the surface colours, and a soft band over the hovered row. */
export const tooltipProps = {
  contentStyle: {
    background: 'var(--surface)',
    border: '1px solid var(--border)',
    color: 'var(--text)',
  },
  cursor: { fill: 'var(--hover)' },
} as const

/** Fill the ChartFrame, which reserves the height before the chart loads. */
export const chartSize = { width: '100%', height: '100%' } as const
