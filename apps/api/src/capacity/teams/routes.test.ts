import { beforeAll, describe, expect, it } from 'vitest'
import { createToken, expectMatches, loginAs, useClockedApp } from '../../../test/helpers.ts'
import {
  addPerson,
  auditRows,
  changesNothing,
  expectRefused,
  send,
} from '../people/test-fixtures.ts'
import { Team, TeamList } from './schemas.ts'

// Noon in London on Wednesday 4 November 2026.
const ctx = useClockedApp(new Date('2026-11-04T12:00:00Z'))
let manager: Awaited<ReturnType<typeof loginAs>>
let viewer: Awaited<ReturnType<typeof loginAs>>
beforeAll(async () => {
  manager = await loginAs(ctx, 'manager')
  viewer = await loginAs(ctx, 'viewer')
})

const post = (body: unknown, headers: Record<string, string> = manager.headers) =>
  send(ctx, 'POST', '/api/v1/teams', body, headers)
const patch = (slug: string, body: unknown, headers: Record<string, string> = manager.headers) =>
  send(ctx, 'PATCH', `/api/v1/teams/${slug}`, body, headers)
async function list(headers: Record<string, string> = viewer.headers) {
  const res = await ctx.app.request('/api/v1/teams', { headers })
  expect(res.status).toBe(200)
  return expectMatches(TeamList, await res.json()).teams
}
async function create(slug: string, name: string) {
  const res = await post({ slug, name })
  expect(res.status, await res.clone().text()).toBe(201)
  return expectMatches(Team, await res.json())
}

describe('teams', () => {
  it('adds a team, audited, and lists it by name with its members today', async () => {
    const team = await create('sre-north', '  SRE North ')
    expect(team).toEqual({
      id: expect.any(Number),
      slug: 'sre-north',
      name: 'SRE North',
      members: 0,
      createdAt: '2026-11-04T12:00:00.000Z',
    })
    const [audit] = await auditRows(ctx.db, 'team', team.id)
    expect(audit).toMatchObject({
      actorUserId: manager.user.id,
      action: 'create',
      changes: { slug: { from: null, to: 'sre-north' }, name: { from: null, to: 'SRE North' } },
    })
    const other = await create('sre-south', 'SRE South')

    // Today (4 November): two here, one left, one not yet started, one moved out on the 2nd, one
    // moving in from the 9th (the move is entered now: team_id is already the new team).
    await addPerson(ctx.db, team.id, { startDate: '2026-01-05' })
    await addPerson(ctx.db, team.id, { endDate: '2026-11-04' })
    await addPerson(ctx.db, team.id, { endDate: '2026-11-03' })
    await addPerson(ctx.db, team.id, { startDate: '2026-11-05' })
    const leaver = await addPerson(ctx.db, team.id, { startDate: '2026-01-05' })
    const joiner = await addPerson(ctx.db, other.id, { startDate: '2026-01-05' })
    const to = (teamId: number, from: string) => ({ teamId, from })
    expect(
      (
        await send(
          ctx,
          'POST',
          `/api/v1/people/${leaver.id}/moves`,
          to(other.id, '2026-11-02'),
          manager.headers,
        )
      ).status,
    ).toBe(201)
    expect(
      (
        await send(
          ctx,
          'POST',
          `/api/v1/people/${joiner.id}/moves`,
          to(team.id, '2026-11-09'),
          manager.headers,
        )
      ).status,
    ).toBe(201)

    const teams = await list()
    const north = teams.find((t) => t.slug === 'sre-north')
    const south = teams.find((t) => t.slug === 'sre-south')
    expect(north?.members).toBe(2)
    expect(south?.members).toBe(2)
    // By name.
    const names = teams.map((t) => t.name)
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    const token = await createToken(ctx.db, ['read'])
    expect((await list(token.headers)).map((t) => t.slug)).toContain('sre-north')
  })

  it('renames a team, audited from/to; the same name writes nothing', async () => {
    const team = await create('data-eng', 'Data')
    const res = await patch('data-eng', { name: 'Data Engineering' })
    expect(res.status).toBe(200)
    expect(expectMatches(Team, await res.json())).toMatchObject({
      slug: 'data-eng',
      name: 'Data Engineering',
    })
    const again = await changesNothing(ctx.db, () =>
      patch('data-eng', { name: 'Data Engineering' }),
    )
    expect(again.status).toBe(200)
    const audits = await auditRows(ctx.db, 'team', team.id)
    expect(audits.map((a) => a.action)).toEqual(['create', 'update'])
    expect(audits[1]?.changes).toEqual({
      slug: 'data-eng',
      name: { from: 'Data', to: 'Data Engineering' },
    })
  })

  it('refuses a taken slug (409), a slug the table’s CHECK would refuse, bad names, writing nothing', async () => {
    await create('payments', 'Payments')
    let res = await changesNothing(ctx.db, () => post({ slug: 'payments', name: 'Other' }))
    expect((await expectRefused(res, 409, 'slug_taken')).error.details?.[0]?.path).toBe('json.slug')
    for (const [body, path] of [
      [{ slug: 'Payments', name: 'X' }, 'json.slug'],
      [{ slug: '-payments', name: 'X' }, 'json.slug'],
      [{ slug: 'pay ments', name: 'X' }, 'json.slug'],
      [{ slug: '', name: 'X' }, 'json.slug'],
      [{ slug: 'x'.repeat(61), name: 'X' }, 'json.slug'],
      [{ slug: 'ok-slug', name: '  ' }, 'json.name'],
      [{ slug: 'ok-slug', name: 'two\nlines' }, 'json.name'],
      [{ slug: 'ok-slug' }, 'json.name'],
    ] as const) {
      res = await changesNothing(ctx.db, () => post(body))
      const refused = await expectRefused(res, 400, 'validation_failed')
      expect(
        refused.error.details?.map((d) => d.path),
        JSON.stringify(body),
      ).toEqual([path])
    }
    res = await changesNothing(ctx.db, () => patch('payments', { slug: 'new-slug' }))
    await expectRefused(res, 400, 'validation_failed')
    res = await changesNothing(ctx.db, () => patch('no-such-team', { name: 'X' }))
    await expectRefused(res, 404, 'team_not_found')
  })

  it('is written by managers only', async () => {
    const token = await createToken(ctx.db, ['read'])
    for (const headers of [viewer.headers, token.headers]) {
      let res = await changesNothing(ctx.db, () => post({ slug: 'nope', name: 'Nope' }, headers))
      await expectRefused(res, 403, 'forbidden')
      res = await changesNothing(ctx.db, () => patch('payments', { name: 'Nope' }, headers))
      await expectRefused(res, 403, 'forbidden')
    }
  })
})
