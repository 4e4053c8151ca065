import { describe, expect, it } from 'vitest'
import { expectMatches } from '../../../test/helpers.ts'
import { Allocation, AllocationList } from './schemas.ts'
import { capacityTestApp, refusedWithoutWriting } from './test-fixtures.ts'

// The clock stands at 09:00 UTC on Thursday 1 October 2026.
const t = capacityTestApp(new Date('2026-10-01T09:00:00Z'))
const { ctx, send, get } = t

const base = {
  kind: 'run',
  firstDay: '2026-10-05',
  lastDay: '2026-12-18',
  hoursPerWeek: 15,
}

async function added(body: Record<string, unknown>) {
  const res = await send('POST', 'allocations', body)
  expect(res.status, await res.clone().text()).toBe(201)
  return expectMatches(Allocation, await res.json())
}

describe('POST /api/v1/allocations', () => {
  it('books a person to a project in hours a week, with who booked it, and audits it', async () => {
    const p = await t.person()
    const project = await t.project()
    const body = await added({
      ...base,
      personId: p.id,
      kind: 'project',
      projectCode: project.code,
      hoursPerWeek: 12.25,
      note: ' Discovery ',
    })
    expect(body).toEqual({
      id: expect.any(Number),
      person: { id: p.id, name: p.name },
      team: { id: p.team.id, slug: p.team.slug, name: expect.any(String) },
      kind: 'project',
      project: { code: project.code, name: project.name },
      firstDay: '2026-10-05',
      lastDay: '2026-12-18',
      hoursPerWeek: 12.25,
      percent: null,
      weeklyHours: 12.25,
      status: 'confirmed',
      note: 'Discovery',
      createdAt: '2026-10-01T09:00:00.000Z',
      updatedAt: '2026-10-01T09:00:00.000Z',
      createdBy: { id: t.manager().user.id, name: t.manager().user.name },
    })
    expect(await t.auditOf('allocation', body.id)).toEqual([
      {
        action: 'create',
        actorUserId: t.manager().user.id,
        changes: {
          personId: { from: null, to: p.id },
          kind: { from: null, to: 'project' },
          projectCode: { from: null, to: project.code },
          firstDay: { from: null, to: '2026-10-05' },
          lastDay: { from: null, to: '2026-12-18' },
          hoursPerWeek: { from: null, to: 12.25 },
          percent: { from: null, to: null },
          status: { from: null, to: 'confirmed' },
          note: { from: null, to: 'Discovery' },
        },
      },
    ])
  })

  it('books a percent of the contracted hours: 50% of a 24-hour Mon–Wed week is 12 hours', async () => {
    const p = await t.person({ contractedHoursPerWeek: 24, workingDays: [1, 2, 3] })
    const body = await added({
      ...base,
      personId: p.id,
      hoursPerWeek: undefined,
      percent: 50,
      status: 'tentative',
    })
    expect(body).toMatchObject({ hoursPerWeek: null, percent: 50, weeklyHours: 12 })
    expect(body.status).toBe('tentative')
  })

  it('takes a range that only partly overlaps the person’s employment', async () => {
    const p = await t.person({ startDate: '2026-11-02' })
    await added({ ...base, personId: p.id })
  })

  const refusals: [string, Record<string, unknown>, string, string][] = [
    ['a project allocation without a project', { kind: 'project' }, 'json.projectCode', 'required'],
    ['a run allocation with a project', { projectCode: 'CAP-1' }, 'json.projectCode', 'only'],
    ['both hours and percent', { percent: 10 }, 'json.percent', 'exactly one'],
    ['neither hours nor percent', { hoursPerWeek: null }, 'json.hoursPerWeek', 'exactly one'],
    ['more than 80 hours', { hoursPerWeek: 80.01 }, 'json.hoursPerWeek', 'at most 80'],
    ['no hours', { hoursPerWeek: 0 }, 'json.hoursPerWeek', 'more than 0'],
    ['three decimals', { hoursPerWeek: 7.125 }, 'json.hoursPerWeek', '2 decimals'],
    ['more than 200%', { hoursPerWeek: null, percent: 200.5 }, 'json.percent', 'at most 200'],
    ['a last day before the first', { lastDay: '2026-10-04' }, 'json.lastDay', 'on or after'],
    ['3 years or more', { lastDay: '2029-10-05' }, 'json.lastDay', '2029-10-04 at the latest'],
    ['a day that is none', { firstDay: '2026-02-30' }, 'json.firstDay', 'must be a day'],
    ['an unknown status', { status: 'maybe' }, 'json.status', ''],
    ['an unknown field', { personName: 'x' }, 'json', 'personName'],
  ]
  it.each(refusals)('refuses %s (400), writing nothing', async (_, change, path, message) => {
    const p = await t.person()
    const error = await refusedWithoutWriting(
      ctx.db,
      () => send('POST', 'allocations', { ...base, personId: p.id, ...change }),
      400,
    )
    expect(error.code).toBe('validation_failed')
    expect(error.details).toContainEqual({ path, message: expect.stringContaining(message) })
  })

  it('allows the longest span: the day before the same day 3 years on', async () => {
    const p = await t.person()
    await added({ ...base, personId: p.id, lastDay: '2029-10-04' })
  })

  it('refuses a range outside the person’s employment, naming their dates', async () => {
    const p = await t.person({ startDate: '2025-01-06', endDate: '2026-09-30' })
    const error = await refusedWithoutWriting(
      ctx.db,
      () => send('POST', 'allocations', { ...base, personId: p.id }),
      400,
    )
    const message = `must overlap ${p.name}’s employment (from 2025-01-06 to 2026-09-30)`
    expect(error.details).toEqual([
      { path: 'json.firstDay', message },
      { path: 'json.lastDay', message },
    ])
  })

  it('refuses an unknown person (422), and a project unknown, closed or cancelled', async () => {
    const error = await refusedWithoutWriting(
      ctx.db,
      () => send('POST', 'allocations', { ...base, personId: 999_999 }),
      422,
    )
    expect(error).toMatchObject({ code: 'unknown_person', details: [{ path: 'json.personId' }] })
    const p = await t.person()
    const closed = await t.project('closed')
    const cancelled = await t.project('cancelled')
    for (const [code, message] of [
      ['NOPE-1', 'is no project (NOPE-1)'],
      [closed.code, 'is closed: book people to a live project'],
      [cancelled.code, 'is cancelled: book people to a live project'],
    ] as const) {
      const body = { ...base, personId: p.id, kind: 'project', projectCode: code }
      const refused = await refusedWithoutWriting(
        ctx.db,
        () => send('POST', 'allocations', body),
        422,
      )
      expect(refused).toMatchObject({
        code: 'unknown_project',
        details: [{ path: 'json.projectCode', message }],
      })
    }
  })

  it('refuses a first day in year 1 once, by its field, with no span from it', async () => {
    const p = await t.person()
    const error = await refusedWithoutWriting(
      ctx.db,
      () => send('POST', 'allocations', { ...base, personId: p.id, firstDay: '0001-01-01' }),
      400,
    )
    expect(error.details).toEqual([
      { path: 'json.firstDay', message: 'must be 2000-01-01 or later' },
    ])
  })

  it('refuses hours or a percent under 0.01, which would be stored as 0 (not a 500)', async () => {
    const p = await t.person()
    for (const amount of [{ hoursPerWeek: 1e-9 }, { hoursPerWeek: null, percent: 1e-9 }]) {
      const error = await refusedWithoutWriting(
        ctx.db,
        () => send('POST', 'allocations', { ...base, personId: p.id, ...amount }),
        400,
      )
      expect(error.details).toEqual([
        { path: `json.${Object.keys(amount).at(-1)}`, message: 'must be at least 0.01' },
      ])
    }
    const a = await added({ ...base, personId: p.id })
    const patched = await refusedWithoutWriting(
      ctx.db,
      () => send('PATCH', `allocations/${a.id}`, { hoursPerWeek: 1e-9 }),
      400,
    )
    expect(patched.details?.[0]?.path).toBe('json.hoursPerWeek')
  })

  it('is for managers and admins: a viewer and a read token get 403 and write nothing', async () => {
    const p = await t.person()
    for (const headers of await t.readers()) {
      const error = await refusedWithoutWriting(
        ctx.db,
        () => send('POST', 'allocations', { ...base, personId: p.id }, headers),
        403,
      )
      expect(error.code).toBe('forbidden')
    }
  })
})

