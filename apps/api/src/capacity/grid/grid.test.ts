import { beforeAll, describe, expect, it } from 'vitest'
import { expectMatches, loginAs, useClockedApp } from '../../../test/helpers.ts'
import { capacityRows } from './fixture.ts'
import { CapacityGrid, PersonWeekDetail } from './schemas.ts'

// Worked examples of the heatmap, each over a team of its own. Now: Wednesday 25 November 2026,
// so this week is 23 November. England's holidays: Fri 25 Dec, Mon 28 Dec (Boxing Day's
// substitute), Fri 1 Jan 2027, Mon 31 Aug 2026; Scotland's St Andrew's Day: Mon 30 Nov 2026.
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

async function grid(query: string) {
  const res = await ctx.app.request(`/api/v1/capacity?${query}`, { headers })
  expect(res.status).toBe(200)
  return expectMatches(CapacityGrid, await res.json())
}

// The days and bookings behind a person's cell, their own read.
async function detail(personId: number, day: string, team?: string) {
  const query = team === undefined ? '' : `?team=${team}`
  const res = await ctx.app.request(`/api/v1/capacity/people/${personId}/weeks/${day}${query}`, {
    headers,
  })
  expect(res.status).toBe(200)
  return expectMatches(PersonWeekDetail, await res.json())
}

const peopleOf = (team: CapacityGrid['teams'][number]) => {
  if (!team.people) throw new Error(`team ${team.slug} came without its people`)
  return team.people
}

const teamOf = (g: CapacityGrid, slug: string) => {
  const team = g.teams.find((t) => t.slug === slug)
  if (!team) throw new Error(`no team ${slug} in ${g.teams.map((t) => t.slug).join()}`)
  return team
}
const week = <T extends { week: string }>(list: T[], monday: string) => {
  const w = list.find((x) => x.week === monday)
  if (!w) throw new Error(`no week ${monday}`)
  return w
}

