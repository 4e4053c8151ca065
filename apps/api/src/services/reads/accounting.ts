// How the detail page's figures are counted, in words shown beside them. KPI_DEFINITIONS holds
// each formula; these are the rules of this service's data that the formulas are applied to.

export function accountingRules(args: {
  intervalSeconds: number
  timezone: string
  retention: number
}) {
  const every =
    args.intervalSeconds % 60 === 0
      ? `${args.intervalSeconds / 60} min`
      : `${args.intervalSeconds} s`
  return [
    {
      rule: 'maintenance',
      text: 'Checks inside a maintenance window count as neither up nor down: they leave uptime and the error budget untouched.',
    },
    {
      rule: 'degraded',
      text: 'A degraded (slow) check counts as up; its share is shown separately.',
    },
    {
      rule: 'noData',
      text: 'A window without checks is "no data", never 100%; coverage is the share of the expected checks that arrived.',
    },
    {
      rule: 'downtime',
      text: `This service is checked every ${every}: each down check is ${every} of downtime charged to the error budget.`,
    },
    {
      rule: 'windows',
      text: `Windows of up to a day, the month and a chosen range start and end on the check; 7, 30 and 90 days and the SLO window start at the top of the hour their start falls in, and latency percentiles are over whole hours. Raw checks are kept ${args.retention} days; before that, ranges resolve to whole hours too.`,
    },
    {
      rule: 'calendar',
      text: `Days and months are calendar days and months in ${args.timezone}; a day with a clock change has 23 or 25 hours.`,
    },
  ]
}
