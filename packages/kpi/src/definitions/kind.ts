/** One KPI's definition: what the user sees behind a figure and in the report appendix. */
export type KpiDefinition = { id: string; name: string; formula: string; notes: string }

export const NA = 'Shown as n/a when the division would be by zero.'
