import { INCIDENT_TITLE_MAX_LENGTH } from '@opsdeck/contract'
import { describe, expect, it } from 'vitest'
import { createToken, expectMatches, loginAs } from '../../../test/helpers.ts'
import { WrittenAction } from './schemas.ts'
import { reviewsTestApp } from './test-fixtures.ts'

// The clock stands at 09:00 UTC (10:00 in London, the organisation's zone) on Thursday 1 October
// 2026 and moves as each test says.
const START = new Date('2026-10-01T09:00:00Z')
const t = reviewsTestApp(START)
const { ctx, declare, later, addAction, patchAction, eventsOf, auditOf, written, detail, people } =
  t

/** A new incident with one follow-up, as the answer gave it. */
async function withAction(body: Record<string, unknown> = {}) {
  const { ref } = await declare({ severity: 'SEV2' })
  const res = await addAction(ref, { title: 'Automate certificate renewal', ...body })
  expect(res.status, await res.clone().text()).toBe(201)
  return expectMatches(WrittenAction, await res.json())
}

describe('POST /api/v1/incidents/:ref/actions', () => {
  it('adds a follow-up, on the timeline with its author and in the audit log', async () => {
    const { ref } = await declare({ severity: 'SEV2' })
    later(90)
    const body = { title: 'Add an expiry alert', ownerPersonId: people.ann, dueOn: '2026-10-15' }
    const res = await addAction(ref, body)
    expect(res.status).toBe(201)
    const { action } = expectMatches(WrittenAction, await res.json())
    expect(action).toEqual({
      id: expect.any(Number),
      title: 'Add an expiry alert',
      owner: { id: people.ann, name: 'Ann Owner' },
      dueOn: '2026-10-15',
      status: 'open',
      completedAt: null,
      overdue: false,
    })
    const fields = { ...body, status: 'open' }
    expect((await eventsOf(ref)).at(-1)).toMatchObject({
      kind: 'action',
      at: new Date('2026-10-01T10:30:00Z'),
      body: 'Follow-up added: Add an expiry alert (owner Ann Owner, due 2026-10-15)',
      authorUserId: t.manager().user.id,
      data: { actionId: action.id, ...fields },
    })
    expect(await auditOf(ref)).toEqual([
      {
        action: 'add_action',
        actorUserId: t.manager().user.id,
        changes: {
          ref,
          actionId: action.id,
          title: { from: null, to: 'Add an expiry alert' },
          ownerPersonId: { from: null, to: people.ann },
          dueOn: { from: null, to: '2026-10-15' },
          status: { from: null, to: 'open' },
        },
      },
    ])
    expect((await detail(ref)).actions).toEqual([action])
  })

  it('takes no owner or due date, and completes one added as done', async () => {
    const { action } = await withAction({ status: 'done' })
    expect(action).toMatchObject({
      owner: null,
      dueOn: null,
      status: 'done',
      completedAt: '2026-10-01T09:00:00.000Z',
    })
  })

  it('flags an open follow-up due before today, where the organisation is', async () => {
    const { ref, action: late } = await withAction({ dueOn: '2026-09-30' })
    expect(late.overdue).toBe(true)
    const today = await addAction(ref, { title: 'Due today', dueOn: '2026-10-01' })
    const dueToday = expectMatches(WrittenAction, await today.json()).action
    expect(dueToday.overdue).toBe(false)
    const undated = await addAction(ref, { title: 'Someday' })
    expect(expectMatches(WrittenAction, await undated.json()).action.overdue).toBe(false)
    const shown = await detail(ref)
    expect(shown.actions.map((a) => [a.title, a.overdue])).toEqual([
      ['Automate certificate renewal', true],
      ['Due today', false],
      ['Someday', false],
    ])
    // 00:30 on 2 October in London is still 1 October in UTC: the day due is past there.
    // (The manager's session has gone idle by then: a viewer signs in to read.)
    ctx.clock.now = new Date('2026-10-01T23:30:00Z')
    const viewer = await loginAs(ctx, 'viewer')
    expect((await detail(ref, viewer.headers)).actions.map((a) => a.overdue)).toEqual([
      true,
      true,
      false,
    ])
    // Done is never overdue.
    const manager = await loginAs(ctx, 'manager')
    await patchAction(ref, late.id, { status: 'done' }, manager.headers)
    expect((await detail(ref, viewer.headers)).actions.map((a) => a.overdue)).toEqual([
      false,
      true,
      false,
    ])
  })
})

