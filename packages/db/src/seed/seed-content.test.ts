import {
  addDays as addDayTotals,
  coverGaps,
  daysByTeam,
  emptyTotals,
  evm,
  personDays,
  type PersonDay,
  plannedValueFromBaseline,
  rag,
  upNeeded,
  utilizationOf,
} from '@opsdeck/kpi'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../testing.ts'
import { seedDemo } from './index.ts'
import { addDays, isoDow } from './time.ts'

// Incidents, projects and capacity do not depend on how many days of samples there are.
const now = new Date('2026-11-27T10:30:20Z')
const today = '2026-11-27'
let t: TestDatabase

beforeAll(async () => {
  t = await createTestDatabase()
  await seedDemo(t.db, { now, seed: 7, rawDays: 1, historyMonths: 1 })
}, 120_000)
afterAll(() => t.drop())

const q = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(t.db)).rows

describe('demo incidents', () => {
  it('spread over a year with a realistic severity mix and response times', async () => {
    const rows = await q(sql<{ severity: string; n: number; mtta: number; mttr: number }>`
      SELECT severity, count(*)::int AS n,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - started_at)) / 60 AS mtta,
        avg(extract(epoch FROM resolved_at - started_at)) / 3600 AS mttr
      FROM incidents GROUP BY 1 ORDER BY 1`)
    const by = Object.fromEntries(rows.map((r) => [r.severity, r]))
    expect(by.SEV1!.n).toBeGreaterThanOrEqual(3)
    expect(by.SEV1!.n).toBeLessThanOrEqual(15)
    expect(by.SEV2!.n).toBeGreaterThan(by.SEV1!.n)
    expect(by.SEV3!.n + by.SEV4!.n).toBeGreaterThan(100)
    expect(by.SEV1!.mtta).toBeLessThan(15) // minutes
    expect(by.SEV4!.mtta).toBeGreaterThan(60)
    expect(by.SEV1!.mttr).toBeGreaterThan(1) // hours
    expect(by.SEV1!.mttr).toBeLessThan(4.5)
    expect(by.SEV4!.mttr).toBeGreaterThan(24)
    expect(by.SEV4!.mttr).toBeLessThan(5 * 24)
    const [span] = await q(sql<{ first: Date; refs: number; wellFormed: number }>`
      SELECT min(started_at) AS first, count(DISTINCT ref)::int AS refs,
        count(*) FILTER (WHERE ref ~ '^INC-20[0-9]{2}-[0-9]{4}$')::int AS "wellFormed" FROM incidents`)
    expect(span!.first.getTime()).toBeGreaterThan(Date.parse('2025-11-15'))
    expect(span).toMatchObject({ refs: 150, wellFormed: 150 })
  })

  it('has a handful still open, started recently', async () => {
    const open = await q(sql<{ status: string; startedAt: Date }>`
      SELECT status, started_at FROM incidents WHERE resolved_at IS NULL`)
    expect(open.length).toBe(5)
    for (const o of open) {
      expect(['triggered', 'acknowledged', 'monitoring']).toContain(o.status)
      expect(now.getTime() - o.startedAt.getTime()).toBeLessThan(3 * 86_400_000)
    }
  })

  it('pages for major incidents, orders the timeline and leaves some follow-ups overdue', async () => {
    const [m] = await q(sql<{
      major: number
      paged: number
      outage: number
      followedUp: number
      badOrder: number
    }>`
      SELECT count(*)::int AS major,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM incident_events e WHERE e.incident_id = i.id AND e.kind = 'page'))::int AS paged,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM incident_services s WHERE s.incident_id = i.id AND s.impact <> 'outage'))::int AS outage,
        count(*) FILTER (WHERE status NOT IN ('resolved', 'closed') OR EXISTS (SELECT 1 FROM incident_actions a WHERE a.incident_id = i.id))::int AS "followedUp",
        -- Within the incident's life, and none after now: the response up to the resolution, the
        -- review up to the closing; follow-ups outlive both.
        (SELECT count(*)::int FROM incident_events e JOIN incidents j ON j.id = e.incident_id
          WHERE e.at < j.started_at OR e.at > ${now}
            OR (e.kind NOT IN ('review', 'action') AND coalesce(e.data->>'to', '') <> 'closed'
              AND e.at > coalesce(j.resolved_at, ${now}))
            OR (e.kind = 'review' AND e.at > coalesce(j.closed_at, ${now}))) AS "badOrder"
      FROM incidents i WHERE severity IN ('SEV1', 'SEV2')`)
    expect(m).toMatchObject({
      paged: m!.major,
      outage: m!.major,
      followedUp: m!.major,
      badOrder: 0,
    })
    const [a] = await q(sql<{
      done: number
      open: number
      overdue: number
      events: number
      n: number
    }>`
      SELECT count(*) FILTER (WHERE status = 'done')::int AS done,
        count(*) FILTER (WHERE status = 'open' AND due_on >= ${today})::int AS open,
        count(*) FILTER (WHERE status = 'open' AND due_on < ${today})::int AS overdue,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM incident_events e WHERE e.incident_id = a.incident_id
          AND e.kind = 'action' AND (e.data->>'actionId')::bigint = a.id))::int AS events,
        count(*)::int AS n
      FROM incident_actions a`)
    expect(a!.done).toBeGreaterThan(0)
    expect(a!.open).toBeGreaterThan(0)
    expect(a!.overdue).toBeGreaterThan(0)
    expect(a!.events).toBe(a!.n)
  })

  it('closes reviewed SEV1/SEV2 incidents, as the API would: completed review first', async () => {
    const [r] = await q(sql<{
      closed: number
      unreviewed: number
      unrecorded: number
      drafts: number
      minorReviews: number
    }>`
      SELECT count(*) FILTER (WHERE status = 'closed')::int AS closed,
        -- Closing a SEV1/SEV2 needs a review completed before it.
        count(*) FILTER (WHERE status = 'closed' AND severity IN ('SEV1', 'SEV2') AND NOT EXISTS (
          SELECT 1 FROM incident_reviews r WHERE r.incident_id = i.id AND r.completed_at <= i.closed_at
            AND r.root_cause <> ''))::int AS unreviewed,
        -- Each closing and each review is on the timeline.
        count(*) FILTER (WHERE status = 'closed' AND NOT EXISTS (
          SELECT 1 FROM incident_events e WHERE e.incident_id = i.id AND e.kind = 'status'
            AND e.data->>'to' = 'closed' AND e.at = i.closed_at))::int AS unrecorded,
        count(*) FILTER (WHERE status = 'resolved' AND EXISTS (
          SELECT 1 FROM incident_reviews r WHERE r.incident_id = i.id AND r.completed_at IS NULL)
          AND EXISTS (SELECT 1 FROM incident_events e WHERE e.incident_id = i.id AND e.kind = 'review'))::int AS drafts,
        count(*) FILTER (WHERE severity NOT IN ('SEV1', 'SEV2')
          AND EXISTS (SELECT 1 FROM incident_reviews r WHERE r.incident_id = i.id))::int AS "minorReviews"
      FROM incidents i`)
    expect(r!.closed).toBeGreaterThan(5)
    expect(r).toMatchObject({ unreviewed: 0, unrecorded: 0, minorReviews: 0 })
    expect(r!.drafts).toBeGreaterThan(0)
  })
})

