import { beforeAll, describe, expect, it } from 'vitest'
import { loginAs, useClockedApp } from '../../test/helpers.ts'
import { getOrganisation } from '../lib/organisation.ts'
import { capacityRows } from './grid/fixture.ts'
import { isoWeekNumber, weeksInWords } from './project-risk.ts'
import { type CapacityRisk, projectCapacityRisks } from './queries.ts'

// The projects' risk from capacity over a worked example. Now: Wednesday 9 December 2026, so the
// four weeks are 7 (ISO 50), 14 (51), 21 (52, Christmas Day on Friday) and 28 December (53, with
// Monday 28 December and Friday 1 January bank holidays). Everyone works 37.5 h, 7.5 h a day.
//   ATLAS  A: 20 h on it, 25 h of run work in weeks 51–52: 45 / 37.5 = 120%, and 36 / 30 = 120%.
//          B: 37.5 h on it, 5 h of support in week 52: 34 / 30 = 113%.
//          C: 10 h on it; half a day off in week 51 (10%: not away); 21–22 December off in
//             week 52 (2 of its 4 working days: away), 29–30 December in week 53 (2 of 3: away).
//          D: 10 h on it, 29.5 h of run work in week 50: 39.5 / 37.5 = 105%, not over 110%;
//             21–22 December off in week 52 (away).
//          E: 10 h on it, nothing else; a day off in week 51 (1 of 5: not away).
//          J: 10 h on it; 23–24 December off in week 52 (away).
//          F: tentative only (counted apart, not in the risk), on leave all of week 50.
//          G: on it until November only, over-booked now: not one of its people.
//          H: on it from week 2 only (after the four weeks): not one of its people.
//   → 6 people (1 tentative): A and B over 110% in weeks 51–52; C, D and J away in week 52, half
//     of the 6 (short of people); C alone away in week 53 (1 of 6: not short).
//   BETA   I: on it in week 50 only; over 110% in week 52, when not on it: no risk.
//   QUIET  E alone: no risk.
//   DONE   closed, with A on it: in the risks, but the portfolio leaves it out (not live).
const NOW = new Date('2026-12-09T12:00:00Z')
const ctx = useClockedApp(NOW)
const rows = capacityRows(() => ctx.db)
let risks: Map<string, CapacityRisk>

