import { beforeAll, describe, expect, it } from 'vitest'
import { createToken, expectMatches, loginAs, useClockedApp } from '../../../test/helpers.ts'
import { PeopleList, PersonRecord } from './schemas.ts'
import {
  addPerson,
  auditRows,
  changesNothing,
  expectRefused,
  newTeam,
  send,
} from './test-fixtures.ts'

// Noon in London on Wednesday 4 November 2026.
const ctx = useClockedApp(new Date('2026-11-04T12:00:00Z'))
let manager: Awaited<ReturnType<typeof loginAs>>
let viewer: Awaited<ReturnType<typeof loginAs>>
beforeAll(async () => {
  manager = await loginAs(ctx, 'manager')
  viewer = await loginAs(ctx, 'viewer')
})

const move = (id: number, body: unknown, headers: Record<string, string> = manager.headers) =>
  send(ctx, 'POST', `/api/v1/people/${id}/moves`, body, headers)
async function record(id: number, headers: Record<string, string> = viewer.headers) {
  const res = await ctx.app.request(`/api/v1/people/${id}`, { headers })
  expect(res.status).toBe(200)
  return expectMatches(PersonRecord, await res.json())
}
const ref = (t: { id: number; slug: string; name: string }) => ({
  id: t.id,
  slug: t.slug,
  name: t.name,
})

describe('POST /people/:id/moves', () => {
  it('ends the old membership the day before, opens the new one, sets the team, audited', async () => {
    const platform = await newTeam(ctx.db, 'Platform')
    const data = await newTeam(ctx.db, 'Data')
    const payments = await newTeam(ctx.db, 'Payments')
    const person = await addPerson(ctx.db, platform.id, { startDate: '2025-01-06' })

    // From Monday 2 November (a move entered two days late).
    const res = await move(person.id, { teamId: data.id, from: '2026-11-02' })
    expect(res.status, await res.clone().text()).toBe(201)
    const moved = expectMatches(PersonRecord, await res.json())
    expect(moved.team).toEqual(ref(data))
    expect(moved.memberships).toEqual([
      { team: ref(data), firstDay: '2026-11-02', lastDay: null },
      { team: ref(platform), firstDay: '2025-01-06', lastDay: '2026-11-01' },
    ])
    expect(moved.updatedAt).toBe('2026-11-04T12:00:00.000Z')
    const [audit] = await auditRows(ctx.db, 'person', person.id)
    expect(audit).toMatchObject({
      actorUserId: manager.user.id,
      action: 'move',
      changes: {
        teamId: { from: platform.id, to: data.id },
        team: { from: platform.slug, to: data.slug },
        firstDay: '2026-11-02',
      },
    })

    // Again, from 1 March 2027: GET /people/:id has the whole history, newest first.
    expect((await move(person.id, { teamId: payments.id, from: '2027-03-01' })).status).toBe(201)
    expect((await record(person.id)).memberships).toEqual([
      { team: ref(payments), firstDay: '2027-03-01', lastDay: null },
      { team: ref(data), firstDay: '2026-11-02', lastDay: '2027-02-28' },
      { team: ref(platform), firstDay: '2025-01-06', lastDay: '2026-11-01' },
    ])
  })

  it('a move from a later day leaves them in their team until then, in every read', async () => {
    const platform = await newTeam(ctx.db, 'Platform')
    const data = await newTeam(ctx.db, 'Data')
    const person = await addPerson(ctx.db, platform.id, { startDate: '2025-01-06' })
    await ctx.db
      .insertInto('allocations')
      .values({
        personId: person.id,
        kind: 'run',
        firstDay: '2026-11-02',
        lastDay: '2026-12-31',
        hoursPerWeek: 10,
      })
      .execute()
    // From Tuesday 1 December, next month.
    const res = await move(person.id, { teamId: data.id, from: '2026-12-01' })
    expect(res.status, await res.clone().text()).toBe(201)
    const moved = expectMatches(PersonRecord, await res.json())
    expect(moved.team).toEqual(ref(platform))
    expect(moved.memberships[0]).toEqual({ team: ref(data), firstDay: '2026-12-01', lastDay: null })
    expect((await record(person.id)).team).toEqual(ref(platform))

    const get = async (path: string) => {
      const answer = await ctx.app.request(`/api/v1/${path}`, { headers: viewer.headers })
      expect(answer.status).toBe(200)
      return (await answer.json()) as Record<string, { id: number; person?: { id: number } }[]>
    }
    const listed = async (slug: string) =>
      expectMatches(PeopleList, await get(`people?team=${slug}`)).people.map((p) => p.id)
    expect(await listed(platform.slug)).toEqual([person.id])
    expect(await listed(data.slug)).toEqual([])
    const booked = async (slug: string) =>
      (await get(`allocations?team=${slug}`)).allocations?.map((a) => a.person?.id)
    expect(await booked(platform.slug)).toEqual([person.id])
    expect(await booked(data.slug)).toEqual([])
    // The teams' members count them where the people list does.
    const teams = (await get('teams')).teams as unknown as { id: number; members: number }[]
    expect(teams.find((t) => t.id === platform.id)?.members).toBe(1)
    expect(teams.find((t) => t.id === data.id)?.members).toBe(0)

    // Who has not yet started is in their first team, who has left in their last.
    const later = await addPerson(ctx.db, platform.id, { startDate: '2027-01-04' })
    expect((await move(later.id, { teamId: data.id, from: '2027-02-01' })).status).toBe(201)
    expect((await record(later.id)).team).toEqual(ref(platform))
    const left = await addPerson(ctx.db, platform.id, {
      startDate: '2025-01-06',
      endDate: '2026-10-30',
    })
    expect((await move(left.id, { teamId: data.id, from: '2026-06-01' })).status).toBe(201)
    expect((await record(left.id)).team).toEqual(ref(data))
  })

  it('refuses a day 3 years or more ahead (2999-12-31), naming json.from', async () => {
    const a = await newTeam(ctx.db)
    const b = await newTeam(ctx.db)
    const person = await addPerson(ctx.db, a.id)
    for (const from of ['2999-12-31', '2029-11-04']) {
      const res = await changesNothing(ctx.db, () => move(person.id, { teamId: b.id, from }))
      expect((await expectRefused(res, 400, 'validation_failed')).error.details).toEqual([
        {
          path: 'json.from',
          message: 'must be less than 3 years after today (2026-11-04): 2029-11-03 at the latest',
        },
      ])
    }
    expect((await move(person.id, { teamId: b.id, from: '2029-11-03' })).status).toBe(201)
  })

  it('refuses a day not after they joined the current team, naming json.from, writing nothing', async () => {
    const a = await newTeam(ctx.db)
    const b = await newTeam(ctx.db)
    const person = await addPerson(ctx.db, a.id, { startDate: '2026-03-02' })
    for (const from of ['2026-03-02', '2026-01-01']) {
      const res = await changesNothing(ctx.db, () => move(person.id, { teamId: b.id, from }))
      const body = await expectRefused(res, 400, 'validation_failed')
      expect(body.error.details).toEqual([
        { path: 'json.from', message: `must be after 2026-03-02, the day they joined ${a.slug}` },
      ])
    }
    // The day after joining is the earliest move.
    expect((await move(person.id, { teamId: b.id, from: '2026-03-03' })).status).toBe(201)
  })

  it('refuses a day after their leave date', async () => {
    const a = await newTeam(ctx.db)
    const b = await newTeam(ctx.db)
    const person = await addPerson(ctx.db, a.id, { endDate: '2026-12-31' })
    const res = await changesNothing(ctx.db, () =>
      move(person.id, { teamId: b.id, from: '2027-01-01' }),
    )
    expect((await expectRefused(res, 400, 'validation_failed')).error.details).toEqual([
      { path: 'json.from', message: 'must be on or before their leave date (2026-12-31)' },
    ])
  })

  it('refuses the same team (409), an unknown team (422) or person (404), bad bodies, viewers', async () => {
    const a = await newTeam(ctx.db)
    const person = await addPerson(ctx.db, a.id)
    let res = await changesNothing(ctx.db, () =>
      move(person.id, { teamId: a.id, from: '2026-11-09' }),
    )
    expect((await expectRefused(res, 409, 'already_in_team')).error.details?.[0]?.path).toBe(
      'json.teamId',
    )
    res = await changesNothing(ctx.db, () =>
      move(person.id, { teamId: 999_999, from: '2026-11-09' }),
    )
    await expectRefused(res, 422, 'unknown_team')
    res = await changesNothing(ctx.db, () => move(999_999, { teamId: a.id, from: '2026-11-09' }))
    await expectRefused(res, 404, 'person_not_found')
    for (const [body, path] of [
      [{ teamId: a.id }, 'json.from'],
      [{ teamId: a.id, from: '2026-11-31' }, 'json.from'],
      [{ from: '2026-11-09' }, 'json.teamId'],
      [{ teamId: 'a', from: '2026-11-09' }, 'json.teamId'],
    ] as const) {
      res = await changesNothing(ctx.db, () => move(person.id, body))
      const refused = await expectRefused(res, 400, 'validation_failed')
      expect(refused.error.details?.map((d) => d.path)).toEqual([path])
    }
    const b = await newTeam(ctx.db)
    const token = await createToken(ctx.db, ['read'])
    for (const headers of [viewer.headers, token.headers]) {
      res = await changesNothing(ctx.db, () =>
        move(person.id, { teamId: b.id, from: '2026-11-09' }, headers),
      )
      await expectRefused(res, 403, 'forbidden')
    }
  })
})

