import { beforeAll, describe, expect, it } from 'vitest'
import { createToken, expectMatches, postJson, useClockedApp } from '../../test/helpers.ts'
import { IncidentDetail } from '../incidents/reads/schemas.ts'
import { IntakeAnswer } from './schemas.ts'

const ctx = useClockedApp(new Date('2026-06-10T12:00:00Z'))
let ingest: Record<string, string>
let reader: Record<string, string>
beforeAll(async () => {
  ingest = (await createToken(ctx.db, ['ingest'])).headers
  reader = (await createToken(ctx.db, ['read'])).headers
  await ctx.db
    .insertInto('services')
    .values([
      { slug: 'backups', name: 'Backups', tier: 2, sloTarget: 0.99 },
      { slug: 'files', name: 'File shares', tier: 2, sloTarget: 0.99 },
      { slug: 'fax', name: 'Fax', tier: 3, sloTarget: 0.9, archivedAt: new Date('2026-01-01') },
    ])
    .execute()
})

const send = (body: Record<string, unknown>) =>
  postJson(ctx, '/api/v1/integrations/webhook', body, ingest)

async function answered(res: Response, status: number) {
  expect(res.status, await res.clone().text()).toBe(status)
  return expectMatches(IntakeAnswer, await res.json())
}

const detail = async (ref: string) => {
  const res = await ctx.app.request(`/api/v1/incidents/${ref}`, { headers: reader })
  return expectMatches(IncidentDetail, await res.json())
}

const firing = {
  source: 'backup-script',
  key: 'nightly/files',
  status: 'firing',
  title: 'Nightly backup of the file shares failed',
  severity: 'SEV3',
  startedAt: '2026-06-10T02:00:00Z',
  summary: 'rsync exited with code 23 (partial transfer).',
  services: ['backups', 'files', 'printers', 'fax'],
  url: 'https://backup.example.org/runs/8812',
}

describe('POST /api/v1/integrations/webhook', () => {
  it('opens, updates and resolves one incident per tool and key', async () => {
    const opened = await answered(await send(firing), 202)
    expect(opened.outcome).toBe('opened')
    const ref = opened.ref!
    const { incident, timeline } = await detail(ref)
    expect(incident).toMatchObject({
      title: 'Nightly backup of the file shares failed',
      severity: 'SEV3',
      summary: 'rsync exited with code 23 (partial transfer).',
      source: 'webhook:backup-script',
      startedAt: '2026-06-10T02:00:00.000Z',
      detectedAt: '2026-06-10T12:00:00.000Z',
    })
    expect(incident.services.map((s) => s.slug)).toEqual(['backups', 'files'])
    expect(timeline.map((e) => [e.kind, e.author])).toEqual([
      ['created', 'backup-script (webhook)'],
      ['alert', 'backup-script (webhook)'],
    ])
    expect(timeline[1]!.body).toBe(
      'backup-script: firing since 2026-06-10T02:00:00.000Z (SEV3): Nightly backup of the file shares failed. https://backup.example.org/runs/8812 The service "printers" matched no service. The service "fax" is an archived service.',
    )

    expect(await answered(await send(firing), 200)).toMatchObject({ outcome: 'duplicate', ref })
    // Another tool's same key is another problem.
    const other = await answered(await send({ ...firing, source: 'cron-watch' }), 202)
    expect(other.outcome).toBe('opened')
    expect(other.ref).not.toBe(ref)

    ctx.clock.now = new Date('2026-06-10T12:30:00Z')
    const worse = { ...firing, severity: 'SEV2', summary: 'Second attempt failed too.' }
    expect(await answered(await send(worse), 202)).toMatchObject({ outcome: 'updated', ref })
    expect((await detail(ref)).incident.severity).toBe('SEV2')

    const done = { source: 'backup-script', key: 'nightly/files', status: 'resolved' }
    const resolved = await answered(await send({ ...done, endedAt: '2026-06-10T12:20:00Z' }), 202)
    expect(resolved).toMatchObject({ outcome: 'resolved', ref })
    expect((await detail(ref)).incident).toMatchObject({
      status: 'resolved',
      resolvedAt: '2026-06-10T12:20:00.000Z',
    })

    // The same problem again, begun after that resolution: a new incident.
    ctx.clock.now = new Date('2026-06-11T02:10:00Z')
    const tomorrow = await answered(
      await send({ ...firing, startedAt: '2026-06-11T02:00:00Z' }),
      202,
    )
    expect(tomorrow.outcome).toBe('opened')
    expect(tomorrow.ref).not.toBe(ref)
  })

  it('refuses a body that does not follow the schema, naming the fields', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ ...firing, title: undefined, severity: undefined }, ['json.title', 'json.severity']],
      [{ ...firing, startedAt: undefined }, ['json.startedAt']],
      [{ ...firing, severity: 'critical' }, ['json.severity']],
      [{ ...firing, source: 'Backup Script' }, ['json.source']],
      [{ ...firing, status: 'open' }, ['json.status']],
      [{ ...firing, sevrity: 'SEV1' }, ['json']],
      [{ ...firing, key: '' }, ['json.key']],
      [{ ...firing, url: 'javascript:alert(1)' }, ['json.url']],
      [{ ...firing, url: 'https://x.example/a b' }, ['json.url']],
    ]
    for (const [body, paths] of cases) {
      const res = await send(body)
      expect(res.status, paths.join()).toBe(400)
      const { error } = (await res.json()) as {
        error: { code: string; details: { path: string }[] }
      }
      expect(error.code).toBe('validation_failed')
      expect(error.details.map((d) => d.path)).toEqual(paths)
    }
  })
})
