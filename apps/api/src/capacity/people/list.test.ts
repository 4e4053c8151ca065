import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorEnvelope } from '../../lib/openapi.ts'
import { MAX_PEOPLE, PeopleList } from './schemas.ts'
import {
  createToken,
  expectMatches,
  loginAs,
  setupApp,
  type TestApp,
} from '../../../test/helpers.ts'

// Noon in London on Wednesday 4 November 2026: "today" is the 4th there (UTC+0 in November).
const NOW = new Date('2026-11-04T12:00:00Z')
let ctx: TestApp
let viewer: Awaited<ReturnType<typeof loginAs>>
let n = 0
beforeAll(async () => {
  ctx = await setupApp(NOW)
  viewer = await loginAs(ctx, 'viewer')
})
afterAll(() => ctx.drop())

/** A team of its own, so a test can list only its own people (`?team=`). */
async function newTeam(name = 'Team') {
  n += 1
  return ctx.db
    .insertInto('teams')
    .values({ slug: `people-${n}`, name: `${name} ${n}` })
    .returning(['id', 'slug', 'name'])
    .executeTakeFirstOrThrow()
}

type NewPerson = {
  name: string
  email?: string
  startDate?: string
  endDate?: string
  role?: string
  skills?: string[]
}
async function addPeople(teamId: number, people: NewPerson[]) {
  await ctx.db
    .insertInto('people')
    .values(
      people.map((p) => ({
        teamId,
        name: p.name,
        email: p.email ?? null,
        role: p.role ?? 'Engineer',
        skills: p.skills ?? [],
        contractedHoursPerWeek: 37.5,
        startDate: p.startDate ?? null,
        endDate: p.endDate ?? null,
      })),
    )
    .execute()
}

async function list(
  query: Record<string, string>,
  headers: Record<string, string> = viewer.headers,
) {
  const res = await ctx.app.request(`/api/v1/people?${new URLSearchParams(query).toString()}`, {
    headers,
  })
  expect(res.status).toBe(200)
  return expectMatches(PeopleList, await res.json())
}
const names = async (query: Record<string, string>) => (await list(query)).people.map((p) => p.name)

