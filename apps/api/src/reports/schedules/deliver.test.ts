import { describe, expect, it } from 'vitest'
import { errorText, isPermanent, SMTP_NOT_CONFIGURED } from './deliver.ts'

const refused = () =>
  new TypeError('fetch failed', {
    cause: Object.assign(new Error('target address 127.0.0.1 is loopback: refused'), {
      code: 'OPSDECK_TARGET_REFUSED',
    }),
  })

describe('a failed delivery’s error text', () => {
  it('never holds a URL’s path or query, where a webhook keeps its secret', async () => {
    // fetch's own error, as it is thrown: it quotes the whole URL.
    const err: unknown = await fetch('https://user:pass@hooks.example.com/T000/secret?k=s').catch(
      (e: unknown) => e,
    )
    expect(errorText(err)).toBe(
      'Request cannot be constructed from a URL that includes credentials: https://hooks.example.com/…',
    )
    const cause = new Error('redirected to http://10.0.0.5:8080/hooks/abc?t=1.')
    expect(errorText(new Error('fetch failed', { cause }))).toBe(
      'fetch failed (redirected to http://10.0.0.5:8080/…)',
    )
    expect(
      errorText(new Error('POST (https://chat.example.com/T0/B0/xyz) and HTTP://A.example/q')),
    ).toBe('POST (https://chat.example.com/…) and http://a.example/…')
    expect(errorText(new Error('bad http://[::1/secret'))).toBe('bad http://…')
  })

  it('keeps what is not a URL, without credentials, on one line and short', () => {
    expect(errorText(new Error('the webhook answered HTTP 500'))).toBe(
      'the webhook answered HTTP 500',
    )
    expect(errorText(new Error('connect to smtp://me:pw@mail.example.com:25\nfailed'))).toBe(
      'connect to smtp://mail.example.com:25 failed',
    )
    expect(errorText(refused())).toBe(
      'fetch failed (target address 127.0.0.1 is loopback: refused)',
    )
    expect(errorText(new Error('x'.repeat(400)))).toHaveLength(300)
  })
})

describe('a permanent failure', () => {
  it('is SMTP not configured or a refused target; anything else is tried again', () => {
    expect(isPermanent(new Error(SMTP_NOT_CONFIGURED))).toBe(true)
    expect(isPermanent(refused())).toBe(true)
    const connRefused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    })
    expect(isPermanent(connRefused)).toBe(false)
    expect(isPermanent(new Error('the webhook answered HTTP 500'))).toBe(false)
    expect(isPermanent(null)).toBe(false)
  })
})
