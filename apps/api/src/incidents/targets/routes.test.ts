import { DEFAULT_RESPONSE_TARGETS, SEVERITIES } from '@opsdeck/contract'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  createToken,
  expectMatches,
  loginAs,
  postJson,
  setupApp,
  type TestApp,
} from '../../../test/helpers.ts'
import { ResponseTargetsBody } from './schemas.ts'

const NOW = new Date('2026-12-03T09:00:00Z')
// The defaults, seeded by the migration: SEV1 5 min / 4 h … SEV4 1 day / 10 days.
const DEFAULTS = [
  { severity: 'SEV1', ackMinutes: 5, resolveMinutes: 240 },
  { severity: 'SEV2', ackMinutes: 15, resolveMinutes: 480 },
  { severity: 'SEV3', ackMinutes: 60, resolveMinutes: 4320 },
  { severity: 'SEV4', ackMinutes: 1440, resolveMinutes: 14400 },
] as const
const DEFAULT_INTAKE = {
  alertmanagerSeverityLabel: 'severity',
  alertmanagerServiceLabel: 'service',
}
const PATH = '/api/v1/incidents/response-targets'

let ctx: TestApp
let admin: Record<string, string>
let adminId: number
let seeded: unknown

beforeAll(async () => {
  ctx = await setupApp(NOW)
  const signedIn = await loginAs(ctx, 'admin')
  admin = signedIn.headers
  adminId = signedIn.user.id
  // What the migration seeded, read before any test changes it.
  seeded = await ctx.db
    .selectFrom('incidentResponseTargets')
    .select(['severity', 'ackMinutes', 'resolveMinutes'])
    .orderBy('severity')
    .execute()
})
afterAll(() => ctx.drop())
// Each test starts from the defaults.
beforeEach(async () => {
  for (const t of DEFAULTS) {
    await ctx.db
      .updateTable('incidentResponseTargets')
      .set({ ackMinutes: t.ackMinutes, resolveMinutes: t.resolveMinutes })
      .where('severity', '=', t.severity)
      .execute()
  }
  await ctx.db.updateTable('organisationSettings').set(DEFAULT_INTAKE).execute()
})

const read = async (headers = admin) => {
  const res = await ctx.app.request(PATH, { headers })
  expect(res.status).toBe(200)
  return expectMatches(ResponseTargetsBody, await res.json())
}
const put = (body: unknown, headers = admin) => postJson(ctx, PATH, body, headers, 'PUT')
const patchIntake = (body: unknown, headers = admin) =>
  postJson(ctx, '/api/v1/incidents/intake-settings', body, headers, 'PATCH')
const auditRows = (entity: string) =>
  ctx.db
    .selectFrom('auditLog')
    .select(['actorUserId', 'action', 'entityId', 'changes', 'at'])
    .where('entity', '=', entity)
    .orderBy('id')
    .execute()
const withTarget = (severity: string, change: Record<string, unknown>) =>
  DEFAULTS.map((t) => (t.severity === severity ? { ...t, ...change } : t))

interface Refused {
  error: { code: string; details: { path: string; message: string }[] }
}

describe('GET /incidents/response-targets', () => {
  it('lists the seeded defaults and the default labels to every reader', async () => {
    expect(seeded).toEqual(DEFAULTS)
    // The settings page's "Reset to defaults" offers the contract's: the same as the migration's.
    expect(
      SEVERITIES.map((severity) => ({ severity, ...DEFAULT_RESPONSE_TARGETS[severity] })),
    ).toEqual(DEFAULTS)
    for (const headers of [
      (await loginAs(ctx, 'viewer')).headers,
      (await createToken(ctx.db, ['read'])).headers,
    ]) {
      expect(await read(headers)).toEqual({ targets: DEFAULTS, intake: DEFAULT_INTAKE })
    }
  })
})

