import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import {
  createToken,
  createUser,
  loginAs,
  SAME_ORIGIN,
  setupApp,
  TEST_HASH,
  type TestApp,
  type TestUser,
} from '../../test/helpers.ts'

// Client mistakes over every route that reads them: each is a 4xx in the envelope naming what is
// wrong, logged without a stack, and writes nothing (no row changes in any table).
let ctx: TestApp
let admin: Awaited<ReturnType<typeof loginAs>>
let target: TestUser
let tokenId: number
let validatePerson: number
let personId: number
let teamId: number
let otherTeamId: number
let n = 0
beforeAll(async () => {
  ctx = await setupApp(new Date('2026-11-04T12:00:00Z'))
  admin = await loginAs(ctx, 'admin')
  target = await createUser(ctx.db, 'viewer')
  tokenId = (await createToken(ctx.db, ['read'])).id
  await ctx.db
    .insertInto('services')
    .values({ slug: 'validate-probe', name: 'Probe', tier: 3, sloTarget: 0.99 })
    .execute()
  await ctx.db
    .insertInto('serviceGroups')
    .values({ slug: 'validate-group', name: 'Group', sloTarget: 0.99, rule: 'any' })
    .execute()
  // An open incident the incident writes would change, were a bad body to get through.
  await ctx.db
    .insertInto('incidents')
    .values({
      ref: 'INC-2026-0001',
      title: 'Probe down',
      severity: 'SEV3',
      startedAt: '2026-11-04T11:00:00Z',
    })
    .execute()
  // A project the catalogue's writes would change, were a bad body to get through.
  await ctx.db
    .insertInto('projects')
    .values({ code: 'VALIDATE-CAT', name: 'Probe', startDate: '2026-01-01', endDate: '2026-12-31' })
    .execute()
  // A person the capacity writes would book, give time off or log hours for.
  const capacityTeam = await ctx.db
    .insertInto('teams')
    .values({ slug: 'validate-capacity', name: 'Validate' })
    .returning('id')
    .executeTakeFirstOrThrow()
  validatePerson = (
    await ctx.db
      .insertInto('people')
      .values({
        teamId: capacityTeam.id,
        name: 'Validate',
        role: 'Engineer',
        contractedHoursPerWeek: 37.5,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
  // A team and a person the people and teams writes would change, were a bad body to get through.
  teamId = (
    await ctx.db
      .insertInto('teams')
      .values({ slug: 'validate-team', name: 'Probe' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
  otherTeamId = (
    await ctx.db
      .insertInto('teams')
      .values({ slug: 'validate-team-2', name: 'Probe 2' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
  personId = (
    await ctx.db
      .insertInto('people')
      .values({ teamId, name: 'Probe', role: 'Engineer', contractedHoursPerWeek: 37.5 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
})
afterAll(() => ctx.drop())

interface Envelope {
  error: { code: string; message: string; details: { path: string; message: string }[] }
}

/** Every row of every table, hashed per table: equal snapshots mean nothing was written. */
async function snapshot(db: Kysely<Database>) {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`.execute(db)
  const each = tables.rows.map(
    ({ name }) =>
      sql`SELECT ${name} AS name, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash
          FROM ${sql.table(name)} t`,
  )
  // UNION ALL keeps no order (a parallel append interleaves): compare by name.
  const { rows } = await sql<{
    name: string
    hash: string
  }>`${sql.join(each, sql` UNION ALL `)}`.execute(db)
  return rows.sort((a, b) => a.name.localeCompare(b.name))
}

/** The request's answer, after checking that it changed no row anywhere. */
async function writesNothing(request: () => Response | Promise<Response>) {
  const before = await snapshot(ctx.db)
  const res = await request()
  const body = (await res.json()) as Envelope
  expect(await snapshot(ctx.db)).toEqual(before)
  return { status: res.status, body }
}

const send = (
  method: string,
  path: string,
  init: { body?: string | Uint8Array; type?: string } = {},
) =>
  ctx.app.request(path, {
    method,
    headers: {
      ...SAME_ORIGIN,
      ...admin.headers,
      ...(init.type === undefined ? {} : { 'Content-Type': init.type }),
    },
    body: init.body ?? null,
  })
const sendJson = (method: string, path: string, body: unknown) =>
  send(method, path, { body: JSON.stringify(body), type: 'application/json' })

const ACTUALS_CSV =
  'project,date,amount,category,spend_type,reference\nVALIDATE,2026-01-01,1,labour,opex,V-1'
const PLAN_CSV = 'project,month,amount\nVALIDATE,2026-01,1'
const PEOPLE_CSV = 'name,email,team,role,contracted_hours\nV,v@example.test,validate-capacity,E,1'
const ALLOCATIONS_CSV =
  'person,kind,first_day,last_day,hours_per_week\nv@example.test,run,2026-01-05,2026-01-09,1'

// Every route that reads a JSON body, with a body it would accept (and act on) from the admin.
const JSON_ROUTES: Record<string, () => { path: string; body: Record<string, unknown> }> = {
  'POST /api/v1/auth/login': () => ({
    path: '/api/v1/auth/login',
    body: { email: target.email, password: target.password },
  }),
  'POST /api/v1/auth/password': () => ({
    path: '/api/v1/auth/password',
    body: { currentPassword: admin.user.password, newPassword: 'another-password-123' },
  }),
  'POST /api/v1/users': () => ({
    path: '/api/v1/users',
    body: {
      email: `bad-input-${++n}@test.local`,
      name: 'N',
      role: 'viewer',
      password: 'x'.repeat(12),
    },
  }),
  'PATCH /api/v1/users/:id': () => ({
    path: `/api/v1/users/${target.id}`,
    body: { name: 'Renamed by mistake', disabled: true },
  }),
  'POST /api/v1/users/:id/password': () => ({
    path: `/api/v1/users/${target.id}/password`,
    body: { password: 'reset-password-123' },
  }),
  'POST /api/v1/tokens': () => ({ path: '/api/v1/tokens', body: { name: 'T', scopes: ['read'] } }),
  'PATCH /api/v1/settings': () => ({
    path: '/api/v1/settings',
    body: { name: 'Renamed by mistake', currency: 'EUR' },
  }),
  'POST /api/v1/checks': () => ({
    path: '/api/v1/checks',
    body: {
      samples: [
        { service: 'validate-probe', at: ctx.clock.now.toISOString(), status: 'up', latencyMs: 5 },
      ],
    },
  }),
  'POST /api/v1/services': () => ({
    path: '/api/v1/services',
    body: { slug: `validate-${++n}`, name: 'V', tier: 3, sloTarget: 0.99 },
  }),
  'PATCH /api/v1/services/:slug': () => ({
    path: '/api/v1/services/validate-probe',
    body: { name: 'Renamed by mistake', tier: 1 },
  }),
  'POST /api/v1/business-services': () => ({
    path: '/api/v1/business-services',
    body: {
      slug: `validate-group-${++n}`,
      name: 'V',
      sloTarget: 0.99,
      rule: 'any',
      components: ['validate-probe'],
    },
  }),
  'PATCH /api/v1/business-services/:slug': () => ({
    path: '/api/v1/business-services/validate-group',
    body: { name: 'Renamed by mistake', components: ['validate-probe'] },
  }),
  'POST /api/v1/services/:slug/maintenance': () => ({
    path: '/api/v1/services/validate-probe/maintenance',
    body: { startsAt: '2026-11-05T22:00:00Z', endsAt: '2026-11-06T00:00:00Z', reason: 'Upgrade' },
  }),
  'PUT /api/v1/incidents/response-targets': () => ({
    path: '/api/v1/incidents/response-targets',
    body: {
      targets: [
        { severity: 'SEV1', ackMinutes: 1, resolveMinutes: 2 },
        { severity: 'SEV2', ackMinutes: 1, resolveMinutes: 2 },
        { severity: 'SEV3', ackMinutes: 1, resolveMinutes: 2 },
        { severity: 'SEV4', ackMinutes: 1, resolveMinutes: 2 },
      ],
    },
  }),
  'PATCH /api/v1/incidents/intake-settings': () => ({
    path: '/api/v1/incidents/intake-settings',
    body: { alertmanagerSeverityLabel: 'priority' },
  }),
  'POST /api/v1/incidents': () => ({
    path: '/api/v1/incidents',
    body: {
      title: 'Declared by mistake',
      severity: 'SEV1',
      services: [{ slug: 'validate-probe', impact: 'outage' }],
    },
  }),
  'PATCH /api/v1/incidents/:ref': () => ({
    path: '/api/v1/incidents/INC-2026-0001',
    body: { title: 'Renamed by mistake', severity: 'SEV1' },
  }),
  'POST /api/v1/incidents/:ref/transitions': () => ({
    path: '/api/v1/incidents/INC-2026-0001/transitions',
    body: { to: 'resolved' },
  }),
  'POST /api/v1/incidents/:ref/corrections': () => ({
    path: '/api/v1/incidents/INC-2026-0001/corrections',
    body: { field: 'startedAt', value: '2026-11-01T10:00:00Z', reason: 'By mistake' },
  }),
  'POST /api/v1/incidents/:ref/notes': () => ({
    path: '/api/v1/incidents/INC-2026-0001/notes',
    body: { body: 'Written by mistake' },
  }),
  'PUT /api/v1/incidents/:ref/review': () => ({
    path: '/api/v1/incidents/INC-2026-0001/review',
    body: {
      rootCause: 'By mistake',
      contributingFactors: '',
      wentWell: '',
      lessons: '',
      completed: true,
    },
  }),
  'POST /api/v1/incidents/:ref/actions': () => ({
    path: '/api/v1/incidents/INC-2026-0001/actions',
    body: { title: 'Added by mistake', dueOn: '2026-11-05' },
  }),
  // The incident has no follow-up 1: the body is refused before the write would look for it.
  'PATCH /api/v1/incidents/:ref/actions/:actionId': () => ({
    path: '/api/v1/incidents/INC-2026-0001/actions/1',
    body: { status: 'done' },
  }),
  'POST /api/v1/integrations/alertmanager': () => ({
    path: '/api/v1/integrations/alertmanager',
    body: {
      version: '4',
      groupKey: '{}:{alertname="ProbeDown"}',
      truncatedAlerts: 0,
      status: 'firing',
      receiver: 'opsdeck',
      groupLabels: { alertname: 'ProbeDown' },
      commonLabels: { alertname: 'ProbeDown', service: 'validate-probe', severity: 'critical' },
      commonAnnotations: {},
      externalURL: 'http://alertmanager:9093',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'ProbeDown', service: 'validate-probe', severity: 'critical' },
          annotations: {},
          startsAt: '2026-11-04T11:58:00Z',
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: '',
          fingerprint: '0123456789abcdef',
        },
      ],
    },
  }),
  'POST /api/v1/integrations/webhook': () => ({
    path: '/api/v1/integrations/webhook',
    body: {
      source: 'validate',
      key: 'probe',
      status: 'firing',
      title: 'Opened by mistake',
      severity: 'SEV1',
      startedAt: '2026-11-04T11:58:00Z',
    },
  }),
  'POST /api/v1/projects/imports/actuals/preview': () => ({
    path: '/api/v1/projects/imports/actuals/preview',
    body: { csv: ACTUALS_CSV },
  }),
  'POST /api/v1/projects/imports/actuals/commit': () => ({
    path: '/api/v1/projects/imports/actuals/commit',
    body: { csv: ACTUALS_CSV },
  }),
  'POST /api/v1/projects/imports/baselines/preview': () => ({
    path: '/api/v1/projects/imports/baselines/preview',
    body: { csv: PLAN_CSV, reason: 'Validate' },
  }),
  'POST /api/v1/projects/imports/baselines/commit': () => ({
    path: '/api/v1/projects/imports/baselines/commit',
    body: { csv: PLAN_CSV, reason: 'Validate' },
  }),
  'POST /api/v1/capacity/imports/people/preview': () => ({
    path: '/api/v1/capacity/imports/people/preview',
    body: { csv: PEOPLE_CSV },
  }),
  'POST /api/v1/capacity/imports/people/commit': () => ({
    path: '/api/v1/capacity/imports/people/commit',
    body: { csv: PEOPLE_CSV },
  }),
  'POST /api/v1/capacity/imports/allocations/preview': () => ({
    path: '/api/v1/capacity/imports/allocations/preview',
    body: { csv: ALLOCATIONS_CSV },
  }),
  'POST /api/v1/capacity/imports/allocations/commit': () => ({
    path: '/api/v1/capacity/imports/allocations/commit',
    body: { csv: ALLOCATIONS_CSV },
  }),
  'POST /api/v1/projects/:code/actuals': () => ({
    path: '/api/v1/projects/VALIDATE-CAT/actuals',
    body: { incurredOn: '2026-03-01', amountPence: 100, category: 'cloud', spendType: 'opex' },
  }),
  // The project has no cost entry 1: the body is refused before the write would look for it.
  'PATCH /api/v1/projects/:code/actuals/:id': () => ({
    path: '/api/v1/projects/VALIDATE-CAT/actuals/1',
    body: { amountPence: 100 },
  }),
  'POST /api/v1/projects/:code/baselines': () => ({
    path: '/api/v1/projects/VALIDATE-CAT/baselines',
    body: { reason: 'Added by mistake', months: [{ month: '2026-01', amountPence: 100 }] },
  }),
  'PUT /api/v1/projects/:code/progress/:asOf': () => ({
    path: '/api/v1/projects/VALIDATE-CAT/progress/2026-01-31',
    body: { percentComplete: 10 },
  }),
  'POST /api/v1/projects': () => ({
    path: '/api/v1/projects',
    body: { code: `VALIDATE-${++n}`, name: 'V', startDate: '2026-01-01', endDate: '2026-12-31' },
  }),
  'PATCH /api/v1/projects/:code': () => ({
    path: '/api/v1/projects/VALIDATE-CAT',
    body: { name: 'Renamed by mistake', status: 'cancelled' },
  }),
  'POST /api/v1/projects/:code/lines': () => ({
    path: '/api/v1/projects/VALIDATE-CAT/lines',
    body: { name: 'Added by mistake', category: 'cloud', spendType: 'opex', amountPence: 100 },
  }),
  // The project has no line 1: the body is refused before the write would look for it.
  'PATCH /api/v1/projects/:code/lines/:id': () => ({
    path: '/api/v1/projects/VALIDATE-CAT/lines/1',
    body: { amountPence: 100 },
  }),
  'POST /api/v1/people': () => ({
    path: '/api/v1/people',
    body: { name: 'Added by mistake', role: 'Engineer', contractedHoursPerWeek: 37.5, teamId },
  }),
  'PATCH /api/v1/people/:id': () => ({
    path: `/api/v1/people/${personId}`,
    body: { name: 'Renamed by mistake', role: 'Manager' },
  }),
  'POST /api/v1/people/:id/moves': () => ({
    path: `/api/v1/people/${personId}/moves`,
    body: { teamId: otherTeamId, from: '2026-11-09' },
  }),
  'POST /api/v1/teams': () => ({
    path: '/api/v1/teams',
    body: { slug: `validate-${++n}`, name: 'Added by mistake' },
  }),
  'PATCH /api/v1/teams/:slug': () => ({
    path: '/api/v1/teams/validate-team',
    body: { name: 'Renamed by mistake' },
  }),
  'POST /api/v1/allocations': () => ({
    path: '/api/v1/allocations',
    body: {
      personId: validatePerson,
      kind: 'run',
      firstDay: '2026-11-02',
      lastDay: '2026-11-06',
      hoursPerWeek: 10,
    },
  }),
  'POST /api/v1/allocations/preview': () => ({
    path: '/api/v1/allocations/preview',
    body: {
      personId: validatePerson,
      kind: 'run',
      firstDay: '2026-11-02',
      lastDay: '2026-11-06',
      hoursPerWeek: 10,
    },
  }),
  // There is no allocation or time off 1: the body is refused before the write would look for it.
  'PATCH /api/v1/allocations/:id': () => ({
    path: '/api/v1/allocations/1',
    body: { hoursPerWeek: 20 },
  }),
  'POST /api/v1/reports/snapshots': () => ({
    path: '/api/v1/reports/snapshots',
    body: { period: 'month' },
  }),
  'POST /api/v1/reports/snapshots/:id/share-links': () => ({
    path: '/api/v1/reports/snapshots/1/share-links',
    body: { days: 7 },
  }),
  'POST /api/v1/reports/schedules': () => ({
    path: '/api/v1/reports/schedules',
    body: { name: 'Monthly pack', periodKind: 'month', emailTo: ['board@example.com'] },
  }),
  'PATCH /api/v1/reports/schedules/:id': () => ({
    path: '/api/v1/reports/schedules/1',
    body: { name: 'Renamed by mistake' },
  }),
  'POST /api/v1/time-off': () => ({
    path: '/api/v1/time-off',
    body: { personId: validatePerson, firstDay: '2026-11-02', lastDay: '2026-11-06' },
  }),
  'PATCH /api/v1/time-off/:id': () => ({
    path: '/api/v1/time-off/1',
    body: { note: 'By mistake' },
  }),
  'POST /api/v1/closure-days': () => ({
    path: '/api/v1/closure-days',
    body: { day: '2026-12-29', name: 'Closed by mistake' },
  }),
  'PUT /api/v1/incidents/:ref/hours/:personId/:day': () => ({
    path: `/api/v1/incidents/INC-2026-0001/hours/${validatePerson}/2026-11-04`,
    body: { hours: 2 },
  }),
}
// Routes that change something but read no body.
const NO_BODY = [
  'DELETE /api/v1/allocations/:id',
  'DELETE /api/v1/time-off/:id',
  'DELETE /api/v1/reports/share-links/:id',
  'DELETE /api/v1/reports/schedules/:id',
  'DELETE /api/v1/closure-days/:day',
  'DELETE /api/v1/incidents/:ref/hours/:personId/:day',
  'DELETE /api/v1/people/:id',
  'DELETE /api/v1/projects/:code',
  'DELETE /api/v1/projects/:code/lines/:id',
  'DELETE /api/v1/projects/:code/actuals/:id',
  'DELETE /api/v1/projects/:code/progress/:asOf',
  'POST /api/v1/auth/logout',
  'POST /api/v1/users/:id/unlock',
  'DELETE /api/v1/tokens/:id',
  'POST /api/v1/services/:slug/archive',
  'POST /api/v1/services/:slug/restore',
  'POST /api/v1/business-services/:slug/archive',
  'POST /api/v1/business-services/:slug/restore',
  'DELETE /api/v1/services/:slug/maintenance/:id',
  'DELETE /api/v1/services/:slug/maintenance-schedules/:id',
]

describe('a JSON body', () => {
  it('is read by every route that changes something, but those listed as reading none', () => {
    const writes = ctx.app.routes
      .filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
      .map((r) => `${r.method} ${r.path}`)
    expect([...new Set(writes)].sort()).toEqual([...Object.keys(JSON_ROUTES), ...NO_BODY].sort())
  })

  const routes = Object.keys(JSON_ROUTES)
  const methodOf = (route: string) => route.split(' ')[0]!

  it.each(routes)('%s: malformed or empty JSON is 400 invalid_json', async (route) => {
    const { path } = JSON_ROUTES[route]!()
    for (const [body, problem] of [
      ['{"name": ', /^is not valid JSON \(it ends too soon\)$/],
      ["{'name': 'x'}", /^is not valid JSON \(at character 1\)$/],
      ['{}{}', /^is not valid JSON \(at character 2\)$/],
      ['', /^is empty/],
      ['  \n', /^is empty/],
    ] as const) {
      const res = await writesNothing(() =>
        send(methodOf(route), path, { body, type: 'application/json' }),
      )
      expect(res.status, body).toBe(400)
      expect(res.body.error).toMatchObject({ code: 'invalid_json', message: expect.any(String) })
      expect(res.body.error.details).toEqual([
        { path: 'json', message: expect.stringMatching(problem) },
      ])
    }
  })

  it.each(routes)('%s: JSON that is not an object is 400 validation_failed', async (route) => {
    const { path } = JSON_ROUTES[route]!()
    for (const body of ['null', '[]', '"text"', '42']) {
      const res = await writesNothing(() =>
        send(methodOf(route), path, { body, type: 'application/json' }),
      )
      expect(res.status, body).toBe(400)
      expect(res.body.error.code).toBe('validation_failed')
      expect(res.body.error.details.map((d) => d.path)).toEqual(['json'])
    }
  })

  it.each(routes)('%s: a valid body sent as another type is 415', async (route) => {
    const { path, body } = JSON_ROUTES[route]!()
    const json = JSON.stringify(body)
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/jsonp',
      undefined,
    ]) {
      // A Uint8Array body comes with no Content-Type at all; a string one with text/plain.
      const sent = type === undefined ? new TextEncoder().encode(json) : json
      const res = await writesNothing(() => send(methodOf(route), path, { body: sent, type }))
      expect(res.status, type).toBe(415)
      expect(res.body.error).toMatchObject({
        code: 'unsupported_media_type',
        details: [{ path: 'header.content-type', message: 'must be application/json' }],
      })
    }
  })

  it('is read with a charset or as a +json type', async () => {
    const res = await send('PATCH', `/api/v1/users/${target.id}`, {
      body: JSON.stringify({ name: target.name }),
      type: 'application/merge-patch+json; charset=UTF-8',
    })
    expect(res.status).toBe(200)
  })
})

// Text PostgreSQL cannot store (NUL, a lone surrogate), and what would scramble a name's display.
const BAD_TEXT = {
  'a NUL': ['a\u0000b', /NUL/],
  'a lone high surrogate': ['a\ud800b', /lone UTF-16 surrogate/],
  'a lone low surrogate': ['\udc00', /lone UTF-16 surrogate/],
} as const
const BAD_NAME = {
  ...BAD_TEXT,
  'a right-to-left override': ['admin\u202Egpj.exe', /bidirectional/],
  'a left-to-right embedding': ['\u202Ax', /bidirectional/],
  'a first-strong isolate': ['x\u2068y\u2069', /bidirectional/],
  'a line break': ['two\nlines', /one line/],
  'an escape character': ['\u001b[31mred', /one line/],
} as const

const TEXT_FIELDS = [
  ...Object.entries(BAD_NAME).flatMap(([what, [value, message]]) => [
    { what, route: 'POST /api/v1/users', field: 'name', value, message },
    { what, route: 'PATCH /api/v1/users/:id', field: 'name', value, message },
    { what, route: 'POST /api/v1/tokens', field: 'name', value, message },
    { what, route: 'POST /api/v1/reports/schedules', field: 'name', value, message },
    { what, route: 'POST /api/v1/services/:slug/maintenance', field: 'reason', value, message },
    { what, route: 'POST /api/v1/projects', field: 'name', value, message },
    { what, route: 'PATCH /api/v1/projects/:code', field: 'sponsor', value, message },
    { what, route: 'POST /api/v1/people', field: 'name', value, message },
    { what, route: 'PATCH /api/v1/people/:id', field: 'role', value, message },
    { what, route: 'POST /api/v1/teams', field: 'name', value, message },
    { what, route: 'PATCH /api/v1/teams/:slug', field: 'name', value, message },
  ]),
  ...Object.entries(BAD_TEXT).flatMap(([what, [value, message]]) => [
    { what, route: 'POST /api/v1/auth/login', field: 'email', value, message },
    { what, route: 'POST /api/v1/users', field: 'email', value, message: /./ },
    { what, route: 'POST /api/v1/projects', field: 'description', value, message },
  ]),
]

describe('a text field', () => {
  it.each(TEXT_FIELDS)(
    '$route: $what in $field is 400',
    async ({ route, field, value, message }) => {
      const { path, body } = JSON_ROUTES[route]!()
      const res = await writesNothing(() =>
        sendJson(route.split(' ')[0]!, path, { ...body, [field]: value }),
      )
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('validation_failed')
      expect(res.body.error.details).toEqual([
        { path: `json.${field}`, message: expect.stringMatching(message) },
      ])
    },
  )

  // A URL cannot carry a lone surrogate: its UTF-8-like bytes stay undecoded, matching nothing.
  it('GET /api/v1/audit: a NUL in a filter is 400', async () => {
    for (const field of ['entity', 'entityId', 'action']) {
      const res = await send('GET', `/api/v1/audit?${field}=a%00b`)
      expect(res.status).toBe(400)
      expect(((await res.json()) as Envelope).error.details[0]!.path).toBe(`query.${field}`)
      expect((await send('GET', `/api/v1/audit?${field}=%ED%A0%80`)).status).toBe(200)
    }
  })

  it('keeps letters from every script, emoji and a trimmed name', async () => {
    const res = await sendJson('PATCH', `/api/v1/users/${target.id}`, { name: '  Zoë 王 אבי 👩🏽‍💻 ' })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { user: { name: string } }).user.name).toBe('Zoë 王 אבי 👩🏽‍💻')
  })
})

describe('an id', () => {
  const BAD_IDS = ['1e3', '0x4', '+4', '4.0', '0', '-1', '99999999999999999999', '9007199254740992']
  const routes = [
    ['PATCH', '/api/v1/users/:id', { name: 'x', disabled: true }],
    ['POST', '/api/v1/users/:id/password', { password: 'reset-password-123' }],
    ['POST', '/api/v1/users/:id/unlock', undefined],
    ['DELETE', '/api/v1/tokens/:id', undefined],
    ['DELETE', '/api/v1/services/validate-probe/maintenance/:id', undefined],
    ['DELETE', '/api/v1/services/validate-probe/maintenance-schedules/:id', undefined],
    ['PATCH', '/api/v1/projects/VALIDATE-CAT/lines/:id', { amountPence: 1 }],
    ['DELETE', '/api/v1/projects/VALIDATE-CAT/lines/:id', undefined],
  ] as const
  it.each(routes)('%s %s takes decimal digits only', async (method, path, body) => {
    for (const id of BAD_IDS) {
      const url = path.replace(':id', encodeURIComponent(id))
      const res = await writesNothing(() =>
        body === undefined ? send(method, url) : sendJson(method, url, body),
      )
      expect(res.status, id).toBe(400)
      expect(res.body.error.details.map((d) => d.path)).toEqual(['param.id'])
    }
  })

  it('in the audit filters takes decimal digits only', async () => {
    for (const field of ['actorUserId', 'before', 'limit']) {
      for (const value of ['1e1', '0x4', '10.0']) {
        const res = await send('GET', `/api/v1/audit?${field}=${value}`)
        expect(res.status, `${field}=${value}`).toBe(400)
        expect(((await res.json()) as Envelope).error.details[0]!.path).toBe(`query.${field}`)
      }
    }
    expect((await send('GET', `/api/v1/audit?before=${tokenId}&limit=10`)).status).toBe(200)
  })
})

describe('a date', () => {
  it.each([
    ['/api/v1/overview?from=0050-01-01', 'query.from'],
    ['/api/v1/overview?from=2026-01-01&to=0099-12-31', 'query.to'],
    ['/api/v1/overview?from=0001-01-01T00:00:00Z', 'query.from'],
    ['/api/v1/overview?from=1969-12-31', 'query.from'],
    ['/api/v1/audit?from=0050-01-01T00:00:00Z', 'query.from'],
    ['/api/v1/audit?to=0099-12-31T00:00:00%2B01:00', 'query.to'],
  ])('before 1970 is refused: %s', async (url, path) => {
    const res = await send('GET', url)
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as Envelope
    expect(error.details).toEqual([{ path, message: 'must be in 1970 or later' }])
  })

  it.each([
    '/api/v1/audit?from=2026-10-03T00:00:00Z&to=2026-10-02T00:00:00Z',
    '/api/v1/audit?from=2026-10-03T00:00:00Z&to=2026-10-03T00:00:00Z',
    '/api/v1/audit?from=2026-10-03T01:00:00%2B01:00&to=2026-10-03T00:00:00Z',
    '/api/v1/overview?from=2026-10-31&to=2026-10-01',
  ])('a range ending before it starts is 400 invalid_range: %s', async (url) => {
    const res = await send('GET', url)
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      error: {
        code: 'invalid_range',
        message: '`from` must be before `to`',
        details: [{ path: 'query.from', message: '`from` must be before `to`' }],
      },
    })
  })
})

describe('the log of a client mistake', () => {
  it('is one info line naming the code and field, with no stack', async () => {
    const lines: Record<string, unknown>[] = []
    const logger = pino({ level: 'debug' }, { write: (l: string) => lines.push(JSON.parse(l)) })
    const app = createApp({
      db: ctx.db,
      logger,
      clock: () => ctx.clock.now,
      auth: { hash: TEST_HASH },
    })
    const call = (method: string, path: string, body: string, type = 'application/json') =>
      app.request(path, {
        method,
        headers: { ...SAME_ORIGIN, ...admin.headers, 'Content-Type': type },
        body,
      })
    const user = `/api/v1/users/${target.id}`
    const statuses = [
      (await call('PATCH', user, '{"name":')).status,
      (await call('PATCH', user, '')).status,
      (await call('PATCH', user, '{"disabled":true}', 'text/plain')).status,
      (await call('PATCH', user, JSON.stringify({ name: 'a\u0000' }))).status,
      (await call('PATCH', user, JSON.stringify({ name: '\ud800' }))).status,
      (await call('PATCH', '/api/v1/users/1e3', '{}')).status,
    ]
    expect(statuses).toEqual([400, 400, 415, 400, 400, 400])
    const refused = lines.filter((l) => l.msg === 'client error')
    expect(
      refused.map((l) => [l.level, l.code, (l.details as { path: string }[])[0]!.path]),
    ).toEqual([
      [30, 'invalid_json', 'json'],
      [30, 'invalid_json', 'json'],
      [30, 'unsupported_media_type', 'header.content-type'],
      [30, 'validation_failed', 'json.name'],
      [30, 'validation_failed', 'json.name'],
      [30, 'validation_failed', 'param.id'],
    ])
    expect(lines.filter((l) => (l.level as number) >= 40)).toEqual([])
    expect(JSON.stringify(lines)).not.toMatch(/"(stack|err)"/)
  })
})
