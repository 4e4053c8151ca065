import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createToken,
  createUser,
  loginAs,
  SAME_ORIGIN,
  setupApp,
  type TestApp,
  type TestUser,
} from '../../test/helpers.ts'

// Every route the router holds, called by every kind of caller. A route missing from POLICY fails
// the first test, so no route can be added without saying who may call it.
type Caller = 'anonymous' | 'viewer' | 'manager' | 'admin' | 'readToken' | 'ingestToken'
type Level = 'public' | 'authenticated' | 'session' | 'read' | 'write' | 'admin' | 'ingest'

const CALLERS: Caller[] = ['anonymous', 'viewer', 'manager', 'admin', 'readToken', 'ingestToken']
const ALLOWED: Record<Level, Caller[]> = {
  public: CALLERS,
  authenticated: ['viewer', 'manager', 'admin', 'readToken', 'ingestToken'],
  session: ['viewer', 'manager', 'admin'],
  read: ['viewer', 'manager', 'admin', 'readToken'],
  write: ['manager', 'admin'],
  admin: ['admin'],
  ingest: ['admin', 'ingestToken'],
}

const POLICY: Record<string, Level> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /metrics': 'read',
  'GET /api/openapi.json': 'authenticated',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'public',
  'GET /api/v1/auth/me': 'authenticated',
  'POST /api/v1/auth/password': 'session',
  'GET /api/v1/users': 'admin',
  'POST /api/v1/users': 'admin',
  'PATCH /api/v1/users/:id': 'admin',
  'POST /api/v1/users/:id/password': 'admin',
  'POST /api/v1/users/:id/unlock': 'admin',
  'GET /api/v1/tokens': 'admin',
  'POST /api/v1/tokens': 'admin',
  'DELETE /api/v1/tokens/:id': 'admin',
  'GET /api/v1/audit': 'admin',
  'GET /api/v1/overview': 'read',
  'GET /api/v1/settings': 'read',
  'PATCH /api/v1/settings': 'admin',
  'GET /api/v1/services/summary': 'read',
  'GET /api/v1/services': 'read',
  'GET /api/v1/services/:slug': 'read',
  'GET /api/v1/services/:slug/series': 'read',
  'GET /api/v1/services/:slug/daily': 'read',
  'POST /api/v1/services': 'write',
  'PATCH /api/v1/services/:slug': 'write',
  'POST /api/v1/services/:slug/archive': 'write',
  'POST /api/v1/services/:slug/restore': 'write',
  'GET /api/v1/services/:slug/maintenance': 'read',
  'POST /api/v1/services/:slug/maintenance': 'write',
  'DELETE /api/v1/services/:slug/maintenance/:id': 'write',
  'DELETE /api/v1/services/:slug/maintenance-schedules/:id': 'write',
  'POST /api/v1/checks': 'ingest',
  'GET /api/v1/business-services': 'read',
  'POST /api/v1/business-services': 'write',
  'GET /api/v1/business-services/:slug': 'read',
  'PATCH /api/v1/business-services/:slug': 'write',
  'POST /api/v1/business-services/:slug/archive': 'write',
  'POST /api/v1/business-services/:slug/restore': 'write',
  'GET /api/v1/incidents/summary': 'read',
  'GET /api/v1/incidents/metrics': 'read',
  'GET /api/v1/incidents/response-targets': 'read',
  'PUT /api/v1/incidents/response-targets': 'admin',
  'GET /api/v1/incidents/intake-settings': 'read',
  'PATCH /api/v1/incidents/intake-settings': 'admin',
  'GET /api/v1/incidents': 'read',
  'GET /api/v1/incidents/:ref': 'read',
  'POST /api/v1/incidents': 'write',
  'POST /api/v1/incidents/:ref/transitions': 'write',
  'POST /api/v1/incidents/:ref/corrections': 'write',
  'POST /api/v1/incidents/:ref/notes': 'write',
  'PATCH /api/v1/incidents/:ref': 'write',
  'PUT /api/v1/incidents/:ref/review': 'write',
  'POST /api/v1/incidents/:ref/actions': 'write',
  'PATCH /api/v1/incidents/:ref/actions/:actionId': 'write',
  'GET /api/v1/people': 'read',
  'POST /api/v1/people': 'write',
  'GET /api/v1/people/:id': 'read',
  'PATCH /api/v1/people/:id': 'write',
  'DELETE /api/v1/people/:id': 'write',
  'POST /api/v1/people/:id/moves': 'write',
  'GET /api/v1/teams': 'read',
  'POST /api/v1/teams': 'write',
  'PATCH /api/v1/teams/:slug': 'write',
  'POST /api/v1/integrations/alertmanager': 'ingest',
  'POST /api/v1/integrations/webhook': 'ingest',
  'GET /api/v1/projects/summary': 'read',
  'GET /api/v1/projects/:code/evm': 'read',
  'GET /api/v1/projects/:code/capacity-risk': 'read',
  'GET /api/v1/projects': 'read',
  'POST /api/v1/projects': 'write',
  'GET /api/v1/projects/:code': 'read',
  'PATCH /api/v1/projects/:code': 'write',
  'DELETE /api/v1/projects/:code': 'write',
  'POST /api/v1/projects/:code/lines': 'write',
  'PATCH /api/v1/projects/:code/lines/:id': 'write',
  'DELETE /api/v1/projects/:code/lines/:id': 'write',
  'GET /api/v1/portfolio': 'read',
  'GET /api/v1/suppliers': 'read',
  'POST /api/v1/projects/imports/actuals/preview': 'write',
  'POST /api/v1/projects/imports/actuals/commit': 'write',
  'POST /api/v1/projects/imports/baselines/preview': 'write',
  'POST /api/v1/projects/imports/baselines/commit': 'write',
  'GET /api/v1/projects/exports/actuals.csv': 'read',
  'GET /api/v1/projects/exports/baselines.csv': 'read',
  'GET /api/v1/projects/:code/actuals': 'read',
  'POST /api/v1/projects/:code/actuals': 'write',
  'PATCH /api/v1/projects/:code/actuals/:id': 'write',
  'DELETE /api/v1/projects/:code/actuals/:id': 'write',
  'GET /api/v1/projects/:code/baselines': 'read',
  'POST /api/v1/projects/:code/baselines': 'write',
  'GET /api/v1/projects/:code/progress': 'read',
  'PUT /api/v1/projects/:code/progress/:asOf': 'write',
  'DELETE /api/v1/projects/:code/progress/:asOf': 'write',
  'GET /api/v1/capacity/summary': 'read',
  'GET /api/v1/reports/preview': 'read',
  'GET /api/v1/reports/snapshots': 'read',
  'POST /api/v1/reports/snapshots': 'write',
  'GET /api/v1/reports/snapshots/:id': 'read',
  'GET /api/v1/reports/snapshots/:id/csv': 'read',
  'GET /api/v1/reports/snapshots/:id/share-links': 'write',
  'POST /api/v1/reports/snapshots/:id/share-links': 'write',
  'DELETE /api/v1/reports/share-links/:id': 'write',
  'GET /api/v1/reports/schedules': 'read',
  'POST /api/v1/reports/schedules': 'write',
  'PATCH /api/v1/reports/schedules/:id': 'write',
  'DELETE /api/v1/reports/schedules/:id': 'write',
  'GET /api/v1/reports/schedules/:id/deliveries': 'read',
  'GET /api/v1/reports/snapshots/:id/pdf': 'read',
  'GET /api/v1/shared/:token/pdf': 'public',
  // A share link opens its one snapshot to anyone who has it, and nothing else.
  'GET /api/v1/shared/:token': 'public',
  'GET /api/v1/shared/:token/csv': 'public',
  'GET /api/v1/allocations': 'read',
  'POST /api/v1/allocations': 'write',
  'POST /api/v1/allocations/preview': 'write',
  'PATCH /api/v1/allocations/:id': 'write',
  'DELETE /api/v1/allocations/:id': 'write',
  'GET /api/v1/time-off': 'read',
  'POST /api/v1/time-off': 'write',
  'PATCH /api/v1/time-off/:id': 'write',
  'DELETE /api/v1/time-off/:id': 'write',
  'GET /api/v1/closure-days': 'read',
  'POST /api/v1/closure-days': 'write',
  'DELETE /api/v1/closure-days/:day': 'write',
  'GET /api/v1/incidents/:ref/hours': 'read',
  'PUT /api/v1/incidents/:ref/hours/:personId/:day': 'write',
  'DELETE /api/v1/incidents/:ref/hours/:personId/:day': 'write',
  'GET /api/v1/capacity': 'read',
  'GET /api/v1/capacity/people/:id/weeks/:week': 'read',
  'GET /api/v1/capacity/overallocations': 'read',
  'GET /api/v1/capacity/run-change': 'read',
  'GET /api/v1/capacity/cover': 'read',
  'GET /api/v1/capacity/forecast': 'read',
  'POST /api/v1/capacity/imports/people/preview': 'write',
  'POST /api/v1/capacity/imports/people/commit': 'write',
  'POST /api/v1/capacity/imports/allocations/preview': 'write',
  'POST /api/v1/capacity/imports/allocations/commit': 'write',
  'GET /api/v1/capacity/exports/people.csv': 'read',
  'GET /api/v1/capacity/exports/allocations.csv': 'read',
}

