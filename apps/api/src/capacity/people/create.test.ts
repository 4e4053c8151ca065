import { MAX_SKILLS, SKILL_MAX_LENGTH } from '@opsdeck/contract'
import { beforeAll, describe, expect, it } from 'vitest'
import { createToken, expectMatches, loginAs, useClockedApp } from '../../../test/helpers.ts'
import { PersonRecord } from './schemas.ts'
import { auditRows, changesNothing, expectRefused, newTeam, send } from './test-fixtures.ts'

// Noon in London on Wednesday 4 November 2026.
const ctx = useClockedApp(new Date('2026-11-04T12:00:00Z'))
let manager: Awaited<ReturnType<typeof loginAs>>
let viewer: Awaited<ReturnType<typeof loginAs>>
let team: { id: number; slug: string; name: string }
beforeAll(async () => {
  manager = await loginAs(ctx, 'manager')
  viewer = await loginAs(ctx, 'viewer')
  team = await newTeam(ctx.db, 'Platform')
})

const post = (body: unknown, headers: Record<string, string> = manager.headers) =>
  send(ctx, 'POST', '/api/v1/people', body, headers)
const valid = (over: Record<string, unknown> = {}) => ({
  name: 'Mary Jackson',
  role: 'Engineer',
  contractedHoursPerWeek: 37.5,
  teamId: team.id,
  ...over,
})

