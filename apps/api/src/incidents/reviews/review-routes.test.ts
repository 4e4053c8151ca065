import { INCIDENT_TEXT_MAX_LENGTH } from '@opsdeck/contract'
import { describe, expect, it } from 'vitest'
import { expectMatches, loginAs } from '../../../test/helpers.ts'
import { WrittenReview } from './schemas.ts'
import { reviewsTestApp } from './test-fixtures.ts'

// The clock stands at 09:00 UTC on Thursday 1 October 2026 and moves as each test says.
const START = new Date('2026-10-01T09:00:00Z')
const t = reviewsTestApp(START)
const { ctx, declare, move, later, putReview, eventsOf, auditOf, written, detail } = t

const REVIEW = {
  rootCause: 'An expired certificate on the load balancer',
  contributingFactors: 'Renewal reminders went to a leaver’s mailbox',
  wentWell: 'Paged within two minutes',
  lessons: 'Automate renewal',
  completed: false,
}

describe('PUT /api/v1/incidents/:ref/review', () => {
  it('creates the review, on the timeline with its author and in the audit log', async () => {
    const { ref } = await declare()
    later(60)
    const res = await putReview(ref, REVIEW)
    expect(res.status).toBe(201)
    const { completed, ...texts } = REVIEW
    expect(expectMatches(WrittenReview, await res.json())).toEqual({
      ref,
      review: { ...texts, completedAt: null, updatedAt: '2026-10-01T10:00:00.000Z' },
    })
    expect((await eventsOf(ref)).at(-1)).toMatchObject({
      kind: 'review',
      at: new Date('2026-10-01T10:00:00Z'),
      body: 'Post-incident review started',
      authorUserId: t.manager().user.id,
      data: {
        changed: ['rootCause', 'contributingFactors', 'wentWell', 'lessons', 'completed'],
        completed,
        completedAt: null,
      },
    })
    expect(await auditOf(ref)).toEqual([
      {
        action: 'review',
        actorUserId: t.manager().user.id,
        changes: {
          ref,
          rootCause: { from: null, to: REVIEW.rootCause },
          contributingFactors: { from: null, to: REVIEW.contributingFactors },
          wentWell: { from: null, to: REVIEW.wentWell },
          lessons: { from: null, to: REVIEW.lessons },
          completed: { from: null, to: false },
        },
      },
    ])
    const shown = await detail(ref)
    expect(shown.review).toEqual({
      ...texts,
      completedAt: null,
      updatedAt: '2026-10-01T10:00:00.000Z',
    })
    expect(shown.timeline.at(-1)).toMatchObject({ kind: 'review', author: t.manager().user.name })
    expect((await t.incidentRow(ref)).updatedAt).toEqual(new Date('2026-10-01T10:00:00Z'))
  })

  it('replaces it; completion keeps its first time; the same review again writes nothing', async () => {
    const { ref } = await declare()
    await putReview(ref, REVIEW)
    later(30)
    const done = await putReview(ref, {
      ...REVIEW,
      lessons: 'Automate renewal; alert at 30 days',
      completed: true,
    })
    expect(done.status).toBe(200)
    expect(await done.json()).toMatchObject({
      review: {
        lessons: 'Automate renewal; alert at 30 days',
        completedAt: '2026-10-01T09:30:00.000Z',
      },
    })
    later(45)
    const edited = await putReview(ref, { ...REVIEW, wentWell: '  Paged fast  ', completed: true })
    expect(await edited.json()).toMatchObject({
      review: {
        wentWell: 'Paged fast', // trimmed
        lessons: 'Automate renewal',
        completedAt: '2026-10-01T09:30:00.000Z',
        updatedAt: '2026-10-01T09:45:00.000Z',
      },
    })
    const before = await written(ref)
    later(50)
    const same = await putReview(ref, { ...REVIEW, wentWell: 'Paged fast', completed: true })
    expect(same.status).toBe(200)
    expect(await written(ref)).toEqual(before)

    const reopened = await putReview(ref, { ...REVIEW, wentWell: 'Paged fast' })
    expect(await reopened.json()).toMatchObject({ review: { completedAt: null } })
    const reviewEvents = (await eventsOf(ref)).filter((e) => e.kind === 'review')
    expect(reviewEvents.map((e) => [e.body, e.data])).toEqual([
      ['Post-incident review started', expect.anything()],
      [
        'Post-incident review completed',
        {
          changed: ['lessons', 'completed'],
          completed: true,
          completedAt: '2026-10-01T09:30:00.000Z',
        },
      ],
      [
        'Post-incident review updated: what went well, lessons',
        {
          changed: ['wentWell', 'lessons'],
          completed: true,
          completedAt: '2026-10-01T09:30:00.000Z',
        },
      ],
      [
        'Post-incident review reopened',
        { changed: ['completed'], completed: false, completedAt: null },
      ],
    ])
    expect((await auditOf(ref)).map((a) => a.changes)).toEqual([
      expect.anything(),
      {
        ref,
        lessons: { from: 'Automate renewal', to: 'Automate renewal; alert at 30 days' },
        completed: { from: false, to: true },
      },
      {
        ref,
        wentWell: { from: REVIEW.wentWell, to: 'Paged fast' },
        lessons: { from: 'Automate renewal; alert at 30 days', to: 'Automate renewal' },
      },
      { ref, completed: { from: true, to: false } },
    ])
  })

  it('refuses a bad review with a 400 naming the field, and writes nothing', async () => {
    const { ref } = await declare()
    await putReview(ref, REVIEW)
    const before = await written(ref)
    const tooLong = 'x'.repeat(INCIDENT_TEXT_MAX_LENGTH + 1)
    const noLessons: Partial<typeof REVIEW> = { ...REVIEW }
    delete noLessons.lessons
    const cases: [unknown, string, unknown][] = [
      [
        { ...REVIEW, rootCause: tooLong },
        'json.rootCause',
        `must be at most ${INCIDENT_TEXT_MAX_LENGTH} characters`,
      ],
      [
        { ...REVIEW, lessons: tooLong },
        'json.lessons',
        `must be at most ${INCIDENT_TEXT_MAX_LENGTH} characters`,
      ],
      [
        { ...REVIEW, rootCause: '  ', completed: true },
        'json.rootCause',
        'must not be empty in a completed review',
      ],
      [
        { ...REVIEW, wentWell: 'a\u0000b' },
        'json.wentWell',
        'must not contain a NUL character (\\u0000)',
      ],
      [noLessons, 'json.lessons', expect.any(String)],
      [{ ...REVIEW, completed: 'yes' }, 'json.completed', expect.any(String)],
      [
        { ...REVIEW, completedAt: '2026-10-01T09:00:00Z' },
        'json',
        expect.stringContaining('completedAt'),
      ],
    ]
    for (const [body, path, message] of cases) {
      const res = await putReview(ref, body)
      expect(res.status, path).toBe(400)
      expect(await res.json()).toMatchObject({
        error: { code: 'validation_failed', details: [{ path, message }] },
      })
    }
    expect(await written(ref)).toEqual(before)
    // Text at the limit is kept whole.
    const atLimit = await putReview(ref, {
      ...REVIEW,
      rootCause: 'y'.repeat(INCIDENT_TEXT_MAX_LENGTH),
    })
    expect(atLimit.status).toBe(200)
    const after = await written(ref)
    expect(after.review[0]?.rootCause).toHaveLength(INCIDENT_TEXT_MAX_LENGTH)
    expect(after.events).toHaveLength(before.events.length + 1)
  })

  it('answers 404 for no such incident, and refuses a viewer', async () => {
    const missing = await putReview('INC-1999-0001', REVIEW)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: { code: 'incident_not_found' } })
    const { ref } = await declare()
    const viewer = await loginAs(ctx, 'viewer')
    const before = await written(ref)
    const refused = await putReview(ref, { ...REVIEW, completed: true }, viewer.headers)
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({ error: { code: 'forbidden' } })
    expect(await written(ref)).toEqual(before)
  })

  it('lets a SEV1 or SEV2 incident close once its review is completed, and not before', async () => {
    for (const severity of ['SEV1', 'SEV2']) {
      const { ref } = await declare({ severity })
      later(20)
      expect((await move(ref, 'resolved')).status).toBe(200)
      const early = await move(ref, 'closed')
      expect(early.status).toBe(409)
      expect(await early.json()).toMatchObject({
        error: {
          code: 'illegal_transition',
          message: `A ${severity} incident needs a completed post-incident review before it is closed`,
        },
      })
      expect((await putReview(ref, REVIEW)).status).toBe(201)
      expect((await move(ref, 'closed')).status).toBe(409) // a draft is not completed
      expect((await putReview(ref, { ...REVIEW, completed: true })).status).toBe(200)
      const closed = await move(ref, 'closed')
      expect(closed.status).toBe(200)
      expect(await closed.json()).toMatchObject({ status: 'closed' })

      // Closed means the review is done: it may be corrected, not reopened.
      const before = await written(ref)
      const reopen = await putReview(ref, REVIEW)
      expect(reopen.status).toBe(409)
      expect(await reopen.json()).toMatchObject({ error: { code: 'incident_closed' } })
      expect(await written(ref)).toEqual(before)
      const fixed = await putReview(ref, {
        ...REVIEW,
        lessons: 'Automate renewal everywhere',
        completed: true,
      })
      expect(fixed.status).toBe(200)
    }
  })
})
