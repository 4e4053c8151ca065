import { afterEach, describe, expect, it } from 'vitest'
import { type CheckConfig, runCheck } from './check.ts'
import { closedPort, LOCAL_TARGETS, selfSignedCert, startHttp, startTcp } from './test-kit.ts'

// These tests check local servers on 127.0.0.1: loopback allowed (target-policy.test.ts refuses it).
const runLocal = (config: CheckConfig) => runCheck(config, LOCAL_TARGETS)

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

function http(url: string, config: Partial<CheckConfig> = {}): CheckConfig {
  return {
    kind: 'http',
    url,
    method: 'GET',
    expectedStatuses: [200],
    keyword: null,
    host: null,
    port: null,
    timeoutMs: 5_000,
    degradedLatencyMs: 10_000,
    ...config,
  }
}

// A server answering each path as the test says: /slow after a delay, /hang never.
async function server() {
  const s = await startHttp((req, res) => {
    if (req.url === '/hang') return
    if (req.url === '/reset') return req.socket.destroy()
    const send = () => {
      if (req.url === '/unavailable') res.writeHead(503).end('maintenance')
      else if (req.url === '/moved') res.writeHead(301, { location: '/health' }).end()
      else if (req.url === '/big') res.writeHead(200).end('x'.repeat(2 * 1024 * 1024) + 'ready')
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('status: ready')
    }
    if (req.url === '/slow') setTimeout(send, 150)
    else send()
  })
  closers.push(s.close)
  return s
}

describe('runCheck over HTTP', () => {
  it('is up with the status code and the latency when the answer is as expected', async () => {
    const s = await server()
    const result = await runLocal(http(s.url('/health'), { method: 'HEAD' }))
    expect(result).toEqual({
      status: 'up',
      latencyMs: expect.any(Number),
      statusCode: 200,
      error: null,
    })
    expect(s.hits).toMatchObject([{ path: '/health', method: 'HEAD' }])
  })

  it('is degraded when it answers slower than the threshold, up under it', async () => {
    const s = await server()
    const slow = await runLocal(http(s.url('/slow'), { degradedLatencyMs: 50 }))
    expect(slow).toMatchObject({ status: 'degraded', statusCode: 200, error: null })
    expect(slow.latencyMs).toBeGreaterThan(50)
    expect(await runLocal(http(s.url('/slow'), { degradedLatencyMs: 60_000 }))).toMatchObject({
      status: 'up',
    })
  })

  it('is down naming the status when it is not one of those expected', async () => {
    const s = await server()
    expect(await runLocal(http(s.url('/unavailable')))).toEqual({
      status: 'down',
      latencyMs: expect.any(Number),
      statusCode: 503,
      error: 'unexpected status 503 (expected 200)',
    })
    const either = await runLocal(http(s.url('/unavailable'), { expectedStatuses: [200, 204] }))
    expect(either.error).toBe('unexpected status 503 (expected 200, 204)')
  })

  it('follows redirects unless a redirect is what is expected', async () => {
    const s = await server()
    expect(await runLocal(http(s.url('/moved')))).toMatchObject({ status: 'up', statusCode: 200 })
    expect(await runLocal(http(s.url('/moved'), { expectedStatuses: [301] }))).toMatchObject({
      status: 'up',
      statusCode: 301,
    })
  })

  it('looks for the keyword in the body, up to a size cap', async () => {
    const s = await server()
    expect(await runLocal(http(s.url('/health'), { keyword: 'ready' }))).toMatchObject({
      status: 'up',
    })
    expect(await runLocal(http(s.url('/health'), { keyword: 'green' }))).toMatchObject({
      status: 'down',
      statusCode: 200,
      error: 'keyword "green" not found',
    })
    // 'ready' is there, but after 2 MiB: past what the prober reads.
    expect(await runLocal(http(s.url('/big'), { keyword: 'ready' }))).toMatchObject({
      status: 'down',
      error: 'keyword "ready" not found in the first 1024 KiB of the body',
    })
  })

  it('is down after its timeout when no answer comes', async () => {
    const s = await server()
    expect(await runLocal(http(s.url('/hang'), { timeoutMs: 300 }))).toEqual({
      status: 'down',
      latencyMs: null,
      statusCode: null,
      error: 'timed out after 300 ms',
    })
  })

  it('is down when the connection is refused', async () => {
    const port = await closedPort()
    expect(await runLocal(http(`http://127.0.0.1:${port}/`))).toMatchObject({
      status: 'down',
      error: `connection refused by 127.0.0.1:${port}`,
    })
  })

  it('is down when the server closes the connection without answering', async () => {
    const s = await server()
    const result = await runLocal(http(s.url('/reset')))
    expect(result).toMatchObject({ status: 'down', statusCode: null })
    expect(result.error).toMatch(/^connection closed by 127\.0\.0\.1:\d+ before a response \(/)
  })

  it('is down when the name does not resolve', async () => {
    // .invalid never resolves (RFC 2606); an offline resolver says EAI_AGAIN instead of ENOTFOUND.
    const result = await runLocal(
      http('http://opsdeck-prober-test.invalid/', { timeoutMs: 20_000 }),
    )
    expect(result.status).toBe('down')
    expect(result.error).toMatch(
      /^DNS lookup failed for opsdeck-prober-test\.invalid \((ENOTFOUND|EAI_AGAIN)\)$/,
    )
  })

  const tls = selfSignedCert()
  // openssl makes the certificate at test time; without it there is no TLS server to test against.
  it.skipIf(tls === null)(
    'is down with a TLS error for a certificate nobody vouches for',
    async () => {
      const s = await startHttp((_req, res) => res.end('ok'), tls!)
      closers.push(s.close)
      const result = await runLocal(http(s.url('/')))
      expect(result).toMatchObject({ status: 'down', latencyMs: null, statusCode: null })
      expect(result.error).toBe('TLS error: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)')
      expect(s.hits).toEqual([])
    },
  )

  it('is down with a TLS error when an https URL meets a plain HTTP server', async () => {
    const s = await server()
    const result = await runLocal(http(s.url('/health').replace('http:', 'https:')))
    expect(result).toMatchObject({ status: 'down', statusCode: null })
    expect(result.error).toMatch(
      /^TLS error: wrong version number \(ERR_SSL_WRONG_VERSION_NUMBER\)$/,
    )
  })
})

describe('runCheck over TCP', () => {
  const tcp = (port: number): CheckConfig => ({
    ...http(''),
    kind: 'tcp',
    url: null,
    host: '127.0.0.1',
    port,
  })

  it('is up when the connection opens, and closes it', async () => {
    const s = await startTcp()
    closers.push(s.close)
    const result = await runLocal(tcp(s.port))
    expect(result).toEqual({
      status: 'up',
      latencyMs: expect.any(Number),
      statusCode: null,
      error: null,
    })
    expect(s.accepted).toHaveLength(1)
  })

  it('is down when the connection is refused', async () => {
    const port = await closedPort()
    expect(await runLocal(tcp(port))).toEqual({
      status: 'down',
      latencyMs: null,
      statusCode: null,
      error: `connection refused by 127.0.0.1:${port}`,
    })
  })
})