describe('GET /people/:id', () => {
  it('resolves the region: their own, or the organisation’s, saying which', async () => {
    const team = await newTeam(ctx.db)
    const person = await addPerson(ctx.db, team.id)
    expect((await record(person.id)).region).toEqual({ code: 'GB-ENG', source: 'organisation' })
    await ctx.db.updateTable('organisationSettings').set({ bankHolidayRegion: 'GB-SCT' }).execute()
    try {
      expect((await record(person.id)).region).toEqual({ code: 'GB-SCT', source: 'organisation' })
      await ctx.db
        .updateTable('people')
        .set({ bankHolidayRegion: 'GB-NIR' })
        .where('id', '=', person.id)
        .execute()
      const token = await createToken(ctx.db, ['read'])
      expect(await record(person.id, token.headers)).toMatchObject({
        bankHolidayRegion: 'GB-NIR',
        region: { code: 'GB-NIR', source: 'person' },
      })
    } finally {
      await ctx.db
        .updateTable('organisationSettings')
        .set({ bankHolidayRegion: 'GB-ENG' })
        .execute()
    }
  })

  it('answers 404 for nobody and 400 for a bad id', async () => {
    let res = await ctx.app.request('/api/v1/people/999999', { headers: viewer.headers })
    await expectRefused(res, 404, 'person_not_found')
    res = await ctx.app.request('/api/v1/people/1e3', { headers: viewer.headers })
    expect((await expectRefused(res, 400, 'validation_failed')).error.details?.[0]?.path).toBe(
      'param.id',
    )
  })
})
