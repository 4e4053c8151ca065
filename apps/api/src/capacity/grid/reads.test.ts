import { beforeAll, describe, expect, it } from 'vitest'
import { expectMatches, loginAs, useClockedApp } from '../../../test/helpers.ts'
import { capacityRows } from './fixture.ts'
import { Cover, Forecast, Overallocations, RunChange } from './schemas.ts'

// Worked examples of the reads beside the heatmap. Now: Wednesday 25 November 2026 (this week is
// 23 November); England's holidays Fri 25 and Mon 28 December; a closure day Tue 29 December.
const ctx = useClockedApp(new Date('2026-11-25T12:00:00Z'))
const rows = capacityRows(() => ctx.db)
let headers: Record<string, string>

beforeAll(async () => {
  headers = (await loginAs(ctx, 'viewer')).headers
  await ctx.db
    .insertInto('closureDays')
    .values({ day: '2026-12-29', name: 'Between the holidays' })
    .execute()
})

async function get(path: string, status = 200) {
  const res = await ctx.app.request(path, { headers })
  expect(res.status).toBe(status)
  return await res.json()
}

describe('GET /api/v1/capacity/overallocations', () => {
  it('half a day of leave under a full week’s booking is a conflict (111%)', async () => {
    const t = await rows.team('half')
    const h = await rows.person(t.id, 'Hana')
    const code = await rows.project('HALF-1')
    await rows.allocate(h, {
      firstDay: '2026-11-30',
      lastDay: '2026-12-13',
      hoursPerWeek: 37.5,
      projectId: code,
    })
    await rows.allocate(h, {
      firstDay: '2026-12-07',
      lastDay: '2026-12-13',
      hoursPerWeek: 5,
      status: 'tentative',
    })
    await rows.leave(h, '2026-12-02', '2026-12-02', true)
    const body = expectMatches(
      Overallocations,
      await get('/api/v1/capacity/overallocations?from=2026-11-30&to=2026-12-13'),
    )
    expect([body.from, body.to]).toEqual(['2026-11-30', '2026-12-13'])
    const mine = body.items.filter((i) => i.person.id === h)
    // 37.5 h booked; 37.5 − 3.75 h of leave = 33.75 h: 3.75 h over, 37.5 / 33.75 = 111%. The
    // second week is full, not over, while tentative work is left out.
    expect(mine).toEqual([
      {
        person: { id: h, name: 'Hana', role: 'Engineer' },
        team: { id: t.id, slug: 'half', name: 'Team half' },
        week: '2026-11-30',
        booked: 37.5,
        effective: 33.75,
        overHours: 3.75,
        utilization: 37.5 / 33.75,
        allocations: [
          {
            allocationId: expect.any(Number),
            kind: 'project',
            status: 'confirmed',
            project: { code: 'HALF-1', name: 'Project HALF-1' },
            hours: 37.5,
          },
        ],
        leaveConflicts: [{ day: '2026-12-02', share: 0.5, bookedOverLeave: 3.75 }],
      },
    ])
    const what = expectMatches(
      Overallocations,
      await get(
        '/api/v1/capacity/overallocations?from=2026-11-30&to=2026-12-13&includeTentative=true',
      ),
    )
    const weeks = what.items.filter((i) => i.person.id === h)
    expect(weeks.map((i) => [i.week, i.overHours])).toEqual([
      ['2026-11-30', 3.75],
      ['2026-12-07', 5],
    ])
    expect(weeks[1]?.allocations.map((a) => [a.status, a.hours])).toEqual([
      ['confirmed', 37.5],
      ['tentative', 5],
    ])
  })

  it('defaults to this week and the 11 after it', async () => {
    const body = expectMatches(Overallocations, await get('/api/v1/capacity/overallocations'))
    expect([body.from, body.to, body.includeTentative]).toEqual(['2026-11-23', '2027-02-14', false])
  })
})