describe('demo projects', () => {
  it('have budgets from £40k to £2m and a green / amber / red mix by EVM', async () => {
    const projects = await t.db.selectFrom('projects').select(['id', 'code', 'status']).execute()
    const statuses: string[] = []
    for (const p of projects) {
      const lines = await t.db
        .selectFrom('projectBudgetLines')
        .select('amountPence')
        .where('projectId', '=', p.id)
        .execute()
      const versions = await t.db
        .selectFrom('projectBaselines')
        .select(['version', 'reason'])
        .where('projectId', '=', p.id)
        .orderBy('version')
        .execute()
      // PRJ-0009 was re-baselined: both plans are kept and the figures use the newer.
      expect(
        versions.map((v) => v.version),
        p.code,
      ).toEqual(p.code === 'PRJ-0009' ? [1, 2] : [1])
      const plan = await t.db
        .selectFrom('projectBaseline')
        .select(['month', 'plannedPence'])
        .where('projectId', '=', p.id)
        .where('version', '=', versions.at(-1)!.version)
        .execute()
      const costs = await t.db
        .selectFrom('costEntries')
        .select('amountPence')
        .where('projectId', '=', p.id)
        .where('incurredOn', '<=', today)
        .execute()
      const progress = await t.db
        .selectFrom('projectProgress')
        .select('percentComplete')
        .where('projectId', '=', p.id)
        .where('asOf', '<=', today)
        .orderBy('asOf', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow()
      const bac = lines.reduce((s, l) => s + l.amountPence, 0)
      expect(bac, p.code).toBeGreaterThanOrEqual(40_000_00)
      expect(bac, p.code).toBeLessThanOrEqual(2_000_000_00)
      expect(
        plan.reduce((s, m) => s + m.plannedPence, 0),
        p.code,
      ).toBe(bac)
      const pv = plannedValueFromBaseline(
        plan.map((m) => ({ month: m.month, amount: m.plannedPence })),
        today,
      )
      const ac = costs.reduce((s, c) => s + c.amountPence, 0)
      statuses.push(
        rag(evm({ bac, pv, ac, percentComplete: progress.percentComplete / 100 })).status,
      )
    }
    const count = (s: string) => statuses.filter((x) => x === s).length
    expect({ green: count('green'), amber: count('amber'), red: count('red') }).toEqual({
      green: 4,
      amber: 3,
      red: 3,
    })
    expect(projects.filter((p) => p.status === 'closed')).toHaveLength(1)
  })
})

describe('demo capacity', () => {
  it('loads the England & Wales bank holidays around the data', async () => {
    const days = await t.db
      .selectFrom('bankHolidays')
      .select(['day', 'name'])
      .where('region', '=', 'GB-ENG')
      .execute()
    expect(days).toContainEqual({ day: '2026-12-25', name: 'Christmas Day' })
    expect(days).toContainEqual({ day: '2026-08-31', name: 'Summer bank holiday' })
    expect(days.map((d) => d.day.slice(0, 4))).toEqual(
      expect.arrayContaining(['2025', '2026', '2027']),
    )
  })

  it('gives people skills, part-time patterns, regions, a joiner, a leaver and a team move', async () => {
    const people = await t.db
      .selectFrom('people')
      .innerJoin('teams', 'teams.id', 'people.teamId')
      .select([
        'people.id',
        'people.name',
        'teams.slug as team',
        'role',
        'skills',
        'workingDays',
        'contractedHoursPerWeek as hours',
        'bankHolidayRegion as region',
        'startDate',
        'endDate',
      ])
      .orderBy('people.id')
      .execute()
    expect(people).toHaveLength(45)
    const person = (name: string) => people.find((p) => p.name === name)!
    for (const p of people) {
      expect(p.skills.length, p.name).toBeGreaterThanOrEqual(2)
      expect(p.skills.length, p.name).toBeLessThanOrEqual(5)
    }
    expect(person('Priya Raman').skills).toContain('Azure')
    expect(person('Nadia Rahman').skills).toContain('Networking')
    expect(person('Stuart Ferguson').skills).toContain('SQL')
    const partTime = people.filter((p) => p.workingDays.join() !== '1,2,3,4,5')
    expect(partTime.map((p) => p.name).sort()).toEqual([
      'Chloe Evans',
      'George Wilkinson',
      'Grace Adebayo',
      'Joe Lambert',
      'Siân Pritchard',
      'Zara Hussain',
    ])
    expect(person('Chloe Evans')).toMatchObject({ hours: 22.5, workingDays: [1, 2, 3] })
    expect(person('Grace Adebayo')).toMatchObject({ hours: 30, workingDays: [1, 2, 3, 4] })
    const region = (r: string) =>
      people
        .filter((p) => p.region === r)
        .map((p) => p.name)
        .sort()
    expect(region('GB-SCT')).toEqual(['Callum Reid', 'Fiona MacLeod', 'Stuart Ferguson'])
    expect(region('GB-NIR')).toEqual(['Liam O’Connor'])
    expect(people.filter((p) => p.region !== null)).toHaveLength(4)
    // Joined on a Wednesday a fortnight ago; leaves on a Friday before Christmas.
    expect(person('Josh Patel').startDate).toBe('2026-11-11')
    expect(people.filter((p) => p.endDate !== null).map((p) => [p.name, p.endDate])).toEqual([
      ['Owen Davies', '2026-12-18'],
    ])
    // Moved from the Service Desk to Applications on Monday 12 October.
    const mover = person('Mohammed Iqbal')
    expect(mover).toMatchObject({ team: 'applications', role: 'Applications Support Analyst' })
    const moves = await q(sql<{ team: string; firstDay: string; lastDay: string | null }>`
      SELECT t.slug AS team, m.first_day::text, m.last_day::text FROM team_memberships m
      JOIN teams t ON t.id = m.team_id WHERE m.person_id = ${mover.id} ORDER BY m.first_day`)
    expect(moves).toEqual([
      { team: 'service-desk', firstDay: mover.startDate, lastDay: '2026-10-11' },
      { team: 'applications', firstDay: '2026-10-12', lastDay: null },
    ])
    const [open] = await q(sql<{ rows: number; open: number; current: number }>`
      SELECT count(*)::int AS rows, count(*) FILTER (WHERE last_day IS NULL)::int AS open,
        count(*) FILTER (WHERE last_day IS NULL AND m.team_id = p.team_id)::int AS current
      FROM team_memberships m JOIN people p ON p.id = m.person_id`)
    expect(open).toEqual({ rows: 46, open: 45, current: 45 })
  })

  it('allocates most people 70–95% of their effective capacity, within their employment', async () => {
    const { weeks } = await capacity()
    const past = weeks.filter((w) => w.week < THIS_WEEK && w.effective > 0)
    const typical = past.filter((w) => w.confirmed! >= 0.7 && w.confirmed! <= 1).length
    expect(typical / past.length).toBeGreaterThan(0.6)
    // A crunch in past weeks for a few, and slack for a few this week.
    expect(
      new Set(past.filter((w) => w.confirmed! > 1).map((w) => w.name)).size,
    ).toBeGreaterThanOrEqual(3)
    expect(
      weeks.filter((w) => w.week === THIS_WEEK && w.confirmed !== null && w.confirmed < 0.7).length,
    ).toBeGreaterThanOrEqual(2)
    const [bad] = await q(sql<{ project: number; employed: number }>`
      SELECT count(*) FILTER (WHERE a.project_id IS NOT NULL AND (pr.status <> 'active'
          OR a.last_day - 6 > pr.end_date OR a.first_day + 6 < pr.start_date))::int AS project,
        count(*) FILTER (WHERE a.first_day < p.start_date OR a.last_day > p.end_date)::int AS employed
      FROM allocations a JOIN people p ON p.id = a.person_id
      LEFT JOIN projects pr ON pr.id = a.project_id`)
    expect(bad).toEqual({ project: 0, employed: 0 })
    const kinds = await q(sql<{ kind: string }>`SELECT DISTINCT kind FROM time_off ORDER BY 1`)
    expect(kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining(['annual_leave', 'sick', 'training']),
    )
  })

  it('over-allocates a few people this week and next, and tentative work changes the what-if', async () => {
    const { weeks } = await capacity()
    const soon = weeks.filter((w) => w.week === THIS_WEEK || w.week === '2026-11-30')
    const over = [...new Set(soon.filter((w) => w.overConfirmed).map((w) => w.name))]
    expect(over).toEqual(
      expect.arrayContaining(['Sanjay Mehta', 'Nadia Rahman', 'Katie Walsh', 'Lucy Hammond']),
    )
    expect(over.length).toBeLessThanOrEqual(10)
    const sanjay = soon.find((w) => w.name === 'Sanjay Mehta' && w.week === THIS_WEEK)!
    expect(sanjay.confirmed).toBeGreaterThan(1.05)
    const tentative = await q(sql<{
      name: string
      kind: string
      firstDay: string
      percent: number | null
    }>`
      SELECT p.name, a.kind, a.first_day::text, a.percent FROM allocations a
      JOIN people p ON p.id = a.person_id WHERE a.status = 'tentative' ORDER BY p.name`)
    // Split around leave as the confirmed work is.
    expect([...new Set(tentative.map((a) => a.name))]).toEqual([
      'Amira Haddad',
      'Chris Bailey',
      'Martin Croft',
      'Priya Raman',
    ])
    for (const a of tentative) {
      expect(a.kind).toBe('project')
      expect(a.firstDay > today).toBe(true)
    }
    expect(tentative.find((a) => a.name === 'Priya Raman')!.percent).toBe(30)
    // The what-if puts more people-weeks over 100% than the confirmed work alone.
    const ahead = weeks.filter((w) => w.week > THIS_WEEK)
    expect(ahead.filter((w) => w.overWithTentative).length).toBeGreaterThan(
      ahead.filter((w) => w.overConfirmed).length,
    )
    const [amounts] = await q(sql<{ percent: number; hours: number }>`
      SELECT count(*) FILTER (WHERE percent IS NOT NULL)::int AS percent,
        count(*) FILTER (WHERE hours_per_week IS NOT NULL)::int AS hours FROM allocations`)
    expect(amounts!.percent).toBeGreaterThanOrEqual(10)
    expect(amounts!.hours).toBeGreaterThan(amounts!.percent)
  })

  it('has half days, and leave over booked work only where it is a conflict to move', async () => {
    const halves = await q(sql<{ firstDay: string; lastDay: string }>`
      SELECT first_day::text, last_day::text FROM time_off WHERE half_day`)
    expect(halves.length).toBeGreaterThanOrEqual(8)
    for (const h of halves) expect(h.lastDay).toBe(h.firstDay)
    // Bookings make way for whole days of leave, except two the manager still has to move.
    const { days } = await capacity()
    const conflicts = new Set(
      days.filter((d) => d.off === 1 && total(d) > 0).map((d) => `${d.name} ${d.day.slice(0, 7)}`),
    )
    expect([...conflicts].sort()).toEqual(['Arjun Nair 2026-12', 'Lucy Hammond 2026-12'])
  })

  it('closes the organisation between Christmas and New Year', async () => {
    const closures = await q(sql<{ day: string; name: string }>`
      SELECT day::text, name FROM closure_days WHERE day BETWEEN '2026-12-01' AND '2027-01-31' ORDER BY day`)
    expect(closures).toEqual([
      { day: '2026-12-29', name: 'Christmas closure' },
      { day: '2026-12-30', name: 'Christmas closure' },
      { day: '2026-12-31', name: 'Christmas closure' },
    ])
  })

  it('logs responder hours on a sample of incidents, on their days, by others of the team', async () => {
    const rows = await q(sql<{
      incidentId: number
      personId: number
      commander: number
      day: string
      hours: number
      firstDay: string
      lastDay: string
      sameTeam: boolean
    }>`
      SELECT r.incident_id, r.person_id, i.commander_person_id AS commander, r.day::text, r.hours,
        (i.started_at AT TIME ZONE 'Europe/London')::date::text AS first_day,
        (coalesce(i.resolved_at, ${now}) AT TIME ZONE 'Europe/London')::date::text AS last_day,
        EXISTS (SELECT 1 FROM team_memberships m JOIN team_memberships c ON c.team_id = m.team_id
          WHERE m.person_id = r.person_id AND c.person_id = i.commander_person_id
            AND r.day BETWEEN m.first_day AND coalesce(m.last_day, r.day)) AS same_team
      FROM incident_responder_hours r JOIN incidents i ON i.id = r.incident_id`)
    expect(rows.length).toBeGreaterThan(60)
    for (const r of rows) {
      expect(r.hours).toBeGreaterThanOrEqual(0.5)
      expect(r.hours).toBeLessThanOrEqual(6)
      expect(r.day >= r.firstDay && r.day <= r.lastDay, `${r.incidentId} ${r.day}`).toBe(true)
      expect(r.personId).not.toBe(r.commander)
      expect(r.sameTeam).toBe(true)
    }
    const incidents = new Set(rows.map((r) => r.incidentId))
    expect(incidents.size).toBeGreaterThan(30)
    for (const i of incidents) {
      const people = new Set(rows.filter((r) => r.incidentId === i).map((r) => r.personId))
      expect(people.size).toBeLessThanOrEqual(3)
    }
    // Toil in the capacity weeks, not only long ago.
    expect(rows.filter((r) => r.day >= '2026-08-31').length).toBeGreaterThan(10)
  })

  it('keeps two people to cover the tier-1 services but one day in the coming 12 weeks', async () => {
    const { days } = await capacity()
    const teams = await q(sql<{ id: number; name: string }>`
      SELECT DISTINCT t.id, t.name FROM services s JOIN teams t ON t.id = s.owner_team_id
      WHERE s.tier = 1 AND s.archived_at IS NULL ORDER BY t.name`)
    expect(teams.map((t) => t.name)).toEqual([
      'Applications',
      'Infrastructure & Cloud',
      'Networks & Security',
    ])
    const { holidays, closures, memberships } = await calendar()
    const workingDays: string[] = []
    for (let d = today; d <= addDays(THIS_WEEK, 12 * 7 + 6); d = addDays(d, 1)) {
      if (isoDow(d) <= 5 && !holidays.get('GB-ENG')!.has(d) && !closures.has(d)) workingDays.push(d)
    }
    const gaps = teams.flatMap((team) => {
      const members = [...new Set(days.map((d) => d.personId))].map(
        (id) =>
          daysByTeam(
            days.filter((d) => d.personId === id),
            memberships.filter((m) => m.personId === id),
          ).get(team.id) ?? [],
      )
      return coverGaps(workingDays, members).map((g) => ({ team: team.name, ...g }))
    })
    expect(gaps).toEqual([{ team: 'Networks & Security', day: '2027-01-15', available: 1 }])
  })
})

// The capacity KPIs of the demo, worked by @opsdeck/kpi as the API does.
const THIS_WEEK = '2026-11-23'
const FIRST = addDays(THIS_WEEK, -12 * 7)
const LAST = addDays(THIS_WEEK, 12 * 7 + 6)
const total = (d: PersonDay) =>
  (['confirmed', 'tentative'] as const).reduce(
    (s, k) => s + d.booked[k].project + d.booked[k].run + d.booked[k].support,
    0,
  )

async function calendar() {
  const bank = await q(sql<{ region: string; day: string }>`
    SELECT region, day::text FROM bank_holidays WHERE day BETWEEN ${FIRST} AND ${LAST}`)
  const holidays = new Map<string, Set<string>>()
  for (const h of bank) holidays.set(h.region, (holidays.get(h.region) ?? new Set()).add(h.day))
  const closures = new Set(
    (await q(sql<{ day: string }>`SELECT day::text FROM closure_days`)).map((c) => c.day),
  )
  const memberships = await q(
    sql<{
      personId: number
      teamId: number
      firstDay: string
      lastDay: string | null
    }>`SELECT person_id, team_id, first_day::text, last_day::text FROM team_memberships`,
  )
  return { holidays, closures, memberships }
}

let cached: Promise<{
  days: (PersonDay & { personId: number; name: string })[]
  weeks: {
    name: string
    week: string
    effective: number
    confirmed: number | null
    overConfirmed: boolean
    overWithTentative: boolean
  }[]
}> | null = null

function capacity() {
  cached ??= (async () => {
    const { holidays, closures } = await calendar()
    const people = await t.db.selectFrom('people').selectAll().orderBy('id').execute()
    const allocations = await t.db.selectFrom('allocations').selectAll().execute()
    const timeOff = await t.db.selectFrom('timeOff').selectAll().execute()
    const days: (PersonDay & { personId: number; name: string })[] = []
    const weeks = []
    for (const p of people) {
      const mine = personDays({
        person: p,
        from: FIRST,
        to: LAST,
        holidays: holidays.get(p.bankHolidayRegion ?? 'GB-ENG') ?? new Set(),
        closures,
        timeOff: timeOff.filter((o) => o.personId === p.id),
        allocations: allocations.filter((a) => a.personId === p.id),
      })
      days.push(...mine.map((d) => ({ ...d, personId: p.id, name: p.name })))
      for (let w = FIRST; w <= LAST; w = addDays(w, 7)) {
        const totals = addDayTotals(
          emptyTotals(),
          mine.filter((d) => d.day >= w && d.day <= addDays(w, 6)),
        )
        const confirmed = utilizationOf(totals, false)
        weeks.push({
          name: p.name,
          week: w,
          effective: totals.effective,
          confirmed: confirmed.utilization,
          overConfirmed: confirmed.overAllocated,
          overWithTentative: utilizationOf(totals, true).overAllocated,
        })
      }
    }
    return { days, weeks }
  })()
  return cached
}

describe('demo service catalogue', () => {
  it('tags every service, links runbooks and dashboards, and leaves the checks to the simulator', async () => {
    const services = await t.db
      .selectFrom('services')
      .select(['slug', 'tier', 'tags', 'runbookUrl', 'dashboardUrl', 'checkMode', 'sloWindowDays'])
      .execute()
    for (const s of services) {
      // Never probed: the URLs are made up and the simulator feeds them.
      expect(s, s.slug).toMatchObject({ checkMode: 'push', sloWindowDays: 30 })
      expect(
        s.tags.filter((tag) => tag.startsWith('hosting:')),
        s.slug,
      ).toHaveLength(1)
      for (const tag of s.tags) expect(tag).toMatch(/^[a-z0-9][a-z0-9\-_.:/]*$/)
      expect(s.runbookUrl, s.slug).toBe(
        s.tier <= 2 ? `https://wiki.example.org/runbooks/${s.slug}` : null,
      )
      expect(s.dashboardUrl !== null, s.slug).toBe(s.tier === 1)
    }
    const tagged = (tag: string) => services.filter((s) => s.tags.includes(tag)).map((s) => s.slug)
    expect(tagged('pci-dss')).toContain('council-tax-payments')
    expect(tagged('public-facing')).toContain('citizen-portal')
    expect(tagged('hosting:saas')).toContain('email')
  })

  it('has business services with all / at least N / any roll-ups over real components', async () => {
    const groups = await q(sql<{
      slug: string
      rule: 'all' | 'any' | 'at_least'
      minUp: number | null
      slo: number
      components: string[]
    }>`
      SELECT g.slug, g.rule, g.min_up, g.slo_target AS slo,
        array_agg(s.slug ORDER BY s.slug) AS components
      FROM service_groups g JOIN service_group_members m ON m.group_id = g.id
      JOIN services s ON s.id = m.service_id GROUP BY g.id ORDER BY g.id`)
    expect(groups.map((g) => [g.slug, g.rule, g.minUp])).toEqual([
      ['payroll-run', 'all', null],
      ['remote-working', 'all', null],
      ['customer-contact', 'at_least', 2],
      ['resident-payments', 'any', null],
    ])
    for (const g of groups) {
      expect(g.slo, g.slug).toBeGreaterThanOrEqual(0.995)
      expect(g.slo, g.slug).toBeLessThan(1)
      // A rule the KPI arithmetic accepts for this many components.
      const rule = g.rule === 'at_least' ? { rule: g.rule, minUp: g.minUp! } : { rule: g.rule }
      expect(upNeeded(rule, g.components.length)).toBeLessThanOrEqual(g.components.length)
    }
    const payroll = groups[0]!
    expect(payroll.components).toEqual([
      'active-directory',
      'core-network',
      'identity-sso',
      'payroll',
    ])
    expect(groups[2]!.components).toEqual(['citizen-portal', 'contact-centre', 'council-website'])
  })

  it('has weekly maintenance schedules written out every week from the history to 8 weeks ahead', async () => {
    const schedules = await q(sql<{
      id: number
      slug: string
      isoWeekday: number
      localStart: string
      minutes: number
      timezone: string
      expandedUntil: Date
    }>`
      SELECT m.id, s.slug, m.iso_weekday, m.local_start::text, m.duration_minutes AS minutes,
        m.timezone, m.expanded_until
      FROM maintenance_schedules m JOIN services s ON s.id = m.service_id ORDER BY m.id`)
    expect(schedules.length).toBeGreaterThanOrEqual(4)
    expect(schedules).toContainEqual(
      expect.objectContaining({
        slug: 'print-scan',
        isoWeekday: 7,
        localStart: '02:00:00',
        minutes: 120,
        timezone: 'Europe/London',
      }),
    )
    const [history] = await q(
      sql<{ first: Date }>`SELECT min(bucket_start) AS first FROM check_rollup_hourly`,
    )
    for (const m of schedules) {
      // The seed's clock is `now` to the minute.
      const until = new Date(Date.parse('2026-11-27T10:30:00Z') + 56 * 86_400_000)
      expect(m.expandedUntil, m.slug).toEqual(until)
      const windows = await q(sql<{ startsAt: Date; endsAt: Date; dow: number; local: string }>`
        SELECT starts_at, ends_at, extract(isodow FROM starts_at AT TIME ZONE ${m.timezone})::int AS dow,
          to_char(starts_at AT TIME ZONE ${m.timezone}, 'HH24:MI:SS') AS local
        FROM maintenance_windows WHERE schedule_id = ${m.id} ORDER BY starts_at`)
      expect(windows.length, m.slug).toBeGreaterThan(8)
      const first = windows[0]!.startsAt.getTime()
      const last = windows.at(-1)!.startsAt.getTime()
      expect(first - history!.first.getTime(), m.slug).toBeLessThan(7 * 86_400_000)
      expect(m.expandedUntil.getTime() - last, m.slug).toBeLessThanOrEqual(7 * 86_400_000)
      // One a week, none missing: past ones written by the seed, coming ones by the expansion.
      expect(windows.length, m.slug).toBe(Math.round((last - first) / (7 * 86_400_000)) + 1)
      for (const w of windows) {
        expect({ dow: w.dow, local: w.local }, m.slug).toEqual({
          dow: m.isoWeekday,
          local: m.localStart,
        })
        expect(w.endsAt.getTime() - w.startsAt.getTime()).toBe(m.minutes * 60_000)
      }
    }
  })

  it('keeps the monthly one-off patching off the services patched weekly', async () => {
    const [clash] = await q(sql<{ n: number }>`
      SELECT count(*)::int AS n FROM maintenance_windows w
      WHERE w.schedule_id IS NULL AND w.reason = 'Monthly Windows Server patching'
        AND EXISTS (SELECT 1 FROM maintenance_schedules m WHERE m.service_id = w.service_id
          AND m.reason = 'Weekly Windows Server patching')`)
    expect(clash!.n).toBe(0)
    const [oneOff] = await q(sql<{ n: number; future: number }>`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE starts_at > ${now})::int AS future
      FROM maintenance_windows WHERE schedule_id IS NULL`)
    expect(oneOff!.n).toBeGreaterThan(5)
    expect(oneOff!.future).toBeGreaterThan(0)
  })
})