describe('GET /api/v1/capacity', () => {
  it('defaults to 12 weeks back and 12 ahead of this week', async () => {
    const g = await grid('')
    expect(g.thisWeek).toBe('2026-11-23')
    expect(g.weeks).toHaveLength(25)
    expect(g.weeks[0]).toBe('2026-08-31')
    expect(g.weeks.at(-1)).toBe('2027-02-15')
    expect([g.from, g.to]).toEqual(['2026-08-31', '2027-02-21'])
    expect(g.includeTentative).toBe(false)
    expect(g.definitions.utilization).toBe('utilization')
  })

  it('a bank-holiday week: the booking falls with capacity (30 of 30 h, not 125%)', async () => {
    const t = await rows.team('bh')
    const a = await rows.person(t.id, 'Ada')
    await rows.allocate(a, { firstDay: '2026-12-01', lastDay: '2027-01-31', hoursPerWeek: 37.5 })
    const g = await grid('from=2026-12-21&to=2027-01-10&team=bh')
    expect(g.weeks).toEqual(['2026-12-21', '2026-12-28', '2027-01-04'])
    // Christmas (Fri): 4 days × 7.5 h = 30 h of capacity, and 37.5 / 5 × 4 = 30 h booked.
    const xmas = week(teamOf(g, 'bh').weeks, '2026-12-21')
    expect(xmas).toMatchObject({ capacity: 30, effective: 30, bookedHours: 30, utilization: 1 })
    expect(xmas.overAllocated).toBe(false)
    expect(xmas.booked.confirmed).toEqual({ project: 0, run: 30, support: 0 })
    // Mon 28 Dec, the organisation's closure day Tue 29 Dec and Fri 1 Jan: 2 days left.
    const ny = week(teamOf(g, 'bh').weeks, '2026-12-28')
    expect(ny).toMatchObject({ capacity: 15, bookedHours: 15, utilization: 1 })
    // Behind Ada's cell (any day of the week names it): the days that took the hours away.
    const behind = await detail(a, '2026-12-31', 'bh')
    expect(behind).toMatchObject({ person: { id: a, name: 'Ada' }, week: '2026-12-28', team: 'bh' })
    expect(behind.bankHolidays.map((h) => h.day)).toEqual(['2026-12-28', '2027-01-01'])
    expect(behind.closures).toEqual([{ day: '2026-12-29', name: 'Between the holidays' }])
    expect(behind.timeOff).toEqual([])
    expect(behind.allocations).toEqual([
      {
        allocationId: expect.any(Number),
        kind: 'run',
        status: 'confirmed',
        project: null,
        hours: 15,
      },
    ])
    expect(week(teamOf(g, 'bh').weeks, '2027-01-04')).toMatchObject({
      capacity: 37.5,
      bookedHours: 37.5,
    })
  })

  it('a Scottish person’s St Andrew’s Day is theirs alone', async () => {
    const t = await rows.team('scot')
    const s = await rows.person(t.id, 'Sorcha', { region: 'GB-SCT' })
    const e = await rows.person(t.id, 'Edward')
    for (const p of [s, e]) {
      await rows.allocate(p, { firstDay: '2026-11-30', lastDay: '2026-12-06', hoursPerWeek: 37.5 })
    }
    const g = await grid('from=2026-11-30&to=2026-12-06&team=scot&people=true')
    const [ed, so] = peopleOf(teamOf(g, 'scot'))
    expect(so?.weeks[0]).toMatchObject({ capacity: 30, bookedHours: 30, utilization: 1 })
    expect((await detail(s, '2026-11-30', 'scot')).bankHolidays).toEqual([
      { day: '2026-11-30', name: expect.stringMatching(/Andrew/) },
    ])
    expect(ed?.weeks[0]).toMatchObject({ capacity: 37.5, bookedHours: 37.5, utilization: 1 })
    expect((await detail(e, '2026-11-30', 'scot')).bankHolidays).toEqual([])
    // The team: the sums of its people's days.
    expect(teamOf(g, 'scot').weeks[0]).toMatchObject({ capacity: 67.5, bookedHours: 67.5 })
  })

  it('a part-timer Monday to Wednesday, booked by percent', async () => {
    const t = await rows.team('part')
    const p = await rows.person(t.id, 'Priya', { hours: 22.5, workingDays: [1, 2, 3] })
    await rows.allocate(p, { firstDay: '2026-08-24', lastDay: '2026-09-13', percent: 50 })
    const g = await grid('from=2026-08-24&to=2026-09-06&team=part')
    const weeks = teamOf(g, 'part').weeks
    // 22.5 h over 3 days = 7.5 h a day; 50% = 11.25 h a week, 3.75 h a working day.
    expect(week(weeks, '2026-08-24')).toMatchObject({
      capacity: 22.5,
      bookedHours: 11.25,
      utilization: 0.5,
      freeHours: 11.25,
    })
    // Summer bank holiday, Monday 31 August: 2 days of 7.5 h, 2 × 3.75 h booked.
    expect(week(weeks, '2026-08-31')).toMatchObject({
      capacity: 15,
      bookedHours: 7.5,
      utilization: 0.5,
    })
  })

  it('a person joining mid-week counts from their first day', async () => {
    const t = await rows.team('join')
    const j = await rows.person(t.id, 'Jonah', { startDate: '2026-12-02' })
    await rows.allocate(j, { firstDay: '2026-11-30', lastDay: '2026-12-13', hoursPerWeek: 37.5 })
    const g = await grid('from=2026-11-23&to=2026-12-13&team=join')
    const weeks = teamOf(g, 'join').weeks
    // Not yet employed: nothing at all.
    expect(week(weeks, '2026-11-23')).toMatchObject({
      capacity: 0,
      bookedHours: 0,
      utilization: null,
    })
    // Wednesday to Friday: 22.5 h, and the booking only on those days.
    expect(week(weeks, '2026-11-30')).toMatchObject({
      capacity: 22.5,
      bookedHours: 22.5,
      utilization: 1,
    })
    expect(week(weeks, '2026-12-07')).toMatchObject({ capacity: 37.5, bookedHours: 37.5 })
  })

  it('tentative work counts only in the what-if', async () => {
    const t = await rows.team('tent')
    const p = await rows.person(t.id, 'Tom')
    await rows.allocate(p, { firstDay: '2026-12-07', lastDay: '2026-12-13', hoursPerWeek: 20 })
    await rows.allocate(p, {
      firstDay: '2026-12-07',
      lastDay: '2026-12-13',
      hoursPerWeek: 20,
      status: 'tentative',
    })
    const off = week(
      teamOf(await grid('from=2026-12-07&to=2026-12-13&team=tent'), 'tent').weeks,
      '2026-12-07',
    )
    expect(off).toMatchObject({
      bookedHours: 20,
      utilization: 20 / 37.5,
      utilizationConfirmed: 20 / 37.5,
      utilizationWithTentative: 40 / 37.5,
      freeHours: 17.5,
      overHours: 0,
      overAllocated: false,
    })
    expect(off.booked).toEqual({
      confirmed: { project: 0, run: 20, support: 0 },
      tentative: { project: 0, run: 20, support: 0 },
    })
    const on = await grid('from=2026-12-07&to=2026-12-13&team=tent&includeTentative=true')
    expect(on.includeTentative).toBe(true)
    expect(week(teamOf(on, 'tent').weeks, '2026-12-07')).toMatchObject({
      bookedHours: 40,
      utilization: 40 / 37.5,
      freeHours: 0,
      overHours: 2.5,
      overAllocated: true,
    })
  })

  it('overlapping allocations add up, each shown with its own hours', async () => {
    const t = await rows.team('overlap')
    const p = await rows.person(t.id, 'Olu')
    const code = await rows.project('OVL-1')
    await rows.allocate(p, {
      firstDay: '2026-11-30',
      lastDay: '2026-12-06',
      hoursPerWeek: 20,
      projectId: code,
    })
    // Thursday on: 25 h a week = 5 h a day, 2 days of this week.
    await rows.allocate(p, {
      firstDay: '2026-12-03',
      lastDay: '2026-12-31',
      hoursPerWeek: 25,
      kind: 'support',
    })
    const g = await grid('from=2026-11-30&to=2026-12-06&team=overlap&people=true')
    const cell = peopleOf(teamOf(g, 'overlap'))[0]?.weeks[0]
    expect(cell).toMatchObject({ bookedHours: 30, utilization: 0.8 })
    expect(cell?.booked.confirmed).toEqual({ project: 20, run: 0, support: 10 })
    expect((await detail(p, '2026-11-30', 'overlap')).allocations).toEqual([
      {
        allocationId: expect.any(Number),
        kind: 'project',
        status: 'confirmed',
        project: { code: 'OVL-1', name: 'Project OVL-1' },
        hours: 20,
      },
      {
        allocationId: expect.any(Number),
        kind: 'support',
        status: 'confirmed',
        project: null,
        hours: 10,
      },
    ])
  })

  it('a team move mid-week splits the week by day between the teams', async () => {
    const a = await rows.team('move-a')
    const b = await rows.team('move-b')
    const m = await rows.person(a.id, 'Mina', { role: 'Mover' })
    await rows.allocate(m, { firstDay: '2026-11-23', lastDay: '2026-12-13', hoursPerWeek: 37.5 })
    // Moved on Thursday 3 December, as the people routes write it.
    await ctx.db
      .updateTable('teamMemberships')
      .set({ lastDay: '2026-12-02' })
      .where('personId', '=', m)
      .execute()
    await ctx.db
      .insertInto('teamMemberships')
      .values({ personId: m, teamId: b.id, firstDay: '2026-12-03', lastDay: null })
      .execute()
    await ctx.db.updateTable('people').set({ teamId: b.id }).where('id', '=', m).execute()
    const g = await grid('from=2026-11-23&to=2026-12-13&role=mover&people=true')
    expect(g.teams.map((t) => t.slug)).toEqual(['move-a', 'move-b'])
    const [before, moved, after] = ['2026-11-23', '2026-11-30', '2026-12-07']
    expect(week(teamOf(g, 'move-a').weeks, before)).toMatchObject({
      capacity: 37.5,
      bookedHours: 37.5,
    })
    expect(week(teamOf(g, 'move-b').weeks, before)).toMatchObject({ capacity: 0, bookedHours: 0 })
    // Monday to Wednesday with the old team, Thursday and Friday with the new.
    expect(week(teamOf(g, 'move-a').weeks, moved)).toMatchObject({
      capacity: 22.5,
      bookedHours: 22.5,
    })
    expect(week(teamOf(g, 'move-b').weeks, moved)).toMatchObject({ capacity: 15, bookedHours: 15 })
    expect(week(teamOf(g, 'move-a').weeks, after)).toMatchObject({ capacity: 0 })
    expect(week(teamOf(g, 'move-b').weeks, after)).toMatchObject({ capacity: 37.5 })
    expect(week(g.total, moved)).toMatchObject({ capacity: 37.5, bookedHours: 37.5 })
    const inA = peopleOf(teamOf(g, 'move-a'))[0]?.weeks.map((w) => w.inTeam)
    expect(inA).toEqual([true, true, false])
    // Behind each team's cell of the week she moved, her days in that team; the whole week without.
    const hoursIn = async (team?: string) =>
      (await detail(m, moved, team)).allocations.map((x) => x.hours)
    expect(await hoursIn('move-a')).toEqual([22.5])
    expect(await hoursIn('move-b')).toEqual([15])
    expect(await hoursIn()).toEqual([37.5])
    expect(await hoursIn('overlap')).toEqual([])
  })

  it('a closure day lowers capacity and the booking alike', async () => {
    const t = await rows.team('closed')
    const p = await rows.person(t.id, 'Cleo')
    await rows.allocate(p, { firstDay: '2026-12-28', lastDay: '2027-01-03', hoursPerWeek: 20 })
    const g = await grid('from=2026-12-28&to=2027-01-03&team=closed')
    // Mon 28 (holiday), Tue 29 (closure), Fri 1 (holiday): Wed and Thu, 15 h; 20 / 5 × 2 = 8 h.
    expect(teamOf(g, 'closed').weeks[0]).toMatchObject({
      capacity: 15,
      bookedHours: 8,
      freeHours: 7,
    })
  })

  it('incident toil: command capped at the working day, overlaps once, plus logged hours', async () => {
    const t = await rows.team('toil')
    const p = await rows.person(t.id, 'Ines')
    const incident = async (ref: string, ack: string, resolved: string | null) =>
      (
        await ctx.db
          .insertInto('incidents')
          .values({
            ref,
            title: ref,
            severity: 'SEV2',
            startedAt: ack,
            acknowledgedAt: ack,
            resolvedAt: resolved,
            status: resolved === null ? 'acknowledged' : 'resolved',
            commanderPersonId: p,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    // 10 h on Tuesday (capped at 7.5 h), another inside it; two overlapping 3 h on Wednesday
    // (4 h, not 6); 2 h each side of Thursday's midnight (London is on UTC in December); and one
    // still open since 09:00 today.
    const long = await incident('TOIL-1', '2026-12-01T08:00:00Z', '2026-12-01T18:00:00Z')
    await incident('TOIL-2', '2026-12-01T09:00:00Z', '2026-12-01T12:00:00Z')
    await incident('TOIL-5', '2026-12-02T09:00:00Z', '2026-12-02T12:00:00Z')
    await incident('TOIL-6', '2026-12-02T10:00:00Z', '2026-12-02T13:00:00Z')
    await incident('TOIL-3', '2026-12-03T22:00:00Z', '2026-12-04T02:00:00Z')
    await incident('TOIL-4', '2026-11-25T09:00:00Z', null)
    await ctx.db
      .insertInto('incidentResponderHours')
      .values({ incidentId: long, personId: p, day: '2026-12-02', hours: 2 })
      .execute()
    const g = await grid('from=2026-11-23&to=2026-12-06&team=toil')
    const weeks = teamOf(g, 'toil').weeks
    // Now is 12:00: 3 h of the open incident.
    expect(week(weeks, '2026-11-23')).toMatchObject({ toil: 3, focus: 34.5 })
    // 7.5 + (4 + 2 logged) + 2 + 2 = 17.5 h; focus 37.5 − 17.5 = 20 h.
    expect(week(weeks, '2026-11-30')).toMatchObject({ toil: 17.5, focus: 20, effective: 37.5 })
  })

  it('answers the teams only unless people=true, with the same sums either way', async () => {
    const t = await rows.team('lean')
    const l = await rows.person(t.id, 'Lena')
    const k = await rows.person(t.id, 'Kofi', { role: 'Analyst' })
    await rows.allocate(l, { firstDay: '2026-11-23', lastDay: '2026-11-29', hoursPerWeek: 30 })
    await rows.allocate(k, { firstDay: '2026-11-23', lastDay: '2026-11-29', hoursPerWeek: 15 })
    const lean = await grid('from=2026-11-23&to=2026-11-29')
    const team = teamOf(lean, 'lean')
    expect(team).toMatchObject({ headcount: 2, people: null })
    expect(team.weeks[0]).toMatchObject({ capacity: 75, bookedHours: 45, utilization: 0.6 })
    expect(lean.teams.every((x) => x.people === null)).toBe(true)
    const full = await grid('from=2026-11-23&to=2026-11-29&people=true')
    expect(teamOf(full, 'lean')).toEqual({
      ...team,
      people: [
        {
          id: k,
          name: 'Kofi',
          role: 'Analyst',
          weeks: [expect.objectContaining({ inTeam: true })],
        },
        {
          id: l,
          name: 'Lena',
          role: 'Engineer',
          weeks: [expect.objectContaining({ inTeam: true })],
        },
      ],
    })
    expect(full.total).toEqual(lean.total)
    expect(peopleOf(teamOf(full, 'lean'))[1]?.weeks[0]).toMatchObject({
      capacity: 37.5,
      bookedHours: 30,
      utilization: 0.8,
    })
  })

  it('the detail of a week: half-day leave, a week before they joined, refusals', async () => {
    const t = await rows.team('detail')
    const d = await rows.person(t.id, 'Dara', { startDate: '2026-11-25' })
    await rows.leave(d, '2026-11-26', '2026-11-26', true)
    await rows.leave(d, '2026-11-27')
    const week = await detail(d, '2026-11-23')
    expect(week).toMatchObject({ person: { id: d, name: 'Dara' }, week: '2026-11-23', team: null })
    expect(week.timeOff).toEqual([
      { day: '2026-11-26', share: 0.5 },
      { day: '2026-11-27', share: 1 },
    ])
    expect(week.timeOffDays).toBe(1.5)
    // Before their first day: nothing behind the cell, but the person is known.
    const before = await detail(d, '2026-11-16', 'detail')
    expect(before).toMatchObject({ team: 'detail', timeOff: [], allocations: [], bankHolidays: [] })
    const missing = await ctx.app.request('/api/v1/capacity/people/999999/weeks/2026-11-23', {
      headers,
    })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: { code: 'person_not_found' } })
    const bad = await ctx.app.request(`/api/v1/capacity/people/${d}/weeks/2026-02-30`, { headers })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { details: [{ path: 'param.week' }] } })
  })

  it('filters by team and role; an unknown team has no rows', async () => {
    const t = await rows.team('filter')
    await rows.person(t.id, 'Fay', { role: 'Filter Analyst' })
    await rows.person(t.id, 'Fred', { role: 'Engineer' })
    const g = await grid(
      'from=2026-11-23&to=2026-11-29&team=filter&role=filter%20analyst&people=true',
    )
    expect(g.teams.map((x) => [x.slug, x.headcount, peopleOf(x).map((p) => p.name)])).toEqual([
      ['filter', 1, ['Fay']],
    ])
    expect(g.total[0]).toMatchObject({ capacity: 37.5 })
    const none = await grid('from=2026-11-23&to=2026-11-29&team=no-such-team')
    expect(none.teams).toEqual([])
    expect(none.total[0]).toMatchObject({ capacity: 0, utilization: null })
  })
})

