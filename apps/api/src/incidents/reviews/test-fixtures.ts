import { beforeAll, expect } from 'vitest'
import { expectMatches, postJson } from '../../../test/helpers.ts'
import { lifecycleTestApp } from '../lifecycle/test-fixtures.ts'
import { insertPerson, insertTeam } from '../reads/read-fixtures.ts'
import { IncidentDetail } from '../reads/schemas.ts'

/**
 * The lifecycle test app (services life-api and life-web, a manager signed in for each test, the
 * clock at `start`) with two people to own follow-ups, the review and action calls, and what
 * the tests read back: the detail, the incident's audit rows and everything a write touches.
 */
export function reviewsTestApp(start: Date) {
  const t = lifecycleTestApp(start)
  const { ctx } = t
  const people = { ann: 0, bob: 0 }
  beforeAll(async () => {
    const team = await insertTeam(ctx.db, 'review-team')
    people.ann = await insertPerson(ctx.db, team, 'Ann Owner')
    people.bob = await insertPerson(ctx.db, team, 'Bob Owner')
  })
  const headersOr = (headers?: Record<string, string>) => headers ?? t.manager().headers

  const auditOf = async (ref: string) => {
    const { id } = await t.incidentRow(ref)
    return ctx.db
      .selectFrom('auditLog')
      .select(['action', 'changes', 'actorUserId'])
      .where('entity', '=', 'incident')
      .where('entityId', '=', String(id))
      .orderBy('id')
      .execute()
  }
  return {
    ...t,
    people,
    putReview: (ref: string, body: unknown, headers?: Record<string, string>) =>
      postJson(ctx, `/api/v1/incidents/${ref}/review`, body, headersOr(headers), 'PUT'),
    addAction: (ref: string, body: unknown, headers?: Record<string, string>) =>
      postJson(ctx, `/api/v1/incidents/${ref}/actions`, body, headersOr(headers)),
    patchAction: (
      ref: string,
      id: number | string,
      body: unknown,
      headers?: Record<string, string>,
    ) => postJson(ctx, `/api/v1/incidents/${ref}/actions/${id}`, body, headersOr(headers), 'PATCH'),
    detail: async (ref: string, headers?: Record<string, string>) => {
      const res = await ctx.app.request(`/api/v1/incidents/${ref}`, { headers: headersOr(headers) })
      expect(res.status).toBe(200)
      return expectMatches(IncidentDetail, await res.json())
    },
    auditOf,
    /** Everything a review or action write changes, to show that a refused one changed nothing. */
    written: async (ref: string) => {
      const incident = await t.incidentRow(ref)
      const [review, actions, events, audit] = await Promise.all([
        ctx.db
          .selectFrom('incidentReviews')
          .selectAll()
          .where('incidentId', '=', incident.id)
          .execute(),
        ctx.db
          .selectFrom('incidentActions')
          .selectAll()
          .where('incidentId', '=', incident.id)
          .orderBy('id')
          .execute(),
        t.eventsOf(ref),
        auditOf(ref),
      ])
      return { incident, review, actions, events, audit }
    },
  }
}
