import { fetch as undiciFetch } from 'undici'
import { dispatcherFor } from './check-http.ts'
import type { TargetPolicy } from './target-policy.ts'

/**
 * fetch that connects only where the prober may (never link-local, the cloud metadata service;
 * loopback only when allowed): for other URLs managers configure, such as report webhooks.
 */
export function guardedFetch(policy: TargetPolicy): typeof fetch {
  const dispatcher = dispatcherFor(policy)
  return ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as object), dispatcher })) as unknown as typeof fetch
}