describe('PATCH /api/v1/incidents/:ref/actions/:actionId', () => {
  it('completes, reopens and reassigns a follow-up: each change on the timeline and audited', async () => {
    const { ref, action } = await withAction({ ownerPersonId: people.ann, dueOn: '2026-09-20' })
    later(60)
    const done = await patchAction(ref, action.id, { status: 'done' })
    expect(done.status).toBe(200)
    expect(expectMatches(WrittenAction, await done.json()).action).toMatchObject({
      status: 'done',
      completedAt: '2026-10-01T10:00:00.000Z',
      overdue: false,
    })
    later(70)
    const wontDo = await patchAction(ref, action.id, { status: 'wont_do' })
    expect(expectMatches(WrittenAction, await wontDo.json()).action.completedAt).toBe(
      '2026-10-01T10:00:00.000Z',
    )
    later(80)
    const reopened = await patchAction(ref, action.id, {
      status: 'open',
      ownerPersonId: people.bob,
      dueOn: '2026-10-20',
      title: 'Automate renewal everywhere',
    })
    expect(expectMatches(WrittenAction, await reopened.json()).action).toMatchObject({
      title: 'Automate renewal everywhere',
      owner: { id: people.bob, name: 'Bob Owner' },
      dueOn: '2026-10-20',
      status: 'open',
      completedAt: null,
      overdue: false,
    })
    const unowned = await patchAction(ref, action.id, { ownerPersonId: null, dueOn: null })
    expect(expectMatches(WrittenAction, await unowned.json()).action).toMatchObject({
      owner: null,
      dueOn: null,
    })

    const events = (await eventsOf(ref)).filter((e) => e.kind === 'action').slice(1)
    expect(events.map((e) => [e.body, e.authorUserId])).toEqual([
      ['Follow-up Automate certificate renewal: open → done', t.manager().user.id],
      ['Follow-up Automate certificate renewal: done → won’t do', t.manager().user.id],
      [
        'Follow-up Automate renewal everywhere: won’t do → open; renamed from Automate certificate renewal; owner Ann Owner → Bob Owner; due 2026-09-20 → 2026-10-20',
        t.manager().user.id,
      ],
      [
        'Follow-up Automate renewal everywhere: owner Bob Owner → nobody; due 2026-10-20 → none',
        t.manager().user.id,
      ],
    ])
    expect(events[0]?.data).toEqual({
      actionId: action.id,
      title: 'Automate certificate renewal',
      status: { from: 'open', to: 'done' },
    })
    const audit = (await auditOf(ref)).slice(1)
    expect(audit.map((a) => [a.action, a.changes])).toEqual([
      ['update_action', { ref, actionId: action.id, status: { from: 'open', to: 'done' } }],
      ['update_action', { ref, actionId: action.id, status: { from: 'done', to: 'wont_do' } }],
      [
        'update_action',
        {
          ref,
          actionId: action.id,
          status: { from: 'wont_do', to: 'open' },
          title: { from: 'Automate certificate renewal', to: 'Automate renewal everywhere' },
          ownerPersonId: { from: people.ann, to: people.bob },
          dueOn: { from: '2026-09-20', to: '2026-10-20' },
        },
      ],
      [
        'update_action',
        {
          ref,
          actionId: action.id,
          ownerPersonId: { from: people.bob, to: null },
          dueOn: { from: '2026-10-20', to: null },
        },
      ],
    ])
    // The same values again write nothing.
    const before = await written(ref)
    const same = await patchAction(ref, action.id, { ownerPersonId: null, status: 'open' })
    expect(same.status).toBe(200)
    expect(await written(ref)).toEqual(before)
  })
})