let ctx: TestApp
let signInUser: TestUser
let targetUser: TestUser
let targetTokenId: number
let n = 0
const MATRIX_SERVICE = 'matrix-service'
const MATRIX_GROUP = 'matrix-group'

beforeAll(async () => {
  ctx = await setupApp()
  signInUser = await createUser(ctx.db, 'viewer')
  targetUser = await createUser(ctx.db, 'viewer')
  targetTokenId = (await createToken(ctx.db, ['read'])).id
  const service = await ctx.db
    .insertInto('services')
    .values({ slug: MATRIX_SERVICE, name: 'Matrix', tier: 3, sloTarget: 0.99 })
    .returning('id')
    .executeTakeFirstOrThrow()
  const group = await ctx.db
    .insertInto('serviceGroups')
    .values({ slug: MATRIX_GROUP, name: 'Matrix', sloTarget: 0.99, rule: 'all' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await ctx.db
    .insertInto('serviceGroupMembers')
    .values({ groupId: group.id, serviceId: service.id })
    .execute()
})
afterAll(() => ctx.drop())

// `use()` middleware shows in app.routes as method ALL, and so would a handler registered with
// `.all()` or a middleware that answers. Only these entries may be ALL, each exactly as many times
// as listed: any other, or one more of these, fails the first test until it is reviewed here.
const MIDDLEWARE: Record<string, number> = {
  // The request metrics, Connection: close while draining, securityHeaders, requestIds,
  // requestLogger, the per-request variables, readRouting (app.ts)
  'ALL /*': 7,
  // Cache-Control, limitBody, forgetFiguresOnWrite, csrfGuard, authenticate (app.ts)
  'ALL /api/v1/*': 5,
}

/** How many times each `ALL` entry (middleware) is registered. */
function registeredMiddleware(): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const r of ctx.app.routes.filter((r) => r.method === 'ALL')) {
    const key = `${r.method} ${r.path}`
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

/** Method and path of every handler the router holds, but for the ALL entries above. */
function registeredRoutes(): string[] {
  const keys = ctx.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)
  return [...new Set(keys)].sort()
}

// A valid body for each route, so an allowed caller gets past validation to a 2xx or a 4xx
// that is neither 401 nor 403.
function bodyFor(route: string): unknown {
  n += 1
  switch (route) {
    case 'POST /api/v1/auth/login':
      return { email: signInUser.email, password: signInUser.password }
    case 'POST /api/v1/auth/password':
      return { currentPassword: 'not-the-password', newPassword: 'a-new-password-123' }
    case 'POST /api/v1/users':
      return {
        email: `matrix-${n}@test.local`,
        name: 'M',
        role: 'viewer',
        password: 'long-password-1',
      }
    case 'PATCH /api/v1/users/:id':
      return { name: `Renamed ${n}` }
    case 'POST /api/v1/users/:id/password':
      return { password: 'reset-password-123' }
    case 'POST /api/v1/tokens':
      return { name: `matrix ${n}`, scopes: ['read'] }
    case 'PUT /api/v1/incidents/response-targets':
      return {
        targets: [
          { severity: 'SEV1', ackMinutes: 5, resolveMinutes: 240 },
          { severity: 'SEV2', ackMinutes: 15, resolveMinutes: 480 },
          { severity: 'SEV3', ackMinutes: 60, resolveMinutes: 4320 },
          { severity: 'SEV4', ackMinutes: 1440, resolveMinutes: 14400 },
        ],
      }
    case 'PATCH /api/v1/incidents/intake-settings':
      return { alertmanagerServiceLabel: 'service' }
    case 'PATCH /api/v1/settings':
      return { name: `Matrix organisation ${n}` }
    case 'POST /api/v1/checks':
      // No such service: an allowed caller gets past access() and validation to the 422.
      return {
        samples: [
          { service: 'matrix-probe', at: new Date().toISOString(), status: 'up', latencyMs: 1 },
        ],
      }
    case 'POST /api/v1/services':
      return { slug: `matrix-${n}`, name: 'Matrix', tier: 3, sloTarget: 0.99 }
    case 'POST /api/v1/business-services':
      return {
        slug: `matrix-group-${n}`,
        name: 'Matrix',
        sloTarget: 0.99,
        rule: 'any',
        components: [MATRIX_SERVICE],
      }
    case 'PATCH /api/v1/business-services/:slug':
      return { name: `Matrix group ${n}` }
    case 'PATCH /api/v1/services/:slug':
      return { name: `Matrix ${n}` }
    case 'POST /api/v1/incidents':
      return {
        title: `Matrix ${n}`,
        severity: 'SEV4',
        services: [{ slug: MATRIX_SERVICE, impact: 'degraded' }],
      }
    case 'POST /api/v1/incidents/:ref/transitions':
      return { to: 'acknowledged' }
    case 'POST /api/v1/incidents/:ref/corrections':
      return { field: 'startedAt', value: new Date(Date.now() - 3_600_000), reason: 'Matrix' }
    case 'POST /api/v1/incidents/:ref/notes':
      return { body: `Matrix ${n}` }
    case 'PATCH /api/v1/incidents/:ref':
      return { title: `Matrix ${n}` }
    // An end of nothing opsdeck has seen: an allowed caller gets past access() to a 200 ignored.
    case 'POST /api/v1/integrations/alertmanager':
      return {
        version: '4',
        groupKey: `{}:{alertname="Matrix${n}"}`,
        truncatedAlerts: 0,
        status: 'resolved',
        receiver: 'opsdeck',
        groupLabels: { alertname: `Matrix${n}` },
        commonLabels: { alertname: `Matrix${n}` },
        commonAnnotations: {},
        externalURL: 'http://alertmanager:9093',
        alerts: [
          {
            status: 'resolved',
            labels: { alertname: `Matrix${n}` },
            annotations: {},
            startsAt: '2026-06-10T09:00:00Z',
            endsAt: '2026-06-10T09:05:00Z',
            generatorURL: '',
            fingerprint: 'f00dfeedf00dfeed',
          },
        ],
      }
    case 'POST /api/v1/integrations/webhook':
      return { source: 'matrix', key: `matrix-${n}`, status: 'resolved' }
    case 'PUT /api/v1/incidents/:ref/review':
      return {
        rootCause: 'Matrix',
        contributingFactors: '',
        wentWell: '',
        lessons: '',
        completed: true,
      }
    case 'POST /api/v1/incidents/:ref/actions':
      return { title: `Matrix ${n}` }
    case 'PATCH /api/v1/incidents/:ref/actions/:actionId':
      return { status: 'done' }
    case 'POST /api/v1/projects':
      return { code: `MATRIX-${n}`, name: 'Matrix', startDate: '2026-01-01', endDate: '2026-12-31' }
    case 'PATCH /api/v1/projects/:code':
      return { name: `Matrix ${n}` }
    case 'POST /api/v1/projects/:code/lines':
      return { name: 'Matrix', category: 'labour', spendType: 'opex', amountPence: 1 }
    case 'PATCH /api/v1/projects/:code/lines/:id':
      return { amountPence: 2 }
    // No such project: an allowed caller gets past access() to the preview's errors or the 422.
    case 'POST /api/v1/projects/imports/actuals/preview':
    case 'POST /api/v1/projects/imports/actuals/commit':
      return {
        csv: `project,date,amount,category,spend_type,reference\nMATRIX-NONE,2026-01-01,1,labour,opex,M-${n}`,
      }
    case 'POST /api/v1/projects/imports/baselines/preview':
    case 'POST /api/v1/projects/imports/baselines/commit':
      return { csv: 'project,month,amount\nMATRIX-NONE,2026-01,1', reason: `Matrix ${n}` }
    case 'POST /api/v1/projects/:code/actuals':
      return { incurredOn: '2026-01-01', amountPence: 1, category: 'cloud', spendType: 'opex' }
    case 'PATCH /api/v1/projects/:code/actuals/:id':
      return { amountPence: 2 }
    case 'POST /api/v1/projects/:code/baselines':
      return { reason: `Matrix ${n}`, months: [{ month: '2026-01', amountPence: 1 }] }
    case 'PUT /api/v1/projects/:code/progress/:asOf':
      return { percentComplete: 10 }
    // No such team: an allowed caller gets past access() to the 422.
    case 'POST /api/v1/people':
      return { name: `Matrix ${n}`, role: 'Engineer', contractedHoursPerWeek: 1, teamId: 999999 }
    case 'PATCH /api/v1/people/:id':
      return { name: `Matrix ${n}` }
    case 'POST /api/v1/people/:id/moves':
      return { teamId: 999999, from: '2026-01-05' }
    case 'POST /api/v1/teams':
      return { slug: `matrix-team-${n}`, name: 'Matrix' }
    case 'PATCH /api/v1/teams/:slug':
      return { name: `Matrix ${n}` }
    // No such person, allocation, time off or incident: an allowed caller gets past access() to
    // the 422 or 404; a closure day of its own each time, to the 201.
    case 'POST /api/v1/allocations':
      return {
        personId: 999_999,
        kind: 'run',
        firstDay: '2026-01-05',
        lastDay: '2026-01-09',
        hoursPerWeek: 1,
      }
    case 'POST /api/v1/allocations/preview':
      return { id: 999_999, delete: true }
    case 'PATCH /api/v1/allocations/:id':
    case 'PATCH /api/v1/time-off/:id':
      return { note: `Matrix ${n}` }
    // No such team or person: an allowed caller gets past access() to the preview's errors or the
    // 422.
    case 'POST /api/v1/capacity/imports/people/preview':
    case 'POST /api/v1/capacity/imports/people/commit':
      return {
        csv: `name,email,team,role,contracted_hours\nMatrix,matrix-${n}@example.test,matrix-none,E,1`,
      }
    case 'POST /api/v1/capacity/imports/allocations/preview':
    case 'POST /api/v1/capacity/imports/allocations/commit':
      return {
        csv: `person,kind,first_day,last_day,hours_per_week\nnobody-${n}@example.test,run,2026-01-05,2026-01-09,1`,
      }
    case 'POST /api/v1/time-off':
      return { personId: 999_999, firstDay: '2026-01-05', lastDay: '2026-01-05' }
    case 'POST /api/v1/closure-days':
      return { day: new Date(Date.UTC(2030, 0, n)).toISOString().slice(0, 10), name: 'Matrix' }
    case 'PUT /api/v1/incidents/:ref/hours/:personId/:day':
      return { hours: 1 }
    case 'POST /api/v1/services/:slug/maintenance': {
      // A one-off window tomorrow: the test's clock is the real one.
      const startsAt = new Date(Date.now() + 86_400_000)
      const endsAt = new Date(startsAt.getTime() + 3_600_000)
      return { startsAt, endsAt, reason: `Matrix ${n}` }
    }
    default:
      return undefined
  }
}

function concretePath(path: string): string {
  if (path.startsWith('/api/v1/users/')) return path.replace(':id', String(targetUser.id))
  if (path.startsWith('/api/v1/tokens/')) return path.replace(':id', String(targetTokenId))
  if (path.startsWith('/api/v1/services/')) path = path.replace(':slug', MATRIX_SERVICE)
  if (path.startsWith('/api/v1/business-services/')) path = path.replace(':slug', MATRIX_GROUP)
  // No such budget line (nor project): an allowed caller gets past access() to the 404.
  if (path.startsWith('/api/v1/projects/')) path = path.replace(':id', '999999')
  // No such project: an allowed caller gets past access() to the 404.
  if (path.startsWith('/api/v1/projects/')) path = path.replace(':code', 'MATRIX-NONE')
  if (path.startsWith('/api/v1/projects/')) path = path.replace(':asOf', '2026-01-01')
  // No such person or team: an allowed caller gets past access() to the 404.
  if (path.startsWith('/api/v1/people/')) path = path.replace(':id', '999999')
  if (path.startsWith('/api/v1/capacity/people/')) {
    path = path.replace(':id', '999999').replace(':week', '2031-01-06')
  }
  if (path.startsWith('/api/v1/teams/')) path = path.replace(':slug', 'matrix-none')
  // No such incident: an allowed caller gets past access() to the 404.
  if (path.startsWith('/api/v1/incidents/')) {
    path = path.replace(':ref', 'INC-0000-0000').replace(':actionId', '999999')
  }
  // No such window or schedule: an allowed caller gets past access() to the 404.
  if (path.includes('/maintenance')) path = path.replace(':id', '999999')
  // No such allocation, time off, closure day or responder hours: past access() to the 404.
  if (/^\/api\/v1\/(allocations|time-off)\//.test(path)) path = path.replace(':id', '999999')
  // No such snapshot, share link or schedule; a link that opens nothing.
  if (path.startsWith('/api/v1/reports/')) path = path.replace(':id', '999999')
  path = path.replace(':token', 'ods_matrix-none')
  path = path.replace(':day', '2031-01-01').replace(':personId', '999999')
  if (path.includes(':')) throw new Error(`no id to put in ${path}: add one to concretePath`)
  return path
}

// A fresh caller for every call: logout and password changes must not spoil the next call.
async function credentialsOf(caller: Caller): Promise<Record<string, string>> {
  switch (caller) {
    case 'anonymous':
      return {}
    case 'readToken':
      return (await createToken(ctx.db, ['read'])).headers
    case 'ingestToken':
      return (await createToken(ctx.db, ['ingest'])).headers
    default:
      return (await loginAs(ctx, caller)).headers
  }
}

describe('authorization matrix', () => {
  it('has a policy for every registered route, and no policy for a route that is gone', () => {
    expect(registeredMiddleware()).toEqual(MIDDLEWARE)
    expect(registeredRoutes()).toEqual(Object.keys(POLICY).sort())
  })

  // The known middleware passes every request on: a path no route holds meets the 404, whatever
  // the method and whoever asks, instead of an answer from the middleware itself.
  const probes = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].flatMap((method) =>
    ['/matrix-probe', '/api/v1/matrix-probe'].map((path) => ({ method, path })),
  )
  it.each(probes)('passes $method $path on to the 404', async ({ method, path }) => {
    const res = await ctx.app.request(path, { method, headers: SAME_ORIGIN })
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } })
  })

  const cases = Object.entries(POLICY).flatMap(([route, level]) =>
    CALLERS.map((caller) => ({ route, level, caller, allowed: ALLOWED[level].includes(caller) })),
  )
  it.each(cases)('$route as $caller ($level)', async ({ route, caller, allowed }) => {
    const [method, path] = route.split(' ') as [string, string]
    const body = bodyFor(route)
    const res = await ctx.app.request(concretePath(path), {
      method,
      headers: {
        ...SAME_ORIGIN,
        ...(await credentialsOf(caller)),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (allowed) {
      expect(res.status, await res.clone().text()).not.toBe(401)
      expect(res.status).not.toBe(403)
      expect(res.status).toBeLessThan(500)
    } else if (caller === 'anonymous') {
      expect(res.status).toBe(401)
      expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } })
    } else {
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } })
    }
  })
})
