import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginAs, postJson, setupApp, type TestApp } from '../../../test/helpers.ts'

// Each rule of a new service, broken on its own: 400 naming the field, and no service written.
let ctx: TestApp
let manager: Record<string, string>
beforeAll(async () => {
  ctx = await setupApp(new Date('2026-12-01T12:00:00Z'))
  manager = (await loginAs(ctx, 'manager')).headers
})
afterAll(() => ctx.drop())

const VALID = { slug: 'payroll', name: 'Payroll', tier: 1, sloTarget: 0.999 }
const probe = (check: Record<string, unknown>) => ({
  check: { mode: 'probe', url: 'https://x.example.org/health', ...check },
})

const CASES: [string, Record<string, unknown>, string, RegExp][] = [
  ['slug missing', { slug: undefined }, 'json.slug', /expected string/],
  ['slug uppercase', { slug: 'Payroll' }, 'json.slug', /lowercase letters, digits and hyphens/],
  ['slug starting with -', { slug: '-payroll' }, 'json.slug', /starting with a letter or digit/],
  ['slug with a space', { slug: 'pay roll' }, 'json.slug', /lowercase/],
  ['slug of 61 characters', { slug: 'a'.repeat(61) }, 'json.slug', /at most 60/],
  ["slug 'summary'", { slug: 'summary' }, 'json.slug', /must not be 'summary'/],
  ['name empty', { name: '  ' }, 'json.name', /must not be empty/],
  ['name on two lines', { name: 'a\nb' }, 'json.name', /one line/],
  ['description too long', { description: 'x'.repeat(2001) }, 'json.description', /at most 2000/],
  ['tier 0', { tier: 0 }, 'json.tier', /1, 2 or 3/],
  ['tier 4', { tier: 4 }, 'json.tier', /1, 2 or 3/],
  ['tier 1.5', { tier: 1.5 }, 'json.tier', /1, 2 or 3/],
  ['owner team not a slug', { ownerTeam: 'Platform Team' }, 'json.ownerTeam', /lowercase/],
  ['SLO target 1', { sloTarget: 1 }, 'json.sloTarget', /fraction between 0 and 1/],
  ['SLO target 0', { sloTarget: 0 }, 'json.sloTarget', /fraction between 0 and 1/],
  ['SLO target as a percentage', { sloTarget: 99.9 }, 'json.sloTarget', /0.999 is 99.9%/],
  ['SLO target of 6 decimals', { sloTarget: 0.999999 }, 'json.sloTarget', /at most 5 decimal/],
  ['SLO target as text', { sloTarget: '0.999' }, 'json.sloTarget', /expected number/],
  ['SLO window 14 days', { sloWindowDays: 14 }, 'json.sloWindowDays', /7, 28, 30, 90 days/],
  ['21 tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'json.tags', /at most 20/],
  ['a tag in capitals', { tags: ['ok', 'Prod'] }, 'json.tags.1', /lowercase/],
  ['a tag with a space', { tags: ['two words'] }, 'json.tags.0', /without spaces/],
  ['a tag of 41 characters', { tags: ['t'.repeat(41)] }, 'json.tags.0', /at most 40/],
  ['an empty tag', { tags: [''] }, 'json.tags.0', /must not be empty/],
  ['runbook ftp://', { runbookUrl: 'ftp://wiki/x' }, 'json.runbookUrl', /http:\/\/ or https/],
  ['runbook javascript:', { runbookUrl: 'javascript:alert(1)' }, 'json.runbookUrl', /http/],
  ['runbook not a URL', { runbookUrl: 'wiki/payroll' }, 'json.runbookUrl', /full http/],
  [
    'dashboard with a password',
    { dashboardUrl: 'https://u:p@grafana/d' },
    'json.dashboardUrl',
    /password/,
  ],
  ['check mode', { check: { mode: 'pull' } }, 'json.check.mode', /probe|push/],
  ['check kind', { check: { kind: 'icmp' } }, 'json.check.kind', /http|tcp/],
  [
    'check URL file://',
    probe({ url: 'file:///etc/passwd' }),
    'json.check.url',
    /http:\/\/ or https/,
  ],
  ['check method PUT', { check: { method: 'PUT' } }, 'json.check.method', /GET|HEAD|POST/],
  [
    'no expected status',
    { check: { expectedStatuses: [] } },
    'json.check.expectedStatuses',
    /at least one/,
  ],
  [
    'expected status 99',
    { check: { expectedStatuses: [200, 99] } },
    'json.check.expectedStatuses.1',
    /100–599/,
  ],
  [
    'expected status 600',
    { check: { expectedStatuses: [600] } },
    'json.check.expectedStatuses.0',
    /100–599/,
  ],
  ['empty keyword', { check: { keyword: '' } }, 'json.check.keyword', /send null/],
  [
    'host with a scheme',
    { check: { kind: 'tcp', host: 'tcp://db' } },
    'json.check.host',
    /host name or an IP/,
  ],
  ['port 0', { check: { kind: 'tcp', port: 0 } }, 'json.check.port', />=1/],
  ['port 65536', { check: { kind: 'tcp', port: 65536 } }, 'json.check.port', /<=65535/],
  [
    'interval 5 s',
    { check: { intervalSeconds: 5 } },
    'json.check.intervalSeconds',
    /10–3600 seconds/,
  ],
  ['interval 2 h', { check: { intervalSeconds: 7200 } }, 'json.check.intervalSeconds', /10–3600/],
  ['timeout 50 ms', { check: { timeoutMs: 50 } }, 'json.check.timeoutMs', /100–60000 ms/],
  ['degraded 0 ms', { check: { degradedLatencyMs: 0 } }, 'json.check.degradedLatencyMs', /1–60000/],
  ['unknown check field', { check: { retries: 3 } }, 'json.check', /retries/],
  ['unknown field', { owner: 'platform' }, 'json', /owner/],
  [
    'HTTP probe without URL',
    { check: { mode: 'probe' } },
    'json.check.url',
    /required for an HTTP probe/,
  ],
  [
    'TCP probe without host',
    { check: { mode: 'probe', kind: 'tcp', port: 5432 } },
    'json.check.host',
    /required for a TCP probe/,
  ],
  [
    'TCP probe without port',
    { check: { mode: 'probe', kind: 'tcp', host: 'db' } },
    'json.check.port',
    /required for a TCP probe/,
  ],
  [
    'timeout = interval',
    { check: { intervalSeconds: 10, timeoutMs: 10000 } },
    'json.check.timeoutMs',
    /less than the interval \(10 s = 10000 ms\)/,
  ],
  [
    'interval under the default timeout',
    { check: { intervalSeconds: 10 } },
    'json.check.intervalSeconds',
    /longer than the timeout \(10000 ms\)/,
  ],
  [
    'degraded = timeout',
    { check: { timeoutMs: 3000, degradedLatencyMs: 3000 } },
    'json.check.degradedLatencyMs',
    /less than the timeout \(3000 ms\)/,
  ],
  [
    'timeout under the default degraded threshold',
    { check: { timeoutMs: 1000 } },
    'json.check.timeoutMs',
    /more than the degraded-latency threshold \(2000 ms\)/,
  ],
]

describe('POST /api/v1/services refuses', () => {
  it.each(CASES)('%s (400 on the field)', async (_, over, path, message) => {
    const res = await postJson(ctx, '/api/v1/services', { ...VALID, ...over }, manager)
    const body = (await res.json()) as {
      error: { code: string; details: { path: string; message: string }[] }
    }
    expect(res.status, JSON.stringify(body)).toBe(400)
    expect(body.error.code).toBe('validation_failed')
    expect(body.error.details).toEqual([{ path, message: expect.stringMatching(message) }])
    const rows = await ctx.db.selectFrom('services').select('id').execute()
    expect(rows).toEqual([])
  })

  it('every problem at once, each on its own field', async () => {
    const res = await postJson(
      ctx,
      '/api/v1/services',
      { ...VALID, tier: 9, sloTarget: 2, check: { mode: 'probe', kind: 'tcp' } },
      manager,
    )
    const body = (await res.json()) as { error: { details: { path: string }[] } }
    expect(body.error.details.map((d) => d.path).sort()).toEqual([
      'json.check.host',
      'json.check.port',
      'json.sloTarget',
      'json.tier',
    ])
  })

  // Last: the cases above find no service at all.
  it('but takes the same body once it is right', async () => {
    const res = await postJson(ctx, '/api/v1/services', VALID, manager)
    expect(res.status).toBe(201)
  })
})