describe('GET /people', () => {
  it('lists the people working here today by name, with their email and team', async () => {
    const team = await newTeam('Platform')
    await addPeople(team.id, [
      { name: 'Grace Hopper', email: 'grace@example.test' },
      { name: 'Ada Lovelace' },
      { name: 'Left yesterday', endDate: '2026-11-03' },
      { name: 'Leaves today', endDate: '2026-11-04' },
      { name: 'Starts tomorrow', startDate: '2026-11-05' },
      { name: 'Started today', startDate: '2026-11-04', endDate: '2027-01-31' },
    ])
    const body = await list({ team: team.slug })
    expect(body.truncated).toBe(false)
    expect(body.people.map((p) => p.name)).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      'Leaves today',
      'Started today',
    ])
    const teamOf = { id: team.id, slug: team.slug, name: team.name }
    // The fields the projects' and incidents' pickers read, and what capacity plans with.
    expect(body.people[0]).toEqual({
      id: expect.any(Number),
      name: 'Ada Lovelace',
      email: null,
      team: teamOf,
      role: 'Engineer',
      skills: [],
      contractedHoursPerWeek: 37.5,
      workingDays: [1, 2, 3, 4, 5],
      costRatePencePerHour: 0,
      startDate: null,
      endDate: null,
      bankHolidayRegion: null,
    })
    expect(body.people[1]).toMatchObject({ email: 'grace@example.test', team: teamOf })
  })

  it('decides who has left by the organisation’s calendar day', async () => {
    const team = await newTeam()
    await addPeople(team.id, [{ name: 'Left on the 4th', endDate: '2026-11-04' }])
    expect(await names({ team: team.slug })).toEqual(['Left on the 4th'])
    // Noon UTC on the 4th is 01:00 on the 5th in Auckland (UTC+13): the 4th is over there.
    await ctx.db.updateTable('organisationSettings').set({ timezone: 'Pacific/Auckland' }).execute()
    try {
      expect(await names({ team: team.slug })).toEqual([])
    } finally {
      await ctx.db.updateTable('organisationSettings').set({ timezone: 'Europe/London' }).execute()
    }
  })

  it('filters by part of the name, in any case, trimmed, % and _ taken literally', async () => {
    const team = await newTeam()
    await addPeople(team.id, [
      { name: 'Margaret Hamilton' },
      { name: 'Katherine Johnson' },
      { name: 'Dorothy Vaughan' },
      { name: '100% Uptime_Bot' },
    ])
    const team2 = await newTeam()
    await addPeople(team2.id, [{ name: 'Hamish Ham' }])
    expect(await names({ team: team.slug, q: '  HAM ' })).toEqual(['Margaret Hamilton'])
    expect(await names({ team: team.slug, q: 'tH' })).toEqual([
      'Dorothy Vaughan',
      'Katherine Johnson',
    ])
    expect(await names({ team: team.slug, q: '%' })).toEqual(['100% Uptime_Bot'])
    expect(await names({ team: team.slug, q: 'n_' })).toEqual([])
    expect(await names({ team: team.slug, q: '   ' })).toHaveLength(4)
    // Without the team, the name alone: people of both teams.
    expect(await names({ q: 'ham' })).toEqual(
      expect.arrayContaining(['Hamish Ham', 'Margaret Hamilton']),
    )
  })

  it('lists those who have left or not yet started too with includeLeft=true', async () => {
    const team = await newTeam()
    await addPeople(team.id, [
      { name: 'Left yesterday', endDate: '2026-11-03' },
      { name: 'Here' },
      { name: 'Starts tomorrow', startDate: '2026-11-05' },
    ])
    expect(await names({ team: team.slug, includeLeft: 'true' })).toEqual([
      'Here',
      'Left yesterday',
      'Starts tomorrow',
    ])
    expect(await names({ team: team.slug, includeLeft: 'false' })).toEqual(['Here'])
    const left = (await list({ team: team.slug, includeLeft: 'true' })).people[1]
    expect(left).toMatchObject({ name: 'Left yesterday', endDate: '2026-11-03' })
  })

  it('filters by role and by skill, whole and in any case', async () => {
    const team = await newTeam()
    await addPeople(team.id, [
      { name: 'Ada', role: 'SRE', skills: ['Kubernetes', 'Go'] },
      { name: 'Bea', role: 'Engineer', skills: ['go', 'React'] },
      { name: 'Cy', role: 'Site Reliability Engineer', skills: ['Golang'] },
    ])
    expect(await names({ team: team.slug, role: 'sre' })).toEqual(['Ada'])
    expect(await names({ team: team.slug, role: ' engineer ' })).toEqual(['Bea'])
    expect(await names({ team: team.slug, skill: 'GO' })).toEqual(['Ada', 'Bea'])
    expect(await names({ team: team.slug, skill: 'kubernetes', role: 'SRE' })).toEqual(['Ada'])
    expect(await names({ team: team.slug, skill: 'Rust' })).toEqual([])
  })

  it('filters by team: an unknown team has nobody', async () => {
    const a = await newTeam()
    const b = await newTeam()
    await addPeople(a.id, [{ name: 'In A' }])
    await addPeople(b.id, [{ name: 'In B' }])
    expect(await names({ team: a.slug })).toEqual(['In A'])
    expect(await names({ team: 'no-such-team' })).toEqual([])
  })

  it(`answers at most ${MAX_PEOPLE} people, and says when more matched`, async () => {
    const team = await newTeam()
    const many = Array.from({ length: MAX_PEOPLE + 1 }, (_, i) => ({
      name: `Person ${String(i).padStart(3, '0')}`,
    }))
    await addPeople(team.id, many)
    const body = await list({ team: team.slug })
    expect(body.people).toHaveLength(MAX_PEOPLE)
    expect(body.truncated).toBe(true)
    expect(body.people.at(-1)?.name).toBe(`Person ${MAX_PEOPLE - 1}`)
    const fewer = await list({ team: team.slug, q: 'Person 00' })
    expect(fewer.people).toHaveLength(10)
    expect(fewer.truncated).toBe(false)
  })

  it('refuses a bad filter with 400, naming it', async () => {
    for (const [query, path] of [
      [{ q: 'x'.repeat(101) }, 'query.q'],
      [{ q: 'nul\0' }, 'query.q'],
      [{ team: 'Not A Slug' }, 'query.team'],
      [{ includeLeft: 'yes' }, 'query.includeLeft'],
      [{ role: 'x'.repeat(81) }, 'query.role'],
      [{ skill: 'x'.repeat(41) }, 'query.skill'],
    ] as const) {
      const res = await ctx.app.request(`/api/v1/people?${new URLSearchParams(query).toString()}`, {
        headers: viewer.headers,
      })
      expect(res.status, JSON.stringify(query)).toBe(400)
      const { error } = expectMatches(errorEnvelope(['validation_failed']), await res.json())
      expect(error.details?.map((d) => d.path)).toEqual([path])
    }
  })

  it('is read by read tokens too', async () => {
    const team = await newTeam()
    await addPeople(team.id, [{ name: 'Token reader' }])
    const token = await createToken(ctx.db, ['read'])
    expect((await list({ team: team.slug }, token.headers)).people.map((p) => p.name)).toEqual([
      'Token reader',
    ])
  })
})
