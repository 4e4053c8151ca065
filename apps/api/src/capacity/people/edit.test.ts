import { beforeAll, describe, expect, it } from 'vitest'
import { createToken, expectMatches, loginAs, useClockedApp } from '../../../test/helpers.ts'
import { PersonRecord } from './schemas.ts'
import {
  addPerson,
  auditRows,
  changesNothing,
  expectRefused,
  newTeam,
  send,
} from './test-fixtures.ts'

const NOW = new Date('2026-11-04T12:00:00Z')
const ctx = useClockedApp(NOW)
let manager: Awaited<ReturnType<typeof loginAs>>
let viewer: Awaited<ReturnType<typeof loginAs>>
let team: { id: number; slug: string; name: string }
beforeAll(async () => {
  manager = await loginAs(ctx, 'manager')
  viewer = await loginAs(ctx, 'viewer')
  team = await newTeam(ctx.db)
})

const patch = (id: number, body: unknown, headers: Record<string, string> = manager.headers) =>
  send(ctx, 'PATCH', `/api/v1/people/${id}`, body, headers)
const del = (id: number, headers: Record<string, string> = manager.headers) =>
  send(ctx, 'DELETE', `/api/v1/people/${id}`, {}, headers)
const firstDays = (personId: number) =>
  ctx.db
    .selectFrom('teamMemberships')
    .select(['firstDay', 'lastDay'])
    .where('personId', '=', personId)
    .orderBy('firstDay')
    .execute()