describe('PUT /incidents/response-targets', () => {
  it('is for admins only: viewers and managers get 403 and change nothing', async () => {
    const targets = withTarget('SEV1', { ackMinutes: 10 })
    for (const role of ['viewer', 'manager'] as const) {
      const res = await put({ targets }, (await loginAs(ctx, role)).headers)
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } })
    }
    expect((await read()).targets).toEqual(DEFAULTS)
  })

  it('replaces the targets, in any order, and audits each changed limit in one row', async () => {
    const before = (await auditRows('incident_response_targets')).length
    const targets = [
      { severity: 'SEV4', ackMinutes: 2880, resolveMinutes: 20160 },
      { severity: 'SEV2', ackMinutes: 10, resolveMinutes: 480 },
      { severity: 'SEV1', ackMinutes: 5, resolveMinutes: 240 },
      { severity: 'SEV3', ackMinutes: 60, resolveMinutes: 4320 },
    ]
    const res = await put({ targets })
    expect(res.status).toBe(200)
    const expected = {
      targets: [
        DEFAULTS[0],
        { severity: 'SEV2', ackMinutes: 10, resolveMinutes: 480 },
        DEFAULTS[2],
        { severity: 'SEV4', ackMinutes: 2880, resolveMinutes: 20160 },
      ],
      intake: DEFAULT_INTAKE,
    }
    expect(expectMatches(ResponseTargetsBody, await res.json())).toEqual(expected)
    expect(await read()).toEqual(expected)

    const rows = (await auditRows('incident_response_targets')).slice(before)
    expect(rows).toEqual([
      {
        actorUserId: adminId,
        action: 'update',
        entityId: 'organisation',
        at: NOW,
        changes: {
          'SEV2.ackMinutes': { from: 15, to: 10 },
          'SEV4.ackMinutes': { from: 1440, to: 2880 },
          'SEV4.resolveMinutes': { from: 14400, to: 20160 },
        },
      },
    ])
    const sev4 = await ctx.db
      .selectFrom('incidentResponseTargets')
      .select(['severity', 'updatedAt'])
      .where('severity', 'in', ['SEV1', 'SEV4'])
      .orderBy('severity')
      .execute()
    // Only the changed rows say they changed now.
    expect(sev4[0]?.updatedAt).not.toEqual(NOW)
    expect(sev4[1]?.updatedAt).toEqual(NOW)
  })

  it('writes no audit row when nothing changes', async () => {
    const before = (await auditRows('incident_response_targets')).length
    expect((await put({ targets: DEFAULTS })).status).toBe(200)
    expect((await auditRows('incident_response_targets')).length).toBe(before)
  })

  it('accepts an acknowledgement target equal to the resolution target', async () => {
    // 480 both: no shorter than SEV2's resolve target (480), no longer than SEV4's.
    const targets = withTarget('SEV3', { ackMinutes: 480, resolveMinutes: 480 })
    expect((await put({ targets })).status).toBe(200)
    expect((await read()).targets[2]).toEqual({
      severity: 'SEV3',
      ackMinutes: 480,
      resolveMinutes: 480,
    })
  })

  it('accepts a severity’s target equal to the next one’s', async () => {
    const targets = withTarget('SEV1', { ackMinutes: 15, resolveMinutes: 480 })
    expect((await put({ targets })).status).toBe(200)
    expect((await read()).targets[0]).toEqual({
      severity: 'SEV1',
      ackMinutes: 15,
      resolveMinutes: 480,
    })
  })

  it.each([
    [withTarget('SEV1', { ackMinutes: 0 }), 'json.targets.0.ackMinutes', />=1/],
    [withTarget('SEV2', { ackMinutes: 7.5 }), 'json.targets.1.ackMinutes', /expected int/],
    [withTarget('SEV2', { ackMinutes: '15' }), 'json.targets.1.ackMinutes', /expected number/],
    [withTarget('SEV4', { resolveMinutes: 129601 }), 'json.targets.3.resolveMinutes', /90 days/],
    [
      withTarget('SEV3', { ackMinutes: 300, resolveMinutes: 240 }),
      'json.targets.2.resolveMinutes',
      /at least ackMinutes/,
    ],
    [
      withTarget('SEV1', { ackMinutes: 500 }),
      'json.targets.0.ackMinutes',
      /at most SEV2’s \(15 min\)/,
    ],
    [
      withTarget('SEV3', { resolveMinutes: 20_000 }),
      'json.targets.2.resolveMinutes',
      /at most SEV4’s \(10 d\)/,
    ],
    [
      withTarget('SEV4', { ackMinutes: 30 }),
      'json.targets.2.ackMinutes',
      /at most SEV4’s \(30 min\)/,
    ],
    [withTarget('SEV1', { severity: 'SEV5' }), 'json.targets.0.severity', /SEV1/],
    [withTarget('SEV1', { extra: 1 }), 'json.targets.0', /extra/],
    [DEFAULTS.slice(0, 3), 'json.targets', /SEV4 missing/],
    [[...DEFAULTS.slice(0, 3), DEFAULTS[1]], 'json.targets.3.severity', /SEV2 is listed twice/],
    [[...DEFAULTS, DEFAULTS[0]], 'json.targets.4.severity', /SEV1 is listed twice/],
    [{ SEV1: DEFAULTS[0] }, 'json.targets', /expected array/],
  ])('refuses %j, naming %s, and changes nothing', async (targets, path, message) => {
    const before = (await auditRows('incident_response_targets')).length
    const res = await put(Array.isArray(targets) ? { targets } : targets)
    expect(res.status).toBe(400)
    const body = (await res.json()) as Refused
    expect(body.error.code).toBe('validation_failed')
    expect(body.error.details).toContainEqual({ path, message: expect.stringMatching(message) })
    expect((await read()).targets).toEqual(DEFAULTS)
    expect((await auditRows('incident_response_targets')).length).toBe(before)
  })
})

