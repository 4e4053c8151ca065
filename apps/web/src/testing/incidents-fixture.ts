import type {
  IncidentDetail,
  IncidentList,
  IncidentListItem,
  PeopleList,
  WrittenIncident,
} from '../features/incidents/queries.ts'

// The Incidents pages' API answers, typed from the API's own response types (the feature's
// queries.ts infers them from the client): a changed field fails here first.

/** The instant every fixture is read at: Friday 27 Nov 2026, 14:00 UTC. */
export const NOW = '2026-11-27T14:00:00.000Z'

const target = (
  state: 'met' | 'breached' | 'pending',
  minutes: number,
  targetMinutes: number,
  leftMinutes: number | null,
  dueAt: string,
) => ({ state, minutes, targetMinutes, leftMinutes, dueAt })

/** SEV1 Payroll outage, investigating: acknowledged late, 3 h left to resolve. */
export const payrollIncident = (over: Partial<IncidentListItem> = {}): IncidentListItem => ({
  ref: 'INC-2026-0042',
  title: 'Payroll unreachable',
  severity: 'SEV1',
  status: 'investigating',
  startedAt: '2026-11-27T13:00:00.000Z',
  acknowledgedAt: '2026-11-27T13:10:00.000Z',
  resolvedAt: null,
  durationMinutes: 60,
  commander: { id: 7, name: 'Grace Hopper' },
  services: [
    { slug: 'payroll', name: 'Payroll', impact: 'outage' },
    { slug: 'finance-erp', name: 'Finance ERP', impact: 'degraded' },
  ],
  responseTargets: {
    ack: target('breached', 10, 5, null, '2026-11-27T13:05:00.000Z'),
    resolve: target('pending', 60, 240, 180, '2026-11-27T17:00:00.000Z'),
  },
  ...over,
})

/** SEV3 email delays, triggered 3 h ago and not acknowledged: 2h 30m past its ack target. */
export const emailIncident = (): IncidentListItem => ({
  ref: 'INC-2026-0041',
  title: 'Email delays',
  severity: 'SEV3',
  status: 'triggered',
  startedAt: '2026-11-27T11:00:00.000Z',
  acknowledgedAt: null,
  resolvedAt: null,
  durationMinutes: 180,
  commander: null,
  services: [{ slug: 'email', name: 'Email (Exchange Online)', impact: 'degraded' }],
  responseTargets: {
    ack: target('breached', 180, 30, -150, '2026-11-27T11:30:00.000Z'),
    resolve: target('pending', 180, 1440, 1260, '2026-11-28T11:00:00.000Z'),
  },
})

/** SEV2 VPN drops last week, resolved in 1h 12m: both targets met. */
export const vpnIncident = (): IncidentListItem => ({
  ref: 'INC-2026-0040',
  title: 'VPN drops',
  severity: 'SEV2',
  status: 'resolved',
  startedAt: '2026-11-20T09:00:00.000Z',
  acknowledgedAt: '2026-11-20T09:04:00.000Z',
  resolvedAt: '2026-11-20T10:12:00.000Z',
  durationMinutes: 72,
  commander: { id: 3, name: 'Ada Lovelace' },
  services: [{ slug: 'vpn', name: 'VPN', impact: 'outage' }],
  responseTargets: {
    ack: target('met', 4, 15, null, '2026-11-20T09:15:00.000Z'),
    resolve: target('met', 72, 480, null, '2026-11-20T17:00:00.000Z'),
  },
})

export const incidentListFixture = (over: Partial<IncidentList> = {}): IncidentList => ({
  now: NOW,
  incidents: [payrollIncident(), emailIncident(), vpnIncident()],
  nextCursor: null,
  ...over,
})

type Detail = IncidentDetail