describe('GET /api/v1/capacity refusals', () => {
  const refused = async (query: string) => {
    const res = await ctx.app.request(`/api/v1/capacity?${query}`, { headers })
    expect(res.status).toBe(400)
    return ((await res.json()) as { error: { code: string; details: { path: string }[] } }).error
  }

  it('names the field', async () => {
    expect((await refused('from=2026-02-30')).details[0]?.path).toBe('query.from')
    expect((await refused('to=next-week')).details[0]?.path).toBe('query.to')
    expect((await refused('includeTentative=yes')).details[0]?.path).toBe('query.includeTentative')
    const reversed = await refused('from=2026-12-07&to=2026-11-30')
    expect(reversed.code).toBe('invalid_range')
    expect(reversed.details[0]?.path).toBe('query.from')
  })

  it('refuses more than 60 weeks, naming the bound given', async () => {
    const long = await refused('from=2026-01-05&to=2027-03-01')
    expect(long).toMatchObject({ code: 'invalid_range', details: [{ path: 'query.to' }] })
    expect(long.details[0]).toMatchObject({
      message: expect.stringMatching(/at most 60 ISO weeks/),
    })
    // From alone: the default end (12 weeks ahead) makes it too long.
    expect((await refused('from=2025-01-06')).details[0]?.path).toBe('query.from')
    // 60 weeks exactly is fine.
    const res = await ctx.app.request('/api/v1/capacity?from=2026-01-05&to=2027-02-28', { headers })
    expect(res.status).toBe(200)
  })
})
