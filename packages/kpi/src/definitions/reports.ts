import type { KpiDefinition } from './kind.ts'

// Reports: how a period's figures are set against the period before.
export const REPORT_DEFINITIONS = {
  periodChange: {
    id: 'periodChange',
    name: 'Change on the previous period',
    formula:
      'this period’s figure − the previous period’s: in percentage points for a share (uptime, utilization), else as the difference and the difference / |previous|',
    notes:
      'The previous period is the week, month or quarter before (whatever its length), or as many days just before custom days, in the organisation’s time zone. n/a when either period is n/a; the relative change is n/a from 0. Better or worse by whether a rise is good news for that figure (uptime) or bad (MTTR).',
  },
} satisfies Record<string, KpiDefinition>