describe('GET /incidents/intake-settings', () => {
  it('answers the labels, with the targets, to every reader', async () => {
    const res = await ctx.app.request('/api/v1/incidents/intake-settings', {
      headers: (await loginAs(ctx, 'viewer')).headers,
    })
    expect(res.status).toBe(200)
    expect(expectMatches(ResponseTargetsBody, await res.json())).toEqual({
      targets: DEFAULTS,
      intake: DEFAULT_INTAKE,
    })
  })
})

describe('PATCH /incidents/intake-settings', () => {
  it('is for admins only', async () => {
    for (const role of ['viewer', 'manager'] as const) {
      const res = await patchIntake(
        { alertmanagerServiceLabel: 'app' },
        (await loginAs(ctx, role)).headers,
      )
      expect(res.status).toBe(403)
    }
    expect((await read()).intake).toEqual(DEFAULT_INTAKE)
  })

  it('changes the labels given, audited as organisation settings', async () => {
    const before = (await auditRows('settings')).length
    const res = await patchIntake({ alertmanagerServiceLabel: 'app_name' })
    expect(res.status).toBe(200)
    const intake = { ...DEFAULT_INTAKE, alertmanagerServiceLabel: 'app_name' }
    expect(expectMatches(ResponseTargetsBody, await res.json())).toEqual({
      targets: DEFAULTS,
      intake,
    })
    expect((await read()).intake).toEqual(intake)
    expect((await auditRows('settings')).slice(before).map((r) => r.changes)).toEqual([
      { alertmanagerServiceLabel: { from: 'service', to: 'app_name' } },
    ])
    // Unchanged again: no second row.
    expect((await patchIntake({ alertmanagerServiceLabel: 'app_name' })).status).toBe(200)
    expect((await auditRows('settings')).length).toBe(before + 1)
  })

  it.each([
    [{ alertmanagerSeverityLabel: '1severity' }, 'json.alertmanagerSeverityLabel', /label name/],
    [{ alertmanagerServiceLabel: 'app-name' }, 'json.alertmanagerServiceLabel', /label name/],
    [{ alertmanagerServiceLabel: '' }, 'json.alertmanagerServiceLabel', /label name/],
    [{ alertmanagerServiceLabel: '__name__' }, 'json.alertmanagerServiceLabel', /reserved/],
    [{ alertmanagerServiceLabel: 'severity' }, 'json.alertmanagerServiceLabel', /must differ/],
    [{ alertmanagerSeverityLabel: 'service' }, 'json.alertmanagerSeverityLabel', /must differ/],
    [{ serviceLabel: 'app' }, 'json', /serviceLabel/],
  ])('refuses %j, naming %s, and changes nothing', async (body, path, message) => {
    const before = (await auditRows('settings')).length
    const res = await patchIntake(body)
    expect(res.status).toBe(400)
    const refused = (await res.json()) as Refused
    expect(refused.error.code).toBe('validation_failed')
    expect(refused.error.details).toContainEqual({ path, message: expect.stringMatching(message) })
    expect((await read()).intake).toEqual(DEFAULT_INTAKE)
    expect((await auditRows('settings')).length).toBe(before)
  })
})
