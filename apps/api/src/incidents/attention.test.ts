import type { IncidentStatus, Severity } from '@opsdeck/contract'
import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches } from '../../test/helpers.ts'
import { AttentionItem } from '../lib/attention.ts'
import { scopeOf } from '../lib/scope.ts'
import { incidentsAttention } from './attention.ts'

// A worked example. Now: Tuesday 8 September 2026 10:00 in London (BST, UTC+1), the organisation's
// zone; its bank holidays are England's (Monday 31 August). The default response targets: SEV1
// 5 min / 4 h, SEV2 15 min / 8 h, SEV3 1 h / 3 d, SEV4 1 d / 10 d.
const NOW = new Date('2026-09-08T09:00:00Z')
const MIN = 60_000

let t: TestDatabase
beforeAll(async () => {
  t = await createTestDatabase()
  await seed()
})
afterAll(() => t.drop())

interface Spec {
  ref: string
  title: string
  severity: Severity
  status: IncidentStatus
  startedAt: string
  ackAfter?: number
  resolvedAt?: string
  closedAt?: string
  /** The review: a draft (null), or completed at this instant. */
  review?: string | null
  actions?: { title: string; dueOn: string | null; status?: 'open' | 'done' | 'wont_do' }[]
}

async function incident(s: Spec) {
  const { id } = await t.db
    .insertInto('incidents')
    .values({
      ref: s.ref,
      title: s.title,
      severity: s.severity,
      status: s.status,
      startedAt: s.startedAt,
      acknowledgedAt:
        s.ackAfter === undefined
          ? null
          : new Date(new Date(s.startedAt).getTime() + s.ackAfter * MIN),
      resolvedAt: s.resolvedAt ?? null,
      closedAt: s.closedAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (s.review !== undefined) {
    await t.db
      .insertInto('incidentReviews')
      .values({ incidentId: id, rootCause: 'Known', completedAt: s.review })
      .execute()
  }
  for (const a of s.actions ?? []) {
    await t.db
      .insertInto('incidentActions')
      .values({ incidentId: id, title: a.title, dueOn: a.dueOn, status: a.status ?? 'open' })
      .execute()
  }
}

async function seed() {
  // The migrations load 31 August 2026, England & Wales' Summer bank holiday. Another region's
  // day is not the organisation's until it changes region.
  await t.db
    .insertInto('bankHolidays')
    .values([{ region: 'US', day: '2026-09-07', name: 'Labor Day' }])
    .execute()
  // Open SEV1, acknowledged in 3 min; 3 h 30 min of its 4 h resolve target left. A follow-up due
  // today and one with no due date are not overdue.
  await incident({
    ref: 'INC-2026-0101',
    title: 'Checkout down',
    severity: 'SEV1',
    status: 'investigating',
    startedAt: '2026-09-08T08:30:00Z',
    ackAfter: 3,
    actions: [
      { title: 'Due today', dueOn: '2026-09-08' },
      { title: 'Some day', dueOn: null },
    ],
  })
  // SEV3 not acknowledged after 90 min: 30 min past its 1 h target since 08:30.
  await incident({
    ref: 'INC-2026-0102',
    title: 'Search slow',
    severity: 'SEV3',
    status: 'triggered',
    startedAt: '2026-09-08T07:30:00Z',
  })
  // SEV3 open for 71 h of its 72 h (3 d): 1 h left, within the last 18 h (a quarter) since
  // 7 September 16:00.
  await incident({
    ref: 'INC-2026-0103',
    title: 'Reports late',
    severity: 'SEV3',
    status: 'identified',
    startedAt: '2026-09-05T10:00:00Z',
    ackAfter: 10,
  })
  // SEV2 open exactly 8 h: at its resolve target, not past it. Within its last 2 h since 07:00.
  await incident({
    ref: 'INC-2026-0104',
    title: 'Mail delayed',
    severity: 'SEV2',
    status: 'monitoring',
    startedAt: '2026-09-08T01:00:00Z',
    ackAfter: 10,
  })
  // Resolved at 00:30 on Friday 28 August in London (23:30 UTC on the 27th), no review. Working
  // days after the 28th: the weekend and the bank holiday skipped, Tuesday 1 (1) to Friday 4 (4),
  // Monday 7 (5; Labor Day is not England's). Due by the end of the 7th: overdue from 23:00 UTC.
  await incident({
    ref: 'INC-2026-0105',
    title: 'Payroll export failed',
    severity: 'SEV2',
    status: 'resolved',
    startedAt: '2026-08-27T20:00:00Z',
    ackAfter: 5,
    resolvedAt: '2026-08-27T23:30:00Z',
  })
  // Resolved Tuesday 1 September, a draft review: Wednesday 2 to Friday 4, Monday 7, Tuesday 8
  // is the 5th working day; due by the end of today, so not yet (5 calendar days would be).
  await incident({
    ref: 'INC-2026-0106',
    title: 'VPN drops',
    severity: 'SEV1',
    status: 'resolved',
    startedAt: '2026-09-01T09:00:00Z',
    ackAfter: 20,
    resolvedAt: '2026-09-01T10:00:00Z',
    review: null,
  })
  // A SEV3 resolved weeks ago with no review: it needs none to close, so it is never listed.
  await incident({
    ref: 'INC-2026-0120',
    title: 'Printer queue stuck',
    severity: 'SEV3',
    status: 'resolved',
    startedAt: '2026-08-03T09:00:00Z',
    ackAfter: 10,
    resolvedAt: '2026-08-03T11:00:00Z',
  })
  // Reviewed, not yet closed; two follow-ups overdue (one item, the earliest due first, though
  // added last); one done and one dropped are not.
  await incident({
    ref: 'INC-2026-0107',
    title: 'Database failover',
    severity: 'SEV1',
    status: 'resolved',
    startedAt: '2026-08-20T09:00:00Z',
    ackAfter: 4,
    resolvedAt: '2026-08-20T10:00:00Z',
    review: '2026-08-25T15:00:00Z',
    actions: [
      { title: 'Rehearse failover', dueOn: '2026-09-03' },
      { title: 'Was done', dueOn: '2026-08-25', status: 'done' },
      { title: 'Dropped', dueOn: '2026-08-21', status: 'wont_do' },
      { title: 'Add replica lag alert', dueOn: '2026-09-01' },
    ],
  })
  // Closed: only its overdue follow-up, which outlives the incident.
  await incident({
    ref: 'INC-2026-0108',
    title: 'Card payments declined',
    severity: 'SEV1',
    status: 'closed',
    startedAt: '2026-08-10T09:00:00Z',
    ackAfter: 30,
    resolvedAt: '2026-08-10T20:00:00Z',
    closedAt: '2026-08-12T09:00:00Z',
    review: '2026-08-12T08:00:00Z',
    actions: [{ title: 'Write the card-decline runbook', dueOn: '2026-09-04' }],
  })
  // Closed without a review (a SEV4 needs none), both targets missed long ago: nothing.
  await incident({
    ref: 'INC-2026-0109',
    title: 'Disk full on a build agent',
    severity: 'SEV4',
    status: 'closed',
    startedAt: '2026-07-01T09:00:00Z',
    resolvedAt: '2026-07-20T09:00:00Z',
    closedAt: '2026-07-21T09:00:00Z',
  })
  // SEV4 untouched for 11 days: past both targets, one item, since the first was missed.
  await incident({
    ref: 'INC-2026-0110',
    title: 'Intranet search broken',
    severity: 'SEV4',
    status: 'triggered',
    startedAt: '2026-08-28T09:00:00Z',
  })
  // SEV4 an hour in, acknowledged: nothing.
  await incident({
    ref: 'INC-2026-0111',
    title: 'Wiki slow',
    severity: 'SEV4',
    status: 'acknowledged',
    startedAt: '2026-09-08T08:00:00Z',
    ackAfter: 30,
  })
}

async function items(now = NOW) {
  const scoped = await scopeOf(t.db, {}, now)
  if (!scoped.ok) throw new Error(scoped.message)
  const list = await incidentsAttention(t.db, scoped.scope)
  for (const i of list) expectMatches(AttentionItem, i)
  return list
}

const lines = (list: AttentionItem[]) =>
  list.map((i) => `${i.severity} ${i.title}: ${i.reason} [${i.since ?? '-'}]`).sort()
const of = (list: AttentionItem[], ref: string) =>
  lines(list.filter((i) => i.title.startsWith(`${ref}:`)))

describe('incidentsAttention', () => {
  it('gives one item per incident per reason, with its reason in words and since when', async () => {
    expect(lines(await items())).toEqual([
      'critical INC-2026-0101: Checkout down: SEV1 open for 30 min (investigating) [2026-09-08T08:30:00.000Z]',
      'critical INC-2026-0102: Search slow: Not acknowledged: 30 min past the 1 h target [2026-09-08T08:30:00.000Z]',
      'critical INC-2026-0104: Mail delayed: SEV2 open for 8 h (monitoring) [2026-09-08T01:00:00.000Z]',
      'critical INC-2026-0110: Intranet search broken: Not acknowledged or resolved: 1 d past the 10 d resolve target [2026-08-29T09:00:00.000Z]',
      'warning INC-2026-0103: Reports late: Not resolved: 1 h left of the 3 d target [2026-09-07T16:00:00.000Z]',
      'warning INC-2026-0104: Mail delayed: Not resolved: under a minute left of the 8 h target [2026-09-08T07:00:00.000Z]',
      'warning INC-2026-0105: Payroll export failed: Review overdue: resolved 28 Aug, due by 7 Sept (5 working days) [2026-09-07T23:00:00.000Z]',
      'warning INC-2026-0107: Database failover: 2 follow-ups overdue, the earliest “Add replica lag alert”, due 1 Sept [2026-09-01T23:00:00.000Z]',
      'warning INC-2026-0108: Card payments declined: Follow-up “Write the card-decline runbook” overdue, due 4 Sept [2026-09-04T23:00:00.000Z]',
    ])
  })

  it('links each item to its incident’s page', async () => {
    const list = await items()
    expect(list.find((i) => i.title.startsWith('INC-2026-0105:'))).toEqual({
      area: 'incidents',
      severity: 'warning',
      title: 'INC-2026-0105: Payroll export failed',
      reason: 'Review overdue: resolved 28 Aug, due by 7 Sept (5 working days)',
      href: '/incidents/INC-2026-0105',
      since: '2026-09-07T23:00:00.000Z',
    })
    for (const i of list) expect(i.href).toBe(`/incidents/${i.title.split(':')[0]}`)
  })

  it('is at a target exactly when due, past it a minute later', async () => {
    expect(of(await items(new Date('2026-09-08T09:01:00Z')), 'INC-2026-0104')).toEqual([
      'critical INC-2026-0104: Mail delayed: Not resolved: 1 min past the 8 h target [2026-09-08T09:00:00.000Z]',
      'critical INC-2026-0104: Mail delayed: SEV2 open for 8 h 1 min (monitoring) [2026-09-08T01:00:00.000Z]',
    ])
  })

  it('warns from the moment a quarter of the target is left, not before', async () => {
    expect(of(await items(new Date('2026-09-07T15:59:00Z')), 'INC-2026-0103')).toEqual([])
    expect(of(await items(new Date('2026-09-07T16:00:00Z')), 'INC-2026-0103')).toEqual([
      'warning INC-2026-0103: Reports late: Not resolved: 18 h left of the 3 d target [2026-09-07T16:00:00.000Z]',
    ])
  })

  it('counts a review’s 5 working days from the local day, past weekends and bank holidays', async () => {
    // Due by the end of Monday 7 September in London: 23:00 UTC.
    expect(of(await items(new Date('2026-09-07T22:59:59Z')), 'INC-2026-0105')).toEqual([])
    expect(of(await items(new Date('2026-09-07T23:00:00Z')), 'INC-2026-0105')).toHaveLength(1)
    // The draft review does not count: overdue once Tuesday 8 September ends.
    expect(of(await items(new Date('2026-09-08T22:59:59Z')), 'INC-2026-0106')).toEqual([])
    expect(of(await items(new Date('2026-09-08T23:00:00Z')), 'INC-2026-0106')).toEqual([
      'warning INC-2026-0106: VPN drops: Review overdue: resolved 1 Sept, due by 8 Sept (5 working days) [2026-09-08T23:00:00.000Z]',
    ])
  })

  it('makes a follow-up overdue when its due day has ended where the organisation is', async () => {
    // Due Friday 4 September: overdue from midnight in London, 23:00 UTC.
    expect(of(await items(new Date('2026-09-04T22:59:00Z')), 'INC-2026-0108')).toEqual([])
    expect(of(await items(new Date('2026-09-04T23:00:00Z')), 'INC-2026-0108')).toHaveLength(1)
  })

  it('lists a closed incident only for its overdue follow-ups', async () => {
    const list = await items(new Date('2026-12-01T12:00:00Z'))
    expect(list.filter((i) => i.title.startsWith('INC-2026-0109:'))).toEqual([])
    expect(of(list, 'INC-2026-0108').map((l) => l.split(': ').slice(2).join(': '))).toEqual([
      'Follow-up “Write the card-decline runbook” overdue, due 4 Sept [2026-09-04T23:00:00.000Z]',
    ])
  })

  it('reads the days in the organisation’s zone and its region’s bank holidays', async () => {
    await t.db
      .updateTable('organisationSettings')
      .set({ timezone: 'America/New_York', bankHolidayRegion: 'US' })
      .execute()
    try {
      const reviews = (await items(new Date('2026-09-10T12:00:00Z'))).filter((i) =>
        i.reason.startsWith('Review'),
      )
      // INC-2026-0105 was resolved at 19:30 on Thursday 27 August in New York: Friday 28 to
      // Thursday 3 (31 August is no holiday there). INC-2026-0106, resolved Tuesday 1 September:
      // Labor Day skipped, Wednesday 9 is the 5th; midnight in New York is 04:00 UTC.
      expect(lines(reviews)).toEqual([
        'warning INC-2026-0105: Payroll export failed: Review overdue: resolved 27 Aug, due by 3 Sept (5 working days) [2026-09-04T04:00:00.000Z]',
        'warning INC-2026-0106: VPN drops: Review overdue: resolved 1 Sept, due by 9 Sept (5 working days) [2026-09-10T04:00:00.000Z]',
      ])
    } finally {
      await t.db
        .updateTable('organisationSettings')
        .set({ timezone: 'Europe/London', bankHolidayRegion: 'GB-ENG' })
        .execute()
    }
  })

  it('lists nothing when nothing needs a decision', async () => {
    const empty = await createTestDatabase()
    try {
      const scoped = await scopeOf(empty.db, {}, NOW)
      if (!scoped.ok) throw new Error(scoped.message)
      expect(await incidentsAttention(empty.db, scoped.scope)).toEqual([])
    } finally {
      await empty.drop()
    }
  })
})
