// The S-curve's lines, shared by the chart and its legend (kept apart from the chart so the legend
// does not pull Recharts into the page's bundle).
export const S_CURVE_SERIES = [
  {
    key: 'pv',
    name: 'PV (current baseline)',
    stroke: 'var(--accent)',
    dash: undefined,
    style: 'solid',
  },
  {
    key: 'pvOriginal',
    name: 'PV (original baseline)',
    stroke: 'var(--grey)',
    dash: '6 4',
    style: 'dashed',
  },
  { key: 'ev', name: 'EV', stroke: 'var(--good)', dash: undefined, style: 'solid' },
  { key: 'ac', name: 'AC', stroke: 'var(--bad)', dash: undefined, style: 'solid' },
  { key: 'eacForecast', name: 'EAC forecast', stroke: 'var(--warn)', dash: '2 3', style: 'dotted' },
] as const