/** INC-2026-0042 in full: a note written as HTML, a corrected acknowledgement, a draft review. */
export const incidentDetailFixture = (
  over: Partial<Omit<Detail, 'incident'>> & { incident?: Partial<Detail['incident']> } = {},
): Detail => {
  const { incident, ...rest } = over
  return {
    now: NOW,
    timezone: 'Europe/London',
    incident: {
      ...payrollIncident(),
      summary: 'Payroll answers 503 since the 13:00 deploy.\nRollback under way.',
      customerImpact: 'Staff cannot see payslips.',
      detectedAt: '2026-11-27T13:02:00.000Z',
      mitigatedAt: null,
      closedAt: null,
      source: 'manual',
      ...incident,
    },
    timeline: [
      {
        at: '2026-11-27T13:03:00.000Z',
        kind: 'created',
        body: 'Declared SEV1: Payroll unreachable. Affected: payroll (outage), finance-erp (degraded)',
        author: 'Mo Manager',
        data: {},
      },
      {
        at: '2026-11-27T13:12:00.000Z',
        kind: 'status',
        body: 'Acknowledged',
        author: 'Mo Manager',
        data: { from: 'triggered', to: 'acknowledged' },
      },
      {
        at: '2026-11-27T13:20:00.000Z',
        kind: 'note',
        body: '<img src=x onerror=alert(1)> <b>rollback</b> started',
        author: 'Grace Hopper',
        data: {},
      },
      {
        at: '2026-11-27T13:30:00.000Z',
        kind: 'correction',
        body: 'Corrected acknowledgedAt from 2026-11-27T13:12:00.000Z to 2026-11-27T13:10:00.000Z: paged at 13:10',
        author: 'Mo Manager',
        data: {
          field: 'acknowledgedAt',
          from: '2026-11-27T13:12:00.000Z',
          to: '2026-11-27T13:10:00.000Z',
          reason: 'The pager was answered at 13:10',
        },
      },
    ],
    review: {
      rootCause: 'A config change removed the database host.',
      contributingFactors: '',
      wentWell: 'Rollback was quick.',
      lessons: '',
      completedAt: null,
      updatedAt: '2026-11-27T13:40:00.000Z',
    },
    downtime: {
      from: '2026-11-27T13:00:00.000Z',
      to: NOW,
      exact: true,
      minutes: 60,
      services: [
        {
          slug: 'payroll',
          name: 'Payroll',
          downSamples: 60,
          countedSamples: 60,
          downtimeMinutes: 60,
          budgetShare: 1.3889,
        },
        {
          slug: 'finance-erp',
          name: 'Finance ERP',
          downSamples: 3,
          countedSamples: 60,
          downtimeMinutes: 3,
          budgetShare: 0.0694,
        },
      ],
    },
    actions: [
      {
        id: 11,
        title: 'Alert on a missing database host',
        owner: { id: 7, name: 'Grace Hopper' },
        dueOn: '2026-11-25',
        status: 'open',
        completedAt: null,
        overdue: true,
      },
      {
        id: 12,
        title: 'Review the deploy checklist',
        owner: null,
        dueOn: null,
        status: 'done',
        completedAt: '2026-11-27T13:50:00.000Z',
        overdue: false,
      },
    ],
    ...rest,
  }
}

/** A write's answer: the incident's own fields as the write left them. */
export const writtenIncident = (over: Partial<WrittenIncident> = {}): WrittenIncident => ({
  ref: 'INC-2026-0042',
  status: 'investigating',
  severity: 'SEV1',
  title: 'Payroll unreachable',
  summary: '',
  customerImpact: '',
  commanderPersonId: 7,
  services: [{ slug: 'payroll', impact: 'outage' }],
  startedAt: '2026-11-27T13:00:00.000Z',
  detectedAt: null,
  acknowledgedAt: '2026-11-27T13:10:00.000Z',
  mitigatedAt: null,
  resolvedAt: null,
  closedAt: null,
  updatedAt: NOW,
  ...over,
})

const platform = { id: 1, slug: 'platform', name: 'Platform' }
// What GET /people adds for capacity, the same for both.
const engineer = {
  role: 'Engineer',
  skills: [],
  contractedHoursPerWeek: 37.5,
  workingDays: [1, 2, 3, 4, 5],
  costRatePencePerHour: 0,
  startDate: null,
  endDate: null,
  bankHolidayRegion: null,
}

/**
 * GET /people: the people working here. Katherine Johnson has led no incident; Grace Hopper (the
 * payroll incident's commander) is not listed: she has left.
 */
export const peopleListFixture = (over: Partial<PeopleList> = {}): PeopleList => ({
  people: [
    { id: 3, name: 'Ada Lovelace', email: 'ada@example.test', team: platform, ...engineer },
    { id: 12, name: 'Katherine Johnson', email: null, team: platform, ...engineer },
  ],
  truncated: false,
  ...over,
})
