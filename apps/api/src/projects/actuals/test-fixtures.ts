import { beforeEach } from 'vitest'
import {
  loginAs,
  postJson,
  SAME_ORIGIN,
  type TestUser,
  useClockedApp,
} from '../../../test/helpers.ts'

let n = 0

/**
 * The app for a projects write test: a manager signed in afresh for each test, the clock at
 * `start`, and projects and budget lines made straight in the database.
 */
export function projectsTestApp(start: Date) {
  const ctx = useClockedApp(start)
  let manager: { user: TestUser; headers: Record<string, string> } | undefined
  beforeEach(async () => {
    manager = await loginAs(ctx, 'manager')
  })
  const signedIn = () => {
    if (!manager) throw new Error('the manager signs in before each test')
    return manager
  }
  const headersOr = (headers?: Record<string, string>) => headers ?? signedIn().headers
  return {
    ctx,
    manager: signedIn,
    /** A new project (PRJ-T<n>), by default running from January to December 2026. */
    project: async (dates: { startDate?: string; endDate?: string } = {}) => {
      n += 1
      const code = `PRJ-T${n}`
      const row = await ctx.db
        .insertInto('projects')
        .values({
          code,
          name: `Test project ${n}`,
          startDate: dates.startDate ?? '2026-01-01',
          endDate: dates.endDate ?? '2026-12-31',
          status: 'active',
        })
        .returning(['id', 'code'])
        .executeTakeFirstOrThrow()
      return row
    },
    line: async (
      projectId: number,
      fields: { name?: string; category?: 'cloud' | 'labour'; spendType?: 'capex' | 'opex' } = {},
      amountPence = 1_000_000,
    ) => {
      const row = await ctx.db
        .insertInto('projectBudgetLines')
        .values({
          projectId,
          name: fields.name ?? 'Azure consumption',
          category: fields.category ?? 'cloud',
          spendType: fields.spendType ?? 'opex',
          amountPence,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    },
    /** The project's audit rows, oldest first. */
    auditOf: (projectId: number) =>
      ctx.db
        .selectFrom('auditLog')
        .select(['action', 'changes', 'actorUserId'])
        .where('entity', '=', 'project')
        .where('entityId', '=', String(projectId))
        .orderBy('id')
        .execute(),
    get: (path: string, headers?: Record<string, string>) =>
      ctx.app.request(`/api/v1/projects/${path}`, { headers: headersOr(headers) }),
    send: (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
      body === undefined
        ? ctx.app.request(`/api/v1/projects/${path}`, {
            method,
            headers: { ...headersOr(headers), ...SAME_ORIGIN },
          })
        : postJson(ctx, `/api/v1/projects/${path}`, body, headersOr(headers), method),
  }
}