describe('GET /api/v1/capacity/run-change', () => {
  it('splits confirmed work and incident toil by month, and toil by team', async () => {
    const t = await rows.team('runchange')
    const p = await rows.person(t.id, 'Rui')
    const code = await rows.project('RC-1')
    await rows.allocate(p, {
      firstDay: '2026-11-01',
      lastDay: '2026-12-31',
      hoursPerWeek: 20,
      projectId: code,
    })
    await rows.allocate(p, { firstDay: '2026-12-01', lastDay: '2026-12-31', hoursPerWeek: 10 })
    await rows.allocate(p, {
      firstDay: '2026-12-01',
      lastDay: '2026-12-31',
      hoursPerWeek: 5,
      kind: 'support',
      status: 'tentative',
    })
    const incident = await ctx.db
      .insertInto('incidents')
      .values({
        ref: 'RC-INC',
        title: 'RC',
        severity: 'SEV3',
        startedAt: '2026-12-01T08:00:00Z',
        acknowledgedAt: '2026-12-01T08:00:00Z',
        resolvedAt: '2026-12-01T11:00:00Z',
        status: 'resolved',
        commanderPersonId: p,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await ctx.db
      .insertInto('incidentResponderHours')
      .values({ incidentId: incident.id, personId: p, day: '2026-12-02', hours: 1.5 })
      .execute()
    const body = expectMatches(
      RunChange,
      await get('/api/v1/capacity/run-change?from=2026-11-01&to=2026-12-31&team=runchange'),
    )
    // November: 21 working days × 4 h of project. December: 23 weekdays less the 25th, 28th and
    // the 29th (closure) = 20 days, × 4 h project and 2 h run; toil 3 h commanding + 1.5 logged.
    expect(body.months).toEqual([
      {
        month: '2026-11',
        projectHours: 84,
        runHours: 0,
        supportHours: 0,
        incidentHours: 0,
        run: 0,
        change: 84,
        runShare: 0,
        changeShare: 1,
      },
      {
        month: '2026-12',
        projectHours: 80,
        runHours: 40,
        supportHours: 0,
        incidentHours: 4.5,
        run: 44.5,
        change: 80,
        runShare: 44.5 / 124.5,
        changeShare: 80 / 124.5,
      },
    ])
    expect(body.total).toMatchObject({ run: 44.5, change: 164, runShare: 44.5 / 208.5 })
    expect(body.toilByTeam).toEqual([
      {
        team: { id: t.id, slug: 'runchange', name: 'Team runchange' },
        months: [
          { month: '2026-11', hours: 0 },
          { month: '2026-12', hours: 4.5 },
        ],
        total: 4.5,
      },
    ])
  })
})

describe('GET /api/v1/capacity/cover', () => {
  it('lists the days a tier-1 owner team has fewer than 2 people available, and who is', async () => {
    const t = await rows.team('cover')
    const quiet = await rows.team('cover-tier2')
    for (const [slug, tier, team, archived] of [
      ['cover-db', 1, t.id, false],
      ['cover-api', 1, t.id, false],
      ['cover-old', 1, quiet.id, true],
      ['cover-docs', 2, quiet.id, false],
    ] as const) {
      await ctx.db
        .insertInto('services')
        .values({
          slug,
          name: slug,
          tier,
          sloTarget: 0.99,
          ownerTeamId: team,
          archivedAt: archived ? new Date() : null,
        })
        .execute()
    }
    const [p1, p2, p3] = [
      await rows.person(t.id, 'Ali'),
      await rows.person(t.id, 'Bea'),
      await rows.person(t.id, 'Cal'),
    ]
    // Bea is off Monday to Wednesday; Cal all Tuesday and half of Wednesday (still available).
    await rows.leave(p2, '2026-12-07', '2026-12-09')
    await rows.leave(p3, '2026-12-08')
    await rows.leave(p3, '2026-12-09', '2026-12-09', true)
    // The other team has one person: short every day, but owns no live tier-1 service.
    await rows.person(quiet.id, 'Dee')
    const body = expectMatches(
      Cover,
      await get('/api/v1/capacity/cover?from=2026-12-07&to=2026-12-13'),
    )
    expect(body.minimum).toBe(2)
    expect(body.risks.filter((r) => r.team.slug.startsWith('cover'))).toEqual([
      {
        week: '2026-12-07',
        team: { id: t.id, slug: 'cover', name: 'Team cover' },
        services: [
          { slug: 'cover-api', name: 'cover-api' },
          { slug: 'cover-db', name: 'cover-db' },
        ],
        days: [{ day: '2026-12-08', available: 1, people: [{ id: p1, name: 'Ali' }] }],
      },
    ])
    // Christmas week: Ali and Bea are off on the 24th; on the 25th nobody works, but it is no
    // working day of the organisation's, so no gap.
    await rows.leave(p1, '2026-12-24', '2026-12-25')
    await rows.leave(p2, '2026-12-24')
    const xmas = expectMatches(
      Cover,
      await get('/api/v1/capacity/cover?from=2026-12-21&to=2026-12-27'),
    )
    expect(
      xmas.risks.filter((r) => r.team.slug === 'cover').flatMap((r) => r.days.map((d) => d.day)),
    ).toEqual(['2026-12-24'])
    expect(xmas.risks.find((r) => r.team.slug === 'cover')?.days[0]?.people).toEqual([
      { id: p3, name: 'Cal' },
    ])
  })
  it('a tier-1 owner team with no one in it has no cover on any working day', async () => {
    const empty = await rows.team('cover-empty')
    await ctx.db
      .insertInto('services')
      .values({ slug: 'cover-vpn', name: 'VPN', tier: 1, sloTarget: 0.99, ownerTeamId: empty.id })
      .execute()
    // Christmas week: Friday 25th is a bank holiday, so four working days, none covered.
    const body = expectMatches(
      Cover,
      await get('/api/v1/capacity/cover?from=2026-12-21&to=2026-12-27'),
    )
    expect(body.risks.find((r) => r.team.slug === 'cover-empty')).toEqual({
      week: '2026-12-21',
      team: { id: empty.id, slug: 'cover-empty', name: 'Team cover-empty' },
      services: [{ slug: 'cover-vpn', name: 'VPN' }],
      days: ['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24'].map((day) => ({
        day,
        available: 0,
        people: [],
      })),
    })
  })
})

describe('GET /api/v1/capacity/forecast', () => {
  it('demand with tentative work against capacity, by team and role, flagged when over', async () => {
    const t = await rows.team('forecast')
    const p = await rows.person(t.id, 'Fola', { role: 'Forecaster' })
    await rows.allocate(p, { firstDay: '2026-11-23', lastDay: '2027-03-31', hoursPerWeek: 30 })
    await rows.allocate(p, {
      firstDay: '2026-12-07',
      lastDay: '2026-12-13',
      hoursPerWeek: 10,
      status: 'tentative',
    })
    const body = expectMatches(Forecast, await get('/api/v1/capacity/forecast?weeks=3'))
    expect(body.weeks).toEqual(['2026-11-23', '2026-11-30', '2026-12-07'])
    expect(body.includeTentative).toBe(true)
    const team = body.teams.find((x) => x.team.slug === 'forecast')
    expect(team?.weeks.map((w) => [w.demand, w.effective, w.over])).toEqual([
      [30, 37.5, false],
      [30, 37.5, false],
      [40, 37.5, true],
    ])
    expect(team?.overWeeks).toBe(1)
    expect(team?.weeks[2]).toMatchObject({ overHours: 2.5, utilization: 40 / 37.5 })
    const role = body.roles.find((r) => r.role === 'Forecaster')
    expect(role?.weeks.map((w) => w.demand)).toEqual([30, 30, 40])
    const confirmed = expectMatches(
      Forecast,
      await get('/api/v1/capacity/forecast?weeks=3&includeTentative=false'),
    )
    const only = confirmed.teams.find((x) => x.team.slug === 'forecast')
    expect(only?.overWeeks).toBe(0)
    expect(only?.weeks[2]?.demand).toBe(30)
    const twelve = expectMatches(Forecast, await get('/api/v1/capacity/forecast'))
    expect(twelve.weeks).toHaveLength(12)
  })

  it('refuses bad weeks, naming the field', async () => {
    for (const weeks of ['0', '61', 'abc', '2.5']) {
      const body = (await get(`/api/v1/capacity/forecast?weeks=${weeks}`, 400)) as {
        error: { code: string; details: { path: string }[] }
      }
      expect(body.error.code).toBe('validation_failed')
      expect(body.error.details[0]?.path).toBe('query.weeks')
    }
  })
})

describe('refusals of the other reads', () => {
  it('names the field', async () => {
    const paths = [
      ['/api/v1/capacity/overallocations?from=2026-01-05&to=2027-06-01', 'query.to'],
      ['/api/v1/capacity/cover?to=2026-11-01&from=2026-12-01', 'query.from'],
      ['/api/v1/capacity/run-change?from=2024-01-01&to=2026-01-01', 'query.to'],
      ['/api/v1/capacity/overallocations?includeTentative=1', 'query.includeTentative'],
      ['/api/v1/capacity/run-change?to=2026-13-01', 'query.to'],
      // From a Sunday to the Monday before it: reversed days, though one ISO week.
      ['/api/v1/capacity?from=2026-12-13&to=2026-12-07', 'query.from'],
      ['/api/v1/capacity/overallocations?from=2026-12-13&to=2026-12-07', 'query.from'],
      ['/api/v1/capacity/cover?from=2026-12-13&to=2026-12-07', 'query.from'],
      // A NUL character, which PostgreSQL cannot compare: a 400, not a 500.
      ['/api/v1/capacity?team=a%00b', 'query.team'],
      ['/api/v1/capacity?role=a%00b', 'query.role'],
      ['/api/v1/capacity/run-change?team=a%00b', 'query.team'],
      ['/api/v1/capacity/people/1/weeks/2026-12-07?team=a%00b', 'query.team'],
    ]
    for (const [path, field] of paths) {
      const body = (await get(path ?? '', 400)) as { error: { details: { path: string }[] } }
      expect(body.error.details[0]?.path, path).toBe(field)
    }
  })
})
