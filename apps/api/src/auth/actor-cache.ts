import type { Actor } from './actor.ts'

/**
 * Who a session cookie or API token was, for a few seconds: the dashboard sends a dozen requests a
 * page and a wall screen one every few seconds, and each would otherwise cost a query before its
 * figures are even looked at. Every write through this process clears it (signing out, a password
 * or role change, a revoked token or disabled user take effect here at once); on other instances
 * within `ttlMs`. Only live sessions and tokens are kept: an unknown secret is asked every time.
 */
export class ActorCache {
  private readonly ttlMs: number
  private readonly maxEntries: number
  private readonly entries = new Map<string, { at: number; actor: Actor }>()
  private clears = 0

  constructor(ttlMs: number, maxEntries = 10_000) {
    this.ttlMs = ttlMs
    this.maxEntries = maxEntries
  }

  get(key: string, now: number): Actor | undefined {
    const hit = this.entries.get(key)
    if (!hit) return undefined
    if (now - hit.at < this.ttlMs) return hit.actor
    this.entries.delete(key)
    return undefined
  }

  /** Taken before a lookup and given to `set`: a lookup that a clear overtook is not kept. */
  ticket(): number {
    return this.clears
  }

  set(key: string, actor: Actor, now: number, ticket: number) {
    // Begun before a sign-out or a role change committed, it may hold what they undid.
    if (ticket !== this.clears) return
    // The oldest goes when full: Map keeps insertion order.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(key, { at: now, actor })
  }

  clear() {
    this.clears += 1
    this.entries.clear()
  }
}
