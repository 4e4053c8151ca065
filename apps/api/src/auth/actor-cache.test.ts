import { describe, expect, it } from 'vitest'
import type { Actor } from './actor.ts'
import { ActorCache } from './actor-cache.ts'

const viewer: Actor = {
  type: 'user',
  user: { id: 1, email: 'v@x', name: 'V', role: 'viewer' },
  sessionId: 'ab',
}

describe('ActorCache', () => {
  it('remembers who a key was for its time only', () => {
    const cache = new ActorCache(5_000)
    cache.set('session s', viewer, 0, cache.ticket())
    expect(cache.get('session s', 4_999)).toBe(viewer)
    expect(cache.get('session s', 5_000)).toBeUndefined()
  })

  it('forgets everyone on clear, and keeps no lookup that began before a clear', () => {
    const cache = new ActorCache(5_000)
    cache.set('session s', viewer, 0, cache.ticket())
    const ticket = cache.ticket() // a lookup starts, reads the session…
    cache.clear() // …a sign-out commits and clears…
    cache.set('session s', viewer, 1, ticket) // …the lookup ends with what the sign-out undid
    expect(cache.get('session s', 2)).toBeUndefined()
    cache.set('session s', viewer, 3, cache.ticket())
    expect(cache.get('session s', 4)).toBe(viewer)
  })

  it('holds at most its number of entries, the oldest going first', () => {
    const cache = new ActorCache(5_000, 2)
    for (const key of ['a', 'b', 'c']) cache.set(key, viewer, 0, cache.ticket())
    expect(cache.get('a', 1)).toBeUndefined()
    expect(cache.get('c', 1)).toBe(viewer)
  })
})
