import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import {
  createToken,
  createUser,
  loginAs,
  setupApp,
  TEST_HASH,
  type TestApp,
} from '../../test/helpers.ts'
import pino from 'pino'

let ctx: TestApp
beforeAll(async () => {
  ctx = await setupApp()
})
afterAll(() => ctx.drop())

// Creating a token is a cookie-authenticated unsafe request an attacker would love to forge.
async function createTokenWith(
  headers: Record<string, string>,
  app = ctx.app,
  url = 'http://localhost',
) {
  return app.request(`${url}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ name: 'csrf', scopes: ['read'] }),
  })
}

describe('CSRF protection', () => {
  it('refuses a cookie request from a foreign origin', async () => {
    const admin = await loginAs(ctx, 'admin')
    const attempts: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
      // Our own host, but marked by the browser as another site, or from another scheme or port.
      { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-site' },
      { Origin: 'https://localhost', 'Sec-Fetch-Site': 'cross-site' },
      { Origin: 'https://localhost', 'Sec-Fetch-Site': 'same-site' },
      { Origin: 'https://localhost' },
      { Origin: 'http://localhost:8080' },
      { Origin: 'null' },
      {}, // neither header: not from a browser page we can vouch for
    ]
    for (const headers of attempts) {
      const res = await createTokenWith({ ...admin.headers, ...headers })
      expect(res.status, JSON.stringify(headers)).toBe(403)
      expect(await res.json()).toMatchObject({ error: { code: 'csrf_rejected' } })
    }
    expect(
      await ctx.db.selectFrom('apiTokens').select('id').where('name', '=', 'csrf').execute(),
    ).toEqual([])
  })

  it('lets the same origin through, by Origin or by Sec-Fetch-Site', async () => {
    const admin = await loginAs(ctx, 'admin')
    expect((await createTokenWith({ ...admin.headers, Origin: 'http://localhost' })).status).toBe(
      201,
    )
    expect(
      (await createTokenWith({ ...admin.headers, 'Sec-Fetch-Site': 'same-origin' })).status,
    ).toBe(201)
  })

  it('compares the whole origin: scheme, host and port', async () => {
    const admin = await loginAs(ctx, 'admin')
    const from = (origin: string, url: string) =>
      createTokenWith({ ...admin.headers, Origin: origin }, ctx.app, url)
    // A page served over plain http must not act on the https site, nor the other way round.
    expect((await from('http://ops.example', 'https://ops.example')).status).toBe(403)
    expect((await from('https://ops.example:8443', 'http://ops.example:8443')).status).toBe(403)
    expect((await from('https://ops.example:8443', 'https://ops.example:9443')).status).toBe(403)
    // A default port is the same origin whether written or not.
    expect((await from('https://ops.example', 'https://ops.example:443')).status).toBe(201)
  })

  it('behind a trusted proxy, takes the scheme and host the proxy forwards', async () => {
    const admin = await loginAs(ctx, 'admin')
    const headers = {
      ...admin.headers,
      Origin: 'https://ops.example',
      'X-Forwarded-Host': 'ops.example',
      'X-Forwarded-Proto': 'https',
    }
    // Not trusted: the headers are the client's word, and the request is http://localhost.
    expect((await createTokenWith(headers)).status).toBe(403)
    const proxied = createApp({
      db: ctx.db,
      logger: pino({ level: 'silent' }),
      auth: { hash: TEST_HASH, trustedProxy: true },
    })
    // A TLS-terminating proxy: the browser's https origin matches what the proxy forwards.
    expect((await createTokenWith(headers, proxied)).status).toBe(201)
    const tls = {
      ...admin.headers,
      Origin: 'https://ops.example:8443',
      'X-Forwarded-Proto': 'https',
    }
    expect((await createTokenWith(tls, proxied, 'http://ops.example:8443')).status).toBe(201)
    // The same host over plain http is another origin, even through the proxy.
    const downgraded = { ...headers, Origin: 'http://ops.example' }
    expect((await createTokenWith(downgraded, proxied)).status).toBe(403)
  })

  it('behind a trusted proxy, believes the values it appended, not those the client sent', async () => {
    const admin = await loginAs(ctx, 'admin')
    const proxied = createApp({
      db: ctx.db,
      logger: pino({ level: 'silent' }),
      auth: { hash: TEST_HASH, trustedProxy: true },
    })
    // The client claims https and another host; the proxy appends what it saw, as with
    // X-Forwarded-For.
    const forwarded = {
      ...admin.headers,
      'X-Forwarded-Host': 'evil.example, ops.example',
      'X-Forwarded-Proto': 'https, http',
    }
    const from = (origin: string) => createTokenWith({ ...forwarded, Origin: origin }, proxied)
    expect((await from('https://evil.example')).status).toBe(403)
    expect((await from('https://ops.example')).status).toBe(403)
    expect((await from('http://ops.example')).status).toBe(201)
  })

  it('exempts bearer-token requests, which a page cannot make a browser send', async () => {
    const token = await createToken(ctx.db, ['read'])
    const res = await ctx.app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { ...token.headers, Origin: 'https://evil.example' },
    })
    expect(res.status).toBe(204)
  })

  it('refuses a sign-in posted from a foreign page, but not one from a script', async () => {
    const user = await createUser(ctx.db)
    const body = JSON.stringify({ email: user.email, password: user.password })
    const headers = { 'Content-Type': 'application/json' }
    const forged = await ctx.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { ...headers, Origin: 'https://evil.example' },
      body,
    })
    expect(forged.status).toBe(403)
    const curl = await ctx.app.request('/api/v1/auth/login', { method: 'POST', headers, body })
    expect(curl.status).toBe(200)
  })

  it('leaves safe methods alone', async () => {
    const viewer = await loginAs(ctx, 'viewer')
    const res = await ctx.app.request('/api/v1/auth/me', {
      headers: { ...viewer.headers, Origin: 'https://evil.example' },
    })
    expect(res.status).toBe(200)
  })
})