beforeAll(async () => {
  const t = await rows.team('risk')
  const [atlas, beta, quiet] = [
    await rows.project('ATLAS'),
    await rows.project('BETA'),
    await rows.project('QUIET'),
  ]
  const done = (
    await ctx.db
      .insertInto('projects')
      .values({
        code: 'DONE',
        name: 'Done',
        status: 'closed',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
  const weeks = { firstDay: '2026-12-07', lastDay: '2027-01-03' }
  const [a, b, c, d, e, f, g, h, i, j] = await Promise.all(
    ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((n) => rows.person(t.id, n)),
  )
  if (j === undefined) throw new Error('ten people')
  const on = (person: number | undefined, projectId: number, hoursPerWeek: number, span = weeks) =>
    rows.allocate(person ?? 0, { ...span, projectId, hoursPerWeek })
  const run = (person: number | undefined, firstDay: string, lastDay: string, hours: number) =>
    rows.allocate(person ?? 0, { firstDay, lastDay, hoursPerWeek: hours })
  await on(a, atlas, 20)
  await run(a, '2026-12-14', '2026-12-27', 25)
  await on(a, done, 10)
  await on(b, atlas, 37.5)
  await rows.allocate(b ?? 0, {
    firstDay: '2026-12-21',
    lastDay: '2026-12-27',
    hoursPerWeek: 5,
    kind: 'support',
  })
  await on(c, atlas, 10)
  await rows.leave(c ?? 0, '2026-12-16', '2026-12-16', true)
  await rows.leave(c ?? 0, '2026-12-21', '2026-12-22')
  await rows.leave(c ?? 0, '2026-12-29', '2026-12-30')
  await on(d, atlas, 10)
  await run(d, '2026-12-07', '2026-12-13', 29.5)
  await rows.leave(d ?? 0, '2026-12-21', '2026-12-22')
  await on(e, atlas, 10)
  await on(e, quiet, 10)
  await rows.leave(e ?? 0, '2026-12-14')
  await on(j, atlas, 10)
  await rows.leave(j, '2026-12-23', '2026-12-24')
  await rows.allocate(f ?? 0, { ...weeks, projectId: atlas, hoursPerWeek: 20, status: 'tentative' })
  await rows.leave(f ?? 0, '2026-12-07', '2026-12-11')
  await on(g, atlas, 20, { firstDay: '2026-11-02', lastDay: '2026-11-29' })
  await run(g, '2026-12-07', '2027-01-03', 60)
  await on(h, atlas, 20, { firstDay: '2027-01-11', lastDay: '2027-01-31' })
  await run(h, '2026-12-07', '2027-01-03', 60)
  await on(i, beta, 20, { firstDay: '2026-12-07', lastDay: '2026-12-13' })
  await run(i, '2026-12-21', '2026-12-27', 45)
  risks = await projectCapacityRisks(ctx.db, { now: NOW, org: await getOrganisation(ctx.db) })
})

describe('project risk from capacity', () => {
  it('counts its people over 110%, and away in a week half of them are, in the weeks on it', () => {
    expect(risks.get('ATLAS')).toEqual({
      people: { confirmed: 6, tentative: 1 },
      overbooked: { count: 2, weeks: ['2026-12-14', '2026-12-21'] },
      onLeave: { count: 3, weeks: ['2026-12-21'] },
      text: '2 of 6 people booked over 110% in weeks 51–52; 3 of 6 on leave half the week or more in week 52',
    })
  })

  it('leaves out projects whose people are fine in the weeks they are on them', () => {
    expect(risks.has('BETA')).toBe(false)
    expect(risks.has('QUIET')).toBe(false)
    // A alone, over 110% in weeks 51–52.
    expect(risks.get('DONE')?.text).toBe('1 of 1 person booked over 110% in weeks 51–52')
  })

  it('is on each live project of GET /portfolio, null when none', async () => {
    const { headers } = await loginAs(ctx, 'viewer')
    const res = await ctx.app.request('/api/v1/portfolio?status=active,closed', { headers })
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      projects: { code: string; capacityRisk: CapacityRisk | null }[]
    }
    const byCode = Object.fromEntries(body.projects.map((p) => [p.code, p.capacityRisk]))
    expect(byCode).toEqual({
      ATLAS: risks.get('ATLAS'),
      BETA: null,
      QUIET: null,
      DONE: null, // closed: not live
    })
  })
})

describe('GET /api/v1/projects/:code/capacity-risk', () => {
  it('is one project’s risk, worked from its people only; null when none or not live', async () => {
    const { headers } = await loginAs(ctx, 'viewer')
    const get = async (code: string) => {
      const res = await ctx.app.request(`/api/v1/projects/${code}/capacity-risk`, { headers })
      return { status: res.status, body: (await res.json()) as Record<string, unknown> }
    }
    const window = { from: '2026-12-07', to: '2027-01-03' }
    const definitions = { risk: 'projectCapacityRisk' }
    expect(await get('ATLAS')).toEqual({
      status: 200,
      body: { ...window, live: true, risk: risks.get('ATLAS'), definitions },
    })
    expect((await get('BETA')).body).toEqual({ ...window, live: true, risk: null, definitions })
    expect((await get('DONE')).body).toEqual({ ...window, live: false, risk: null, definitions })
    expect(await get('NOPE')).toMatchObject({
      status: 404,
      body: { error: { code: 'project_not_found' } },
    })
    expect((await get('bad code')).status).toBe(400)
  })
})

describe('weeks in words', () => {
  it('numbers ISO weeks and joins runs, across a year end', () => {
    expect(isoWeekNumber('2026-12-28')).toBe(53)
    expect(isoWeekNumber('2027-01-04')).toBe(1)
    expect(weeksInWords(['2026-12-21'])).toBe('week 52')
    expect(
      weeksInWords(['2026-11-30', '2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04']),
    ).toBe('weeks 49, 51–53, 1')
  })
})
