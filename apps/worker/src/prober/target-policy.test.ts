import { afterEach, describe, expect, it } from 'vitest'
import { type CheckConfig, runCheck } from './check.ts'
import { refusal } from './target-policy.ts'
import { LOCAL_TARGETS, startHttp, startTcp } from './test-kit.ts'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

const base: CheckConfig = {
  kind: 'http',
  url: null,
  method: 'GET',
  expectedStatuses: [200],
  keyword: null,
  host: null,
  port: null,
  timeoutMs: 5_000,
  degradedLatencyMs: 10_000,
}
const http = (url: string): CheckConfig => ({ ...base, url })
const tcp = (host: string, port: number): CheckConfig => ({ ...base, kind: 'tcp', host, port })

const LOOPBACK_REFUSED = (ip: string) =>
  `target address ${ip} is loopback: refused; set OPSDECK_PROBE_ALLOW_LOOPBACK=true to allow`
const METADATA_REFUSED = 'target address 169.254.169.254 is link-local: refused (cloud metadata)'
const refused = (error: string) => ({ status: 'down', latencyMs: null, statusCode: null, error })

describe('the targets the prober refuses', () => {
  it('refuses loopback by default, over HTTP and TCP, without connecting', async () => {
    const s = await startHttp((_req, res) => res.end('ok'))
    const t = await startTcp()
    closers.push(s.close, t.close)
    expect(await runCheck(http(s.url('/health')))).toEqual(refused(LOOPBACK_REFUSED('127.0.0.1')))
    expect(await runCheck(tcp('127.0.0.1', t.port))).toEqual(refused(LOOPBACK_REFUSED('127.0.0.1')))
    expect(s.hits).toEqual([])
    expect(t.accepted).toEqual([])
  })

  it('refuses a name that resolves to loopback, after its DNS lookup', async () => {
    const s = await startHttp((_req, res) => res.end('ok'))
    closers.push(s.close)
    const result = await runCheck(http(`http://localhost:${s.port}/health`))
    expect(result).toMatchObject({ status: 'down', statusCode: null })
    expect(result.error).toMatch(/^target address (127\.0\.0\.1|::1) is loopback: refused; set /)
    expect(s.hits).toEqual([])
  })

  it('refuses link-local (cloud metadata) even with loopback allowed', async () => {
    const metadata = 'http://169.254.169.254/latest/meta-data/'
    expect(await runCheck(http(metadata), LOCAL_TARGETS)).toEqual(refused(METADATA_REFUSED))
    expect(await runCheck(tcp('169.254.169.254', 80), LOCAL_TARGETS)).toEqual(
      refused(METADATA_REFUSED),
    )
    expect(await runCheck(http('http://[fe80::1]:8080/'), LOCAL_TARGETS)).toEqual(
      refused('target address fe80::1 is link-local: refused'),
    )
    expect(await runCheck(tcp('0.0.0.0', 5432), LOCAL_TARGETS)).toEqual(
      refused('target address 0.0.0.0 is unspecified: refused'),
    )
  })

  it('refuses a redirect from an allowed server to the metadata address', async () => {
    const s = await startHttp((_req, res) =>
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    )
    closers.push(s.close)
    expect(await runCheck(http(s.url('/health')), LOCAL_TARGETS)).toEqual(refused(METADATA_REFUSED))
    expect(s.hits).toMatchObject([{ path: '/health' }])
  })

  it('allows private networks and public addresses, refuses mapped and ranged ones', () => {
    const allowed = ['10.1.2.3', '172.16.0.1', '172.31.255.254', '192.168.1.10', 'fd00:ec2::254']
    for (const ip of [...allowed, 'fc00::1', '8.8.8.8', '2001:db8::1', '169.253.255.255'])
      expect(refusal(ip, { allowLoopback: false })).toBeNull()
    expect(refusal('169.254.0.1', LOCAL_TARGETS)).toMatch(/link-local: refused \(cloud metadata\)$/)
    expect(refusal('::ffff:169.254.169.254', LOCAL_TARGETS)).toMatch(/link-local: refused/)
    expect(refusal('127.8.9.10', { allowLoopback: false })).toBe(LOOPBACK_REFUSED('127.8.9.10'))
    expect(refusal('::ffff:127.0.0.1', { allowLoopback: false })).toMatch(/loopback: refused/)
    expect(refusal('::1', { allowLoopback: false })).toBe(LOOPBACK_REFUSED('::1'))
    expect(refusal('::1', LOCAL_TARGETS)).toBeNull()
    expect(refusal('::', LOCAL_TARGETS)).toBe('target address :: is unspecified: refused')
  })
})