describe('PATCH /people/:id', () => {
  it('changes only what changed, audited from/to, and bumps updatedAt', async () => {
    const person = await addPerson(ctx.db, team.id, { name: 'Grace Hopper' })
    ctx.clock.now = new Date('2026-11-04T13:00:00Z')
    const res = await patch(person.id, {
      name: 'Grace Hopper',
      contractedHoursPerWeek: 30,
      workingDays: [4, 1, 2, 3],
      skills: ['COBOL', 'cobol', ' Compilers '],
      bankHolidayRegion: 'GB-NIR',
    })
    expect(res.status, await res.clone().text()).toBe(200)
    const record = expectMatches(PersonRecord, await res.json())
    expect(record).toMatchObject({
      name: 'Grace Hopper',
      contractedHoursPerWeek: 30,
      workingDays: [1, 2, 3, 4],
      skills: ['COBOL', 'Compilers'],
      bankHolidayRegion: 'GB-NIR',
      region: { code: 'GB-NIR', source: 'person' },
      updatedAt: '2026-11-04T13:00:00.000Z',
    })
    const audits = await auditRows(ctx.db, 'person', person.id)
    expect(audits).toHaveLength(1)
    expect(audits[0]?.changes).toEqual({
      name: 'Grace Hopper',
      contractedHoursPerWeek: { from: 37.5, to: 30 },
      workingDays: { from: [1, 2, 3, 4, 5], to: [1, 2, 3, 4] },
      skills: { from: [], to: ['COBOL', 'Compilers'] },
      bankHolidayRegion: { from: null, to: 'GB-NIR' },
    })
    // The same values again: nothing written, updatedAt kept.
    ctx.clock.now = new Date('2026-11-04T14:00:00Z')
    const again = await changesNothing(ctx.db, () =>
      patch(person.id, { contractedHoursPerWeek: 30, bankHolidayRegion: 'GB-NIR' }),
    )
    expect(again.status).toBe(200)
    expect(expectMatches(PersonRecord, await again.json()).updatedAt).toBe(
      '2026-11-04T13:00:00.000Z',
    )
    // Back to the organisation's region.
    const back = await patch(person.id, { bankHolidayRegion: null })
    expect(expectMatches(PersonRecord, await back.json()).region).toEqual({
      code: 'GB-ENG',
      source: 'organisation',
    })
  })

  it('gives a leave date, checked against the stored start date', async () => {
    const person = await addPerson(ctx.db, team.id, { startDate: '2025-03-01' })
    const refused = await changesNothing(ctx.db, () => patch(person.id, { endDate: '2025-02-28' }))
    const body = await expectRefused(refused, 400, 'validation_failed')
    expect(body.error.details).toEqual([
      { path: 'json.endDate', message: 'must be on or after startDate (2025-03-01)' },
    ])
    const res = await patch(person.id, { endDate: '2026-12-31' })
    expect(res.status).toBe(200)
    expect(expectMatches(PersonRecord, await res.json()).endDate).toBe('2026-12-31')
    const late = await changesNothing(ctx.db, () => patch(person.id, { startDate: '2027-01-01' }))
    expect((await expectRefused(late, 400, 'validation_failed')).error.details).toEqual([
      { path: 'json.startDate', message: 'must be on or before endDate (2026-12-31)' },
    ])
  })

  it('moves the first membership with a new start date, never past a later move', async () => {
    const person = await addPerson(ctx.db, team.id, { startDate: '2026-01-05' })
    expect((await patch(person.id, { startDate: '2026-02-02' })).status).toBe(200)
    expect(await firstDays(person.id)).toEqual([{ firstDay: '2026-02-02', lastDay: null }])
    const other = await newTeam(ctx.db)
    const moved = await send(
      ctx,
      'POST',
      `/api/v1/people/${person.id}/moves`,
      { teamId: other.id, from: '2026-06-01' },
      manager.headers,
    )
    expect(moved.status).toBe(201)
    const res = await changesNothing(ctx.db, () => patch(person.id, { startDate: '2026-06-01' }))
    expect((await expectRefused(res, 400, 'validation_failed')).error.details).toEqual([
      {
        path: 'json.startDate',
        message: 'must be on or before 2026-05-31, the last day in their first team',
      },
    ])
    // Nor may they leave before joining the team they are in.
    const early = await changesNothing(ctx.db, () => patch(person.id, { endDate: '2026-05-31' }))
    expect((await expectRefused(early, 400, 'validation_failed')).error.details?.[0]?.path).toBe(
      'json.endDate',
    )
  })

  it('refuses (409) dates that would leave allocations or time off outside the employment', async () => {
    const person = await addPerson(ctx.db, team.id, { startDate: '2017-03-01' })
    const allocation = (firstDay: string, lastDay: string) =>
      ctx.db
        .insertInto('allocations')
        .values({ personId: person.id, kind: 'run', firstDay, lastDay, hoursPerWeek: 10 })
        .returning('id')
        .executeTakeFirstOrThrow()
    const winter = await allocation('2026-01-05', '2026-03-27')
    const june = await allocation('2026-06-01', '2026-06-30')
    await ctx.db
      .insertInto('timeOff')
      .values([
        { personId: person.id, firstDay: '2026-04-06', lastDay: '2026-04-10' },
        { personId: person.id, firstDay: '2026-05-01', lastDay: '2026-05-01', halfDay: true },
      ])
      .execute()

    const late = await changesNothing(ctx.db, () => patch(person.id, { startDate: '2030-01-01' }))
    const refused = await expectRefused(late, 409, 'bookings_outside_employment')
    const both = '2 allocations and 2 time off entries (5.5 days)'
    const first = `allocation ${winter.id}, 2026-01-05 to 2026-03-27`
    expect(refused.error.message).toBe(
      `${person.name} has ${both} outside these dates (from 2030-01-01), the first ${first}: move or delete them first`,
    )
    expect(refused.error.details).toEqual([
      { path: 'json.startDate', message: `would leave ${both} before it, the first ${first}` },
    ])
    expect(await firstDays(person.id)).toEqual([{ firstDay: '2017-03-01', lastDay: null }])

    const early = await changesNothing(ctx.db, () => patch(person.id, { endDate: '2026-05-31' }))
    expect((await expectRefused(early, 409, 'bookings_outside_employment')).error.details).toEqual([
      {
        path: 'json.endDate',
        message: `would leave 1 allocation after it, the first allocation ${june.id}, 2026-06-01 to 2026-06-30`,
      },
    ])
    // A booking with one day left in the employment stays, as the writes would take it.
    expect(
      (await patch(person.id, { startDate: '2026-03-27', endDate: '2026-06-01' })).status,
    ).toBe(200)
  })

  it('refuses the team (moves do that), a taken email, an unknown person, viewers', async () => {
    const a = await addPerson(ctx.db, team.id)
    const b = await addPerson(ctx.db, team.id)
    expect((await patch(a.id, { email: 'taken@example.test' })).status).toBe(200)
    let res = await changesNothing(ctx.db, () => patch(b.id, { teamId: team.id }))
    expect((await expectRefused(res, 400, 'validation_failed')).error.details?.[0]?.path).toBe(
      'json',
    )
    res = await changesNothing(ctx.db, () => patch(b.id, { email: 'Taken@Example.test' }))
    await expectRefused(res, 409, 'email_taken')
    // Their own email in another case is theirs to keep.
    expect((await patch(a.id, { email: 'TAKEN@example.test' })).status).toBe(200)
    res = await changesNothing(ctx.db, () => patch(999_999, { name: 'Nobody' }))
    await expectRefused(res, 404, 'person_not_found')
    res = await changesNothing(ctx.db, () => patch(b.id, { contractedHoursPerWeek: 81 }))
    await expectRefused(res, 400, 'validation_failed')
    res = await changesNothing(ctx.db, () => patch(b.id, { name: 'Viewer' }, viewer.headers))
    await expectRefused(res, 403, 'forbidden')
  })
})

