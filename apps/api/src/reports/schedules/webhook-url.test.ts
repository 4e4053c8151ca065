import { describe, expect, it } from 'vitest'
import { webhookUrlProblem } from './webhook-url.ts'

describe('a webhook URL', () => {
  it('with a user name or password is refused: fetch would refuse it at every attempt', () => {
    for (const url of [
      'https://user:pass@hooks.example.com/x',
      'https://token@hooks.example.com/x',
    ]) {
      expect(webhookUrlProblem(url), url).toMatch(/^must not hold a user name or password/)
    }
  })

  it('to a link-local address (cloud metadata) is refused, however it is written', () => {
    const metadata = [
      'http://169.254.169.254/latest/meta-data/',
      'http://2852039166/', // decimal
      'http://0xa9fea9fe/', // hexadecimal
      'http://0251.0376.0251.0376/', // octal
      'http://169.254.43518/', // a short form
    ]
    for (const url of metadata) {
      expect(webhookUrlProblem(url), url).toBe(
        'cannot be delivered to: target address 169.254.169.254 is link-local: refused (cloud metadata)',
      )
    }
    expect(webhookUrlProblem('http://[::ffff:169.254.169.254]/x')).toBe(
      'cannot be delivered to: target address ::ffff:a9fe:a9fe is link-local: refused (cloud metadata)',
    )
    expect(webhookUrlProblem('http://169.254.1.2:8080/x')).toMatch(/169\.254\.1\.2 is link-local/)
    expect(webhookUrlProblem('http://[fe80::1]/x')).toMatch(/fe80::1 is link-local: refused$/)
  })

  it('to an unspecified or a loopback address is refused', () => {
    expect(webhookUrlProblem('http://0.0.0.0:8080/x')).toMatch(/0\.0\.0\.0 is unspecified/)
    expect(webhookUrlProblem('http://0/x')).toMatch(/0\.0\.0\.0 is unspecified/)
    expect(webhookUrlProblem('http://[::]/x')).toMatch(/target address :: is unspecified/)
    for (const [url, ip] of [
      ['http://127.0.0.1:9000/hook', '127.0.0.1'],
      ['http://127.1/hook', '127.0.0.1'],
      ['http://2130706433/hook', '127.0.0.1'],
      ['http://127.8.9.10/hook', '127.8.9.10'],
      ['http://[::1]:9000/hook', '::1'],
      ['http://[::ffff:127.0.0.1]/hook', '::ffff:7f00:1'],
    ] as const) {
      expect(webhookUrlProblem(url), url).toBe(
        `cannot be delivered to: target address ${ip} is loopback (this server itself): refused`,
      )
    }
  })

  it('to a name, a private network or a public address is accepted (names are checked when sending)', () => {
    for (const url of [
      'https://hooks.example.com/services/T000/B000/secret',
      'https://chat.example.com/hooks?key=secret',
      'http://10.0.0.5:8080/opsdeck',
      'http://192.168.1.20/hook',
      'https://203.0.113.9/hook',
      'https://[2001:db8::1]/hook',
      'http://localhost:9000/hook',
      'http://169.254.169.254.nip.io/',
    ]) {
      expect(webhookUrlProblem(url), url).toBeNull()
    }
  })

  it('that is no URL at all is left to the schema’s own check', () => {
    expect(webhookUrlProblem('not a url')).toBeNull()
  })
})
