/** The stacks, run first (the lights kept on), change on top; the chart and its key share them. */
export const RUN_CHANGE_SERIES = [
  { key: 'run', name: 'Run / BAU', fill: 'var(--warn)' },
  { key: 'support', name: 'Support and on-call', fill: 'var(--sev3)' },
  { key: 'incidents', name: 'Incidents (toil)', fill: 'var(--bad)' },
  { key: 'project', name: 'Project (change)', fill: 'var(--accent)' },
] as const