describe('POST /people', () => {
  it('adds a part-timer with their pattern, skills and region, in a team from their start day', async () => {
    const res = await post(
      valid({
        name: '  Dorothy Vaughan ',
        email: 'Dorothy.Vaughan@Example.test',
        role: 'Site Reliability Engineer',
        skills: [' Kubernetes ', 'go', 'kubernetes', 'Go', 'Terraform'],
        contractedHoursPerWeek: 22.5,
        workingDays: [3, 1, 2],
        costRatePencePerHour: 6500,
        startDate: '2026-11-09',
        endDate: '2027-06-30',
        bankHolidayRegion: 'GB-SCT',
      }),
    )
    expect(res.status, await res.clone().text()).toBe(201)
    const person = expectMatches(PersonRecord, await res.json())
    expect(person).toEqual({
      id: expect.any(Number),
      name: 'Dorothy Vaughan',
      email: 'dorothy.vaughan@example.test',
      team: { id: team.id, slug: team.slug, name: team.name },
      role: 'Site Reliability Engineer',
      // Trimmed, the first spelling of each kept.
      skills: ['Kubernetes', 'go', 'Terraform'],
      contractedHoursPerWeek: 22.5,
      workingDays: [1, 2, 3],
      costRatePencePerHour: 6500,
      startDate: '2026-11-09',
      endDate: '2027-06-30',
      bankHolidayRegion: 'GB-SCT',
      region: { code: 'GB-SCT', source: 'person' },
      // The insert trigger opened it.
      memberships: [
        {
          team: { id: team.id, slug: team.slug, name: team.name },
          firstDay: '2026-11-09',
          lastDay: null,
        },
      ],
      createdAt: '2026-11-04T12:00:00.000Z',
      updatedAt: '2026-11-04T12:00:00.000Z',
    })
    const [audit] = await auditRows(ctx.db, 'person', person.id)
    expect(audit).toMatchObject({ actorUserId: manager.user.id, action: 'create' })
    expect(audit?.changes).toMatchObject({
      name: { from: null, to: 'Dorothy Vaughan' },
      workingDays: { from: null, to: [1, 2, 3] },
      teamId: { from: null, to: team.id },
    })
  })

  it('fills in the defaults: Monday to Friday, no cost, the organisation’s region', async () => {
    const res = await post(valid({ name: 'Default Dan' }))
    expect(res.status).toBe(201)
    const person = expectMatches(PersonRecord, await res.json())
    expect(person).toMatchObject({
      email: null,
      skills: [],
      workingDays: [1, 2, 3, 4, 5],
      costRatePencePerHour: 0,
      startDate: null,
      endDate: null,
      bankHolidayRegion: null,
      region: { code: 'GB-ENG', source: 'organisation' },
      memberships: [{ firstDay: '2000-01-01', lastDay: null }],
    })
  })

  it('refuses each bad field with 400 naming it, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '  ' }, 'json.name'],
      [{ name: 'two\nlines' }, 'json.name'],
      [{ role: '' }, 'json.role'],
      [{ email: 'not-an-email' }, 'json.email'],
      [{ contractedHoursPerWeek: -1 }, 'json.contractedHoursPerWeek'],
      [{ contractedHoursPerWeek: 80.01 }, 'json.contractedHoursPerWeek'],
      [{ contractedHoursPerWeek: 22.125 }, 'json.contractedHoursPerWeek'],
      [{ workingDays: [] }, 'json.workingDays'],
      [{ workingDays: [1, 1, 2] }, 'json.workingDays'],
      [{ workingDays: [0, 1] }, 'json.workingDays.0'],
      [{ workingDays: [1, 8] }, 'json.workingDays.1'],
      [{ workingDays: [1.5] }, 'json.workingDays.0'],
      [{ costRatePencePerHour: -1 }, 'json.costRatePencePerHour'],
      [{ costRatePencePerHour: 10.5 }, 'json.costRatePencePerHour'],
      [{ startDate: '2026-02-30' }, 'json.startDate'],
      [{ startDate: '2026-11-10', endDate: '2026-11-09' }, 'json.endDate'],
      [{ bankHolidayRegion: 'GB-WLS' }, 'json.bankHolidayRegion'],
      [{ teamId: 0 }, 'json.teamId'],
      [{ teamId: undefined }, 'json.teamId'],
      [{ skills: ['x'.repeat(SKILL_MAX_LENGTH + 1)] }, 'json.skills.0'],
      [{ skills: [''] }, 'json.skills.0'],
      [{ skills: Array.from({ length: MAX_SKILLS + 1 }, (_, i) => `skill ${i}`) }, 'json.skills'],
      [{ id: 5 }, 'json'],
    ]
    for (const [over, path] of cases) {
      const res = await changesNothing(ctx.db, () => post(valid(over)))
      const body = await expectRefused(res, 400, 'validation_failed')
      expect(
        body.error.details?.map((d) => d.path),
        JSON.stringify(over),
      ).toEqual([path])
    }
  })

  it(`keeps ${MAX_SKILLS} skills, counted after repeats are dropped`, async () => {
    const skills = Array.from({ length: MAX_SKILLS }, (_, i) => `skill ${i}`)
    const res = await post(valid({ name: 'Many skills', skills: [...skills, 'SKILL 0'] }))
    expect(res.status).toBe(201)
    expect(expectMatches(PersonRecord, await res.json()).skills).toEqual(skills)
  })

  it('refuses a team that does not exist (422) and an email another person has (409)', async () => {
    let res = await changesNothing(ctx.db, () => post(valid({ teamId: 999_999 })))
    let body = await expectRefused(res, 422, 'unknown_team')
    expect(body.error.details?.[0]?.path).toBe('json.teamId')

    expect((await post(valid({ name: 'First', email: 'same@example.test' }))).status).toBe(201)
    res = await changesNothing(ctx.db, () =>
      post(valid({ name: 'Second', email: 'SAME@example.test' })),
    )
    body = await expectRefused(res, 409, 'email_taken')
    expect(body.error.details?.[0]?.path).toBe('json.email')
  })

  it('is for managers: viewers and read tokens get 403 and write nothing', async () => {
    const token = await createToken(ctx.db, ['read'])
    for (const headers of [viewer.headers, token.headers]) {
      const res = await changesNothing(ctx.db, () => post(valid({ name: 'Nope' }), headers))
      await expectRefused(res, 403, 'forbidden')
    }
  })
})