describe('the follow-up writes', () => {
  it('refuse a bad body with a 400 naming the field, and write nothing', async () => {
    const { ref, action } = await withAction()
    const before = await written(ref)
    const title = 'Fix it'
    const cases: [unknown, string, unknown][] = [
      [{ title: '' }, 'json.title', 'must not be empty'],
      [{ title: '   ' }, 'json.title', 'must not be empty'],
      [
        { title: 'x'.repeat(INCIDENT_TITLE_MAX_LENGTH + 1) },
        'json.title',
        `must be at most ${INCIDENT_TITLE_MAX_LENGTH} characters`,
      ],
      [{ title: 'two\nlines' }, 'json.title', expect.stringMatching(/one line/)],
      [{ title, dueOn: '2026-02-30' }, 'json.dueOn', 'must be a day (2026-10-31)'],
      [{ title, dueOn: '2026-10-01T00:00:00Z' }, 'json.dueOn', 'must be a day (2026-10-31)'],
      [{ title, dueOn: '1969-12-31' }, 'json.dueOn', 'must be in 1970 or later'],
      [{ title, status: 'closed' }, 'json.status', expect.any(String)],
      [{ title, ownerPersonId: 'ann' }, 'json.ownerPersonId', expect.any(String)],
      [{ title, ownerPersonId: 1.5 }, 'json.ownerPersonId', 'must be a person’s id'],
      [{ title, owner: 'ann' }, 'json', expect.stringContaining('owner')],
    ]
    for (const [body, path, message] of cases) {
      for (const res of [await addAction(ref, body), await patchAction(ref, action.id, body)]) {
        expect(res.status, `${JSON.stringify(body)}`).toBe(400)
        expect(await res.json()).toMatchObject({
          error: { code: 'validation_failed', details: [{ path, message }] },
        })
      }
    }
    const missingTitle = await addAction(ref, { dueOn: '2026-10-09' })
    expect(await missingTitle.json()).toMatchObject({
      error: { details: [{ path: 'json.title' }] },
    })
    const badId = await patchAction(ref, 'abc', { status: 'done' })
    expect(badId.status).toBe(400)
    expect(await badId.json()).toMatchObject({ error: { details: [{ path: 'param.actionId' }] } })
    expect(await written(ref)).toEqual(before)
  })

  it('refuse an owner who is no person with 422 unknown_person, and write nothing', async () => {
    const { ref, action } = await withAction({ ownerPersonId: people.ann })
    const before = await written(ref)
    for (const res of [
      await addAction(ref, { title: 'Nobody’s', ownerPersonId: 999_999 }),
      await patchAction(ref, action.id, { ownerPersonId: 999_999, status: 'done' }),
    ]) {
      expect(res.status).toBe(422)
      expect(await res.json()).toMatchObject({
        error: { code: 'unknown_person', details: [{ path: 'json.ownerPersonId' }] },
      })
    }
    expect(await written(ref)).toEqual(before)
  })

  it('answer 404 for no such incident, and for a follow-up of another incident', async () => {
    const mine = await withAction()
    const other = await withAction()
    const before = [await written(mine.ref), await written(other.ref)]
    const noIncident = await addAction('INC-1999-0001', { title: 'Lost' })
    expect(noIncident.status).toBe(404)
    expect(await noIncident.json()).toMatchObject({ error: { code: 'incident_not_found' } })
    const noIncidentPatch = await patchAction('INC-1999-0001', mine.action.id, { status: 'done' })
    expect(await noIncidentPatch.json()).toMatchObject({ error: { code: 'incident_not_found' } })
    for (const id of [other.action.id, 999_999]) {
      const res = await patchAction(mine.ref, id, { status: 'done' })
      expect(res.status).toBe(404)
      expect(await res.json()).toMatchObject({ error: { code: 'action_not_found' } })
    }
    expect([await written(mine.ref), await written(other.ref)]).toEqual(before)
  })

  it('refuse a viewer and a read token, and write nothing', async () => {
    const { ref, action } = await withAction()
    const before = await written(ref)
    const viewer = await loginAs(ctx, 'viewer')
    const added = await addAction(ref, { title: 'Not mine to add' }, viewer.headers)
    expect(added.status).toBe(403)
    expect(await added.json()).toMatchObject({ error: { code: 'forbidden' } })
    const changed = await patchAction(ref, action.id, { status: 'done' }, viewer.headers)
    expect(changed.status).toBe(403)
    const token = await createToken(ctx.db, ['read'])
    expect((await addAction(ref, { title: 'Not mine either' }, token.headers)).status).toBe(403)
    expect((await patchAction(ref, action.id, { status: 'done' }, token.headers)).status).toBe(403)
    expect(await written(ref)).toEqual(before)
  })
})