describe('PATCH and DELETE /api/v1/allocations/:id', () => {
  it('changes fields, hours replacing percent, audited with each field’s from and to', async () => {
    const p = await t.person()
    const a = await added({ ...base, personId: p.id, hoursPerWeek: null, percent: 40 })
    t.ctx.clock.now = new Date('2026-10-01T09:30:00Z')
    const res = await send('PATCH', `allocations/${a.id}`, {
      hoursPerWeek: 20,
      lastDay: '2026-11-30',
    })
    expect(res.status, await res.clone().text()).toBe(200)
    const body = expectMatches(Allocation, await res.json())
    expect(body).toMatchObject({
      hoursPerWeek: 20,
      percent: null,
      weeklyHours: 20,
      lastDay: '2026-11-30',
      updatedAt: '2026-10-01T09:30:00.000Z',
      createdAt: '2026-10-01T09:00:00.000Z',
    })
    const audit = await t.auditOf('allocation', a.id)
    expect(audit.at(-1)).toEqual({
      action: 'update',
      actorUserId: t.manager().user.id,
      changes: {
        personId: p.id,
        lastDay: { from: '2026-12-18', to: '2026-11-30' },
        hoursPerWeek: { from: null, to: 20 },
        percent: { from: 40, to: null },
      },
    })
  })

  it('moves a project booking to run work, dropping the project; a no-op writes nothing', async () => {
    const p = await t.person()
    const project = await t.project()
    const a = await added({ ...base, personId: p.id, kind: 'project', projectCode: project.code })
    const res = await send('PATCH', `allocations/${a.id}`, { kind: 'run' })
    expect(await res.json()).toMatchObject({ kind: 'run', project: null })
    const again = await send('PATCH', `allocations/${a.id}`, { kind: 'run', hoursPerWeek: 15 })
    expect(again.status).toBe(200)
    expect((await t.auditOf('allocation', a.id)).map((r) => r.action)).toEqual(['create', 'update'])
  })

  it('checks a changed date against the stored one, and a new project', async () => {
    const p = await t.person()
    const a = await added({ ...base, personId: p.id })
    const error = await refusedWithoutWriting(
      ctx.db,
      () => send('PATCH', `allocations/${a.id}`, { firstDay: '2026-12-19' }),
      400,
    )
    expect(error.details).toEqual([
      { path: 'json.firstDay', message: 'must be on or before lastDay (2026-12-18)' },
    ])
    const toProject = await refusedWithoutWriting(
      ctx.db,
      () => send('PATCH', `allocations/${a.id}`, { kind: 'project' }),
      400,
    )
    expect(toProject.details).toEqual([
      { path: 'json.projectCode', message: 'is required for kind project' },
    ])
    const closed = await t.project('closed')
    const error2 = await refusedWithoutWriting(
      ctx.db,
      () => send('PATCH', `allocations/${a.id}`, { kind: 'project', projectCode: closed.code }),
      422,
    )
    expect(error2.code).toBe('unknown_project')
    const person = await refusedWithoutWriting(
      ctx.db,
      () => send('PATCH', `allocations/${a.id}`, { personId: p.id }),
      400,
    )
    expect(person.code).toBe('validation_failed')
  })

  it('keeps a booking to a project closed since when other fields change', async () => {
    const p = await t.person()
    const project = await t.project()
    const a = await added({ ...base, personId: p.id, kind: 'project', projectCode: project.code })
    await ctx.db
      .updateTable('projects')
      .set({ status: 'closed' })
      .where('id', '=', project.id)
      .execute()
    const res = await send('PATCH', `allocations/${a.id}`, { note: 'Wrapping up' })
    expect(await res.json()).toMatchObject({ project: { code: project.code }, note: 'Wrapping up' })
  })

  it('deletes, audited with its fields; 404 for an allocation that is not there', async () => {
    const p = await t.person()
    const a = await added({ ...base, personId: p.id })
    for (const headers of await t.readers()) {
      await refusedWithoutWriting(
        ctx.db,
        () => send('DELETE', `allocations/${a.id}`, undefined, headers),
        403,
      )
      await refusedWithoutWriting(
        ctx.db,
        () => send('PATCH', `allocations/${a.id}`, { note: 'x' }, headers),
        403,
      )
    }
    expect((await send('DELETE', `allocations/${a.id}`)).status).toBe(204)
    expect((await t.auditOf('allocation', a.id)).at(-1)).toMatchObject({
      action: 'delete',
      changes: { personId: { from: p.id, to: null }, hoursPerWeek: { from: 15, to: null } },
    })
    for (const [method, body] of [
      ['DELETE', undefined],
      ['PATCH', { note: 'x' }],
    ] as const) {
      const error = await refusedWithoutWriting(
        ctx.db,
        () => send(method, `allocations/${a.id}`, body),
        404,
      )
      expect(error.code).toBe('allocation_not_found')
    }
  })
})

