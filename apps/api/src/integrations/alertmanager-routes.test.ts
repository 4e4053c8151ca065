import { beforeAll, describe, expect, it } from 'vitest'
import {
  createToken,
  expectMatches,
  loginAs,
  postJson,
  SAME_ORIGIN,
  useClockedApp,
} from '../../test/helpers.ts'
import { IncidentDetail } from '../incidents/reads/schemas.ts'
import { IntakeAnswer } from './schemas.ts'
import { type AlertmanagerBody, fixture, fixtureText } from './test-fixtures.ts'

const ctx = useClockedApp(new Date('2025-04-25T11:00:35.600Z'))
let ingest: Record<string, string>
let reader: Record<string, string>
beforeAll(async () => {
  ingest = (await createToken(ctx.db, ['ingest'])).headers
  reader = (await createToken(ctx.db, ['read'])).headers
  await ctx.db
    .insertInto('services')
    .values(
      ['monitor-demo-app', 'payments', 'ledger'].map((slug) => ({
        slug,
        name: slug,
        tier: 1,
        sloTarget: 0.999,
      })),
    )
    .execute()
})

const URL = '/api/v1/integrations/alertmanager'

/** A delivery as Alertmanager makes it: its own JSON text, a bearer token, no browser headers. */
const deliver = (body: string | AlertmanagerBody, headers = ingest) =>
  ctx.app.request(URL, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'Alertmanager/0.28.1',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

async function answered(res: Response, status: number) {
  expect(res.status, await res.clone().text()).toBe(status)
  return expectMatches(IntakeAnswer, await res.json())
}

/** A person signed in at the test clock's time, as the dashboard sends their requests. */
const signedIn = async (role: 'manager' | 'admin') => ({
  ...SAME_ORIGIN,
  ...(await loginAs(ctx, role)).headers,
})

const detail = async (ref: string) => {
  const res = await ctx.app.request(`/api/v1/incidents/${ref}`, { headers: reader })
  expect(res.status).toBe(200)
  return expectMatches(IncidentDetail, await res.json())
}

const at = (iso: string) => {
  ctx.clock.now = new Date(iso)
}

// A fixture as another group (its own key), so that each test has an incident of its own.
let groups = 0
const asGroup = (body: AlertmanagerBody) => ({
  ...body,
  groupKey: `${body.groupKey}/test-${++groups}`,
})

/** Every row of the tables a delivery writes, in one string: equal means nothing was written. */
async function written() {
  const tables = [
    'incidents',
    'incidentEvents',
    'incidentServices',
    'integrationDeliveries',
  ] as const
  const rows = await Promise.all(tables.map((t) => ctx.db.selectFrom(t).selectAll().execute()))
  return JSON.stringify(rows)
}

describe('POST /api/v1/integrations/alertmanager', () => {
  it('opens an incident from a real firing delivery; the same delivery again writes nothing', async () => {
    const opened = await answered(await deliver(fixtureText('am-openshift-firing')), 202)
    expect(opened).toMatchObject({ outcome: 'opened', ref: expect.stringMatching(/^INC-2025-/) })
    const ref = opened.ref!
    const { incident, timeline } = await detail(ref)
    expect(incident).toMatchObject({
      title: 'Error500Alert',
      severity: 'SEV4',
      status: 'triggered',
      source: 'alertmanager',
      startedAt: '2025-04-25T11:00:35.042Z',
      detectedAt: '2025-04-25T11:00:35.600Z',
      services: [expect.objectContaining({ slug: 'monitor-demo-app', impact: 'degraded' })],
    })
    expect(timeline.map((e) => [e.kind, e.author, e.body])).toEqual([
      [
        'created',
        'Alertmanager',
        'Opened by Alertmanager: SEV4 Error500Alert. Affected: monitor-demo-app (degraded)',
      ],
      ['alert', 'Alertmanager', 'Alertmanager: 1 firing, 0 resolved (SEV4).'],
    ])
    expect(timeline[1]!.data).toMatchObject({
      groupKey: '{}/{namespace="monitor-demo"}:{alertname="Error500Alert"}',
      receiver: 'monitor-demo/example-routing/monitor-app',
      alerts: [{ fingerprint: '483eb0cd5dcb2110', status: 'firing', endsAt: null }],
      receivedBy: { userId: null, tokenId: expect.any(Number) },
    })
    // No user wrote them: the author is the name the timeline shows.
    const rows = await ctx.db
      .selectFrom('incidentEvents as e')
      .innerJoin('incidents as i', 'i.id', 'e.incidentId')
      .select(['e.authorUserId', 'e.author'])
      .where('i.ref', '=', ref)
      .execute()
    expect(rows).toEqual([
      { authorUserId: null, author: 'Alertmanager' },
      { authorUserId: null, author: 'Alertmanager' },
    ])

    // Alertmanager retrying a delivery it did not see answered; then the same body re-spaced.
    ctx.clock.now = new Date('2025-04-25T11:00:45Z')
    const before = await written()
    const again = await answered(await deliver(fixtureText('am-openshift-firing')), 200)
    expect(again).toEqual({
      outcome: 'duplicate',
      ref,
      detail: 'the same body arrived at 2025-04-25T11:00:35.600Z',
    })
    const reordered = JSON.stringify(
      Object.fromEntries(Object.entries(fixture('am-openshift-firing')).reverse()),
    )
    expect((await answered(await deliver(reordered), 200)).outcome).toBe('duplicate')
    expect(await written()).toEqual(before)
  })

  it('resolves it from the real resolved delivery, at the alert’s end', async () => {
    await deliver(fixtureText('am-openshift-firing')) // a duplicate by now, or the first
    at('2025-04-25T11:01:35.071Z')
    const resolved = await answered(await deliver(fixtureText('am-openshift-resolved')), 202)
    expect(resolved).toMatchObject({ outcome: 'resolved' })
    const { incident, timeline } = await detail(resolved.ref!)
    expect(incident).toMatchObject({
      status: 'resolved',
      acknowledgedAt: '2025-04-25T11:01:05.042Z',
      resolvedAt: '2025-04-25T11:01:05.042Z',
    })
    expect(timeline.slice(-2).map((e) => [e.kind, e.author, e.body])).toEqual([
      ['alert', 'Alertmanager', 'Alertmanager: the alert resolved at 2025-04-25T11:01:05.042Z.'],
      ['status', 'Alertmanager', 'Resolved by Alertmanager'],
    ])
    const twice = await answered(await deliver(fixtureText('am-openshift-resolved')), 200)
    expect(twice).toMatchObject({ outcome: 'duplicate', ref: resolved.ref })
  })

  it('reads a group of several alerts: the highest severity, each firing alert’s service', async () => {
    at('2026-06-10T09:45:00Z')
    const body = asGroup(fixture('am-multi-firing'))
    const opened = await answered(await deliver(body), 202)
    const ref = opened.ref!
    const { incident, timeline } = await detail(ref)
    expect(incident).toMatchObject({
      title: 'HTTPErrorRateHigh',
      severity: 'SEV1',
      // The earliest firing alert's start: not that of the alert already resolved (09:12).
      startedAt: '2026-06-10T09:41:12.482Z',
      summary:
        '6.2% of requests to payments-api-7d9f8b6c5d-x2x7k failed with 5xx over the last 5 minutes.',
    })
    expect(incident.services.map((s) => [s.slug, s.impact])).toEqual([
      ['ledger', 'degraded'],
      ['payments', 'degraded'],
    ])
    expect(timeline.at(-1)!.body).toBe('Alertmanager: 2 firing, 1 resolved (SEV1).')

    // Next group_interval: the critical alert has resolved, a new warning fires on payments.
    at('2026-06-10T09:50:00Z')
    const next = structuredClone(body)
    next.alerts[1]!.status = 'resolved'
    next.alerts[1]!.endsAt = '2026-06-10T09:48:27.915Z'
    next.alerts.push({
      ...structuredClone(next.alerts[0]!),
      labels: { ...next.alerts[0]!.labels, pod: 'payments-api-7d9f8b6c5d-zz91c' },
      startsAt: '2026-06-10T09:47:41.330Z',
      fingerprint: '0b8d3f6e2a4c7915',
    })
    expect(await answered(await deliver(next), 202)).toMatchObject({ outcome: 'updated', ref })
    expect((await detail(ref)).incident.severity).toBe('SEV1')

    // repeat_interval: the same alerts again, an annotation's figure changed.
    at('2026-06-10T13:50:00Z')
    const repeat = structuredClone(next)
    repeat.alerts[0]!.annotations.description = '7.0% of requests failed'
    const ignored = await answered(await deliver(repeat), 200)
    expect(ignored).toEqual({
      outcome: 'ignored',
      ref,
      detail: `${ref} already holds these alerts as they are`,
    })

    const resolved = structuredClone(next)
    resolved.status = 'resolved'
    for (const [i, alert] of resolved.alerts.entries()) {
      alert.status = 'resolved'
      if (alert.endsAt.startsWith('0001')) alert.endsAt = `2026-06-10T13:5${i}:00Z`
    }
    at('2026-06-10T13:59:00Z')
    expect(await answered(await deliver(resolved), 202)).toMatchObject({ outcome: 'resolved', ref })
    expect((await detail(ref)).incident.resolvedAt).toBe('2026-06-10T13:53:00.000Z')
  })

  it('opens with no service when the service label matches none, and says which value', async () => {
    at('2026-06-10T10:00:00Z')
    const admin = await signedIn('admin')
    const setLabel = (label: string) =>
      postJson(
        ctx,
        '/api/v1/incidents/intake-settings',
        { alertmanagerServiceLabel: label },
        admin,
        'PATCH',
      )
    expect((await setLabel('job')).status).toBe(200)
    try {
      const opened = await answered(await deliver(fixtureText('am-instance-down-2019')), 202)
      const { incident, timeline } = await detail(opened.ref!)
      expect(incident).toMatchObject({
        title: 'Instance 172.17.0.8:9200 down',
        severity: 'SEV1',
        startedAt: '2019-10-31T15:15:25.841Z',
        services: [],
      })
      expect(timeline.map((e) => e.body)).toEqual([
        'Opened by Alertmanager: SEV1 Instance 172.17.0.8:9200 down. Affected: none',
        'Alertmanager: 1 firing, 0 resolved (SEV1). The job label value "javaapp" matched no service.',
      ])
      expect(timeline[1]!.data).toMatchObject({ unmatchedServices: ['javaapp'] })
    } finally {
      expect((await setLabel('service')).status).toBe(200)
    }

    const bare = await answered(await deliver(fixtureText('am-gnocpush-major')), 202)
    const { incident, timeline } = await detail(bare.ref!)
    expect(incident).toMatchObject({ title: 'ifInErrors', severity: 'SEV4', services: [] })
    expect(timeline.at(-1)!.body).toBe(
      'Alertmanager: 1 firing, 0 resolved (SEV4). No firing alert has a service label: no service is affected.',
    )
  })

  it('after a manual resolve: a re-send is ignored, a late resolved changes nothing', async () => {
    at('2026-06-10T09:45:00Z')
    const body = asGroup(fixture('am-multi-firing'))
    const { ref } = await answered(await deliver(body), 202)
    at('2026-06-10T10:00:00Z')
    const move = await postJson(
      ctx,
      `/api/v1/incidents/${ref}/transitions`,
      { to: 'resolved' },
      await signedIn('manager'),
    )
    expect(move.status).toBe(200)
    const row = () =>
      ctx.db.selectFrom('incidents').selectAll().where('ref', '=', ref!).executeTakeFirstOrThrow()
    const before = await row()

    // repeat_interval: the group, still firing, sent again (a figure in it changed).
    at('2026-06-10T14:00:00Z')
    const repeat = structuredClone(body)
    repeat.alerts[0]!.annotations.description = '6.9% of requests failed'
    expect(await answered(await deliver(repeat), 200)).toEqual({
      outcome: 'ignored',
      ref,
      detail: `${ref} was resolved at 2026-06-10T10:00:00.000Z and no alert here began after that`,
    })

    // The alerts end at last: the incident stays as the manager left it; the timeline notes it.
    at('2026-06-10T14:05:00Z')
    const late = structuredClone(body)
    late.status = 'resolved'
    for (const alert of late.alerts) {
      alert.status = 'resolved'
      if (alert.endsAt.startsWith('0001')) alert.endsAt = '2026-06-10T14:03:00Z'
    }
    expect(await answered(await deliver(late), 200)).toMatchObject({ outcome: 'ignored', ref })
    expect(await row()).toEqual(before)
    expect((await detail(ref!)).timeline.at(-1)).toMatchObject({
      kind: 'alert',
      author: 'Alertmanager',
      body: 'Alertmanager: all 3 alerts resolved, the last at 2026-06-10T14:03:00.000Z. (the incident was already resolved at 2026-06-10T10:00:00.000Z: nothing changed)',
    })

    // The group fires again with an alert that began after the resolution: a new incident.
    at('2026-06-10T16:10:00Z')
    const again = structuredClone(body)
    again.alerts[0]!.startsAt = '2026-06-10T16:08:00Z'
    again.alerts[0]!.fingerprint = '77d0e1c2b3a49586'
    const reopened = await answered(await deliver(again), 202)
    expect(reopened.outcome).toBe('opened')
    expect(reopened.ref).not.toBe(ref)
    // Its start is the new alert's; its severity the group's (the critical alert still fires).
    expect((await detail(reopened.ref!)).incident).toMatchObject({
      status: 'triggered',
      startedAt: '2026-06-10T16:08:00.000Z',
      severity: 'SEV1',
    })
    expect(await row()).toEqual(before)
  })

  it('refuses what is not an Alertmanager version 4 payload, naming the field; writes nothing', async () => {
    const before = await written()
    const good = fixture('am-openshift-firing')
    const cases: [unknown, string][] = [
      [{ ...good, version: '3' }, 'json.version'],
      [{ ...good, groupKey: undefined }, 'json.groupKey'],
      [{ ...good, alerts: [] }, 'json.alerts'],
      [
        { ...good, alerts: [{ ...good.alerts[0], startsAt: 'yesterday' }] },
        'json.alerts.0.startsAt',
      ],
      [{ ...good, alerts: [{ ...good.alerts[0], status: 'pending' }] }, 'json.alerts.0.status'],
      [{ ...good, commonLabels: { service: 'a\u0000b' } }, 'json.commonLabels.service'],
    ]
    for (const [body, path] of cases) {
      const res = await deliver(JSON.stringify(body))
      expect(res.status, path).toBe(400)
      const { error } = (await res.json()) as {
        error: { code: string; details: { path: string }[] }
      }
      expect(error.code).toBe('validation_failed')
      expect(error.details.map((d) => d.path)).toEqual([path])
    }
    expect(await written()).toEqual(before)
  })

  it('refuses an alert that says it began before 1970 (Go’s zero time is for an unknown end only)', async () => {
    const before = await written()
    const good = fixture('am-openshift-firing')
    for (const startsAt of ['0001-01-01T00:00:00Z', '1969-12-31T23:59:59Z']) {
      const body = asGroup({ ...good, alerts: [{ ...good.alerts[0]!, startsAt }] })
      const res = await deliver(body)
      expect(res.status, startsAt).toBe(400)
      const { error } = (await res.json()) as {
        error: { code: string; details: { path: string; message: string }[] }
      }
      expect(error.code).toBe('validation_failed')
      expect(error.details).toEqual([
        { path: 'json.alerts.0.startsAt', message: 'must be in 1970 or later' },
      ])
    }
    expect(await written()).toEqual(before)
  })

  it('takes deliveries from ingest tokens and admins only', async () => {
    const body = fixtureText('am-openshift-resolved')
    expect((await deliver(body, {})).status).toBe(401)
    expect((await deliver(body, (await createToken(ctx.db, ['read'])).headers)).status).toBe(403)
    expect((await deliver(body, await signedIn('manager'))).status).toBe(403)
    const ok = await deliver(asGroup(fixture('am-openshift-resolved')), await signedIn('admin'))
    expect(await answered(ok, 200)).toEqual({
      outcome: 'ignored',
      ref: null,
      detail: 'no incident was opened for this',
    })
  })
})
