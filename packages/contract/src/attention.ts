/** How urgent a "needs attention" item is, most urgent first (the Overview ranks in this order). */
export const ATTENTION_SEVERITIES = ['critical', 'warning'] as const
export type AttentionSeverity = (typeof ATTENTION_SEVERITIES)[number]

export const ATTENTION_SEVERITY_LABELS: Record<AttentionSeverity, string> = {
  critical: 'Critical',
  warning: 'Warning',
}

/** The areas that contribute "needs attention" items, in the Overview's order (ties rank by it). */
export const ATTENTION_AREAS = ['services', 'incidents', 'projects', 'capacity'] as const
export type AttentionArea = (typeof ATTENTION_AREAS)[number]

export const ATTENTION_AREA_LABELS: Record<AttentionArea, string> = {
  services: 'Services',
  incidents: 'Incidents',
  projects: 'Projects',
  capacity: 'Capacity',
}