describe('GET /api/v1/allocations', () => {
  it('filters by person, project, team, days, status and kind, for any reader', async () => {
    const p = await t.person()
    const q = await t.person({ contractedHoursPerWeek: 30 })
    const project = await t.project()
    const a1 = await added({ ...base, personId: p.id, kind: 'project', projectCode: project.code })
    const a2 = await added({
      ...base,
      personId: q.id,
      kind: 'support',
      firstDay: '2027-01-04',
      lastDay: '2027-01-29',
      hoursPerWeek: null,
      percent: 10,
      status: 'tentative',
    })
    const ids = async (query: string) => {
      const [viewer] = await t.readers()
      const res = await get(`allocations?${query}`, viewer)
      expect(res.status, await res.clone().text()).toBe(200)
      const body = expectMatches(AllocationList, await res.json())
      return body.allocations.map((a) => a.id).filter((id) => id === a1.id || id === a2.id)
    }
    expect(await ids(`person=${p.id}`)).toEqual([a1.id])
    expect(await ids(`project=${project.code}`)).toEqual([a1.id])
    expect(await ids(`team=${q.team.slug}`)).toEqual([a2.id])
    expect(await ids('from=2026-12-19')).toEqual([a2.id])
    expect(await ids('from=2026-12-18&to=2027-01-04')).toEqual([a1.id, a2.id])
    expect(await ids('to=2027-01-03')).toEqual([a1.id])
    expect(await ids('status=tentative')).toEqual([a2.id])
    expect(await ids('kind=project')).toEqual([a1.id])
    const res = await get(`allocations?person=${q.id}`)
    expect(expectMatches(AllocationList, await res.json()).allocations[0]).toMatchObject({
      percent: 10,
      weeklyHours: 3,
    })
    const reversed = await get('allocations?from=2026-12-01&to=2026-11-01')
    expect(reversed.status).toBe(400)
    expect(await reversed.json()).toMatchObject({ error: { code: 'invalid_range' } })
  })

  it('refuses a team with a NUL character, naming the field (PostgreSQL cannot compare it)', async () => {
    const res = await get('allocations?team=a%00b')
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      error: { code: 'validation_failed', details: [{ path: 'query.team' }] },
    })
  })
})
