import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { AppEnv } from '../app-env.ts'
import { access, type AccessLevel, effectiveScopes, ROLE_SCOPES } from './access.ts'
import type { Actor } from './actor.ts'

// Every level against every kind of caller, including `ingest`, which no route uses yet.
const user = (role: 'admin' | 'manager' | 'viewer'): Actor => ({
  type: 'user',
  user: { id: 1, email: 'u@x', name: 'U', role },
  sessionId: 'ab',
})
const token = (...scopes: ('read' | 'ingest')[]): Actor => ({
  type: 'token',
  token: { id: 1, name: 't', scopes },
})
const CALLERS: Record<string, Actor | null> = {
  anonymous: null,
  viewer: user('viewer'),
  manager: user('manager'),
  admin: user('admin'),
  read: token('read'),
  ingest: token('ingest'),
  both: token('read', 'ingest'),
}
const EXPECTED: Record<AccessLevel, string[]> = {
  public: ['anonymous', 'viewer', 'manager', 'admin', 'read', 'ingest', 'both'],
  authenticated: ['viewer', 'manager', 'admin', 'read', 'ingest', 'both'],
  session: ['viewer', 'manager', 'admin'],
  read: ['viewer', 'manager', 'admin', 'read', 'both'],
  write: ['manager', 'admin'],
  admin: ['admin'],
  ingest: ['admin', 'ingest', 'both'],
}

describe('access()', () => {
  for (const [level, allowed] of Object.entries(EXPECTED) as [AccessLevel, string[]][]) {
    it(`lets through exactly ${level}'s callers`, async () => {
      for (const [name, actor] of Object.entries(CALLERS)) {
        const app = new Hono<AppEnv>()
          .use(async (c, next) => {
            c.set('actor', actor)
            await next()
          })
          .get('/', access(level as 'public'), (c) => c.text('ok'))
        const res = await app.request('/')
        const expected = allowed.includes(name) ? 200 : actor ? 403 : 401
        expect(res.status, `${level} as ${name}`).toBe(expected)
      }
    })
  }
})

describe('ROLE_SCOPES', () => {
  // A role holds a scope exactly when access() lets a person of that role through its level.
  for (const role of ['admin', 'manager', 'viewer'] as const) {
    it(`gives a ${role}'s tokens the scopes a ${role} has`, async () => {
      for (const scope of ['ingest', 'read'] as const) {
        const app = new Hono<AppEnv>()
          .use(async (c, next) => {
            c.set('actor', user(role))
            await next()
          })
          .get('/', access(scope), (c) => c.text('ok'))
        const allowed = (await app.request('/')).status === 200
        expect(ROLE_SCOPES[role].includes(scope), `${role} ${scope}`).toBe(allowed)
      }
    })
  }

  it('narrows a token to its creator’s role, and leaves a system token alone', () => {
    expect(effectiveScopes(['ingest', 'read'], 'admin')).toEqual(['ingest', 'read'])
    expect(effectiveScopes(['ingest', 'read'], 'viewer')).toEqual(['read'])
    expect(effectiveScopes(['ingest'], 'manager')).toEqual([])
    expect(effectiveScopes(['ingest', 'read'], null)).toEqual(['ingest', 'read'])
  })
})