describe('DELETE /people/:id', () => {
  it('deletes someone added by mistake, with their membership, audited', async () => {
    const person = await addPerson(ctx.db, team.id, { name: 'Typo Person' })
    expect((await del(person.id)).status).toBe(204)
    expect(await ctx.db.selectFrom('people').where('id', '=', person.id).execute()).toEqual([])
    expect(await firstDays(person.id)).toEqual([])
    const [audit] = await auditRows(ctx.db, 'person', person.id)
    expect(audit).toMatchObject({
      action: 'delete',
      changes: { name: { from: 'Typo Person', to: null } },
    })
    await expectRefused(await del(person.id), 404, 'person_not_found')
  })

  it('refuses (409) someone with allocations, time off or incident history: give a leave date', async () => {
    const uses: [string, (personId: number) => Promise<unknown>, RegExp][] = [
      [
        'allocation',
        (personId) =>
          ctx.db
            .insertInto('allocations')
            .values({
              personId,
              kind: 'run',
              firstDay: '2026-11-02',
              lastDay: '2026-11-30',
              hoursPerWeek: 10,
            })
            .execute(),
        /1 allocations/,
      ],
      [
        'time off',
        (personId) =>
          ctx.db
            .insertInto('timeOff')
            .values({ personId, firstDay: '2026-12-24', lastDay: '2026-12-24' })
            .execute(),
        /1 time off/,
      ],
      [
        'commanded incident',
        (personId) =>
          ctx.db
            .insertInto('incidents')
            .values({
              ref: `INC-2026-9${personId}`,
              title: 'Down',
              severity: 'SEV3',
              startedAt: '2026-11-01T10:00:00Z',
              commanderPersonId: personId,
            })
            .execute(),
        /1 incidents commanded/,
      ],
    ]
    for (const [what, use, message] of uses) {
      const person = await addPerson(ctx.db, team.id)
      await use(person.id)
      const res = await changesNothing(ctx.db, () => del(person.id))
      const body = await expectRefused(res, 409, 'person_in_use')
      expect(body.error.message, what).toMatch(message)
      expect(body.error.message).toMatch(/leave date/)
    }
  })

  it('is for managers', async () => {
    const person = await addPerson(ctx.db, team.id)
    const token = await createToken(ctx.db, ['read'])
    for (const headers of [viewer.headers, token.headers]) {
      await expectRefused(
        await changesNothing(ctx.db, () => del(person.id, headers)),
        403,
        'forbidden',
      )
    }
  })
})
