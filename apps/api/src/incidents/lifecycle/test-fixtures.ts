import { beforeAll, beforeEach, expect } from 'vitest'
import {
  expectMatches,
  loginAs,
  postJson,
  type TestUser,
  useClockedApp,
} from '../../../test/helpers.ts'
import { WrittenIncident } from './schemas.ts'

const MINUTE = 60_000

/**
 * The app for a lifecycle route test: services life-api, life-web and life-old (archived), a
 * manager signed in afresh for each test, the clock at `start` (moved by `later`), and the calls
 * and rows the tests read.
 */
export function lifecycleTestApp(start: Date) {
  const ctx = useClockedApp(start)
  let manager: { user: TestUser; headers: Record<string, string> } | undefined
  let n = 0
  beforeAll(async () => {
    await ctx.db
      .insertInto('services')
      .values([
        { slug: 'life-api', name: 'API', tier: 1, sloTarget: 0.999 },
        { slug: 'life-web', name: 'Web', tier: 2, sloTarget: 0.99 },
        { slug: 'life-old', name: 'Old', tier: 3, sloTarget: 0.99, archivedAt: start },
      ])
      .execute()
  })
  beforeEach(async () => {
    manager = await loginAs(ctx, 'manager')
  })
  const signedIn = () => {
    if (!manager) throw new Error('the manager signs in before each test')
    return manager
  }

  const create = (body: Record<string, unknown> = {}, headers = signedIn().headers) =>
    postJson(
      ctx,
      '/api/v1/incidents',
      {
        title: `Checkout failing ${++n}`,
        severity: 'SEV3',
        services: [{ slug: 'life-api', impact: 'outage' }],
        ...body,
      },
      headers,
    )
  const incidentRow = (ref: string) =>
    ctx.db.selectFrom('incidents').selectAll().where('ref', '=', ref).executeTakeFirstOrThrow()
  return {
    ctx,
    manager: signedIn,
    /** How many incidents `create` asked for, refused ones too. */
    created: () => n,
    later: (minutes: number) => {
      ctx.clock.now = new Date(start.getTime() + minutes * MINUTE)
    },
    create,
    declare: async (body: Record<string, unknown> = {}) => {
      const res = await create(body)
      expect(res.status, await res.clone().text()).toBe(201)
      return expectMatches(WrittenIncident, await res.json())
    },
    move: (ref: string, to: string, note?: string) =>
      postJson(ctx, `/api/v1/incidents/${ref}/transitions`, { to, note }, signedIn().headers),
    incidentRow,
    eventsOf: async (ref: string) => {
      const { id } = await incidentRow(ref)
      return ctx.db
        .selectFrom('incidentEvents')
        .select(['kind', 'at', 'body', 'authorUserId', 'data'])
        .where('incidentId', '=', id)
        .orderBy('id')
        .execute()
    },
  }
}
