import type { Server } from 'node:http'
import type { ServerType } from '@hono/node-server'

// Connections the kernel has accepted but Node has not yet picked up would be reset if the
// listener closed at once; a short pause lets them in (they are answered with Connection: close).
const ACCEPT_DRAIN_MS = 500

/**
 * Stops the HTTP server without failing a request in flight: stop accepting, close idle
 * keep-alive connections, let running requests finish (their answers say Connection: close, set
 * by the app while draining) for up to `graceMs`, then cut whatever is left.
 */
export async function closeGracefully(
  server: ServerType,
  graceMs: number,
  say: (line: string) => void,
): Promise<void> {
  const http = server as Server
  await new Promise((resolve) => setTimeout(resolve, Math.min(ACCEPT_DRAIN_MS, graceMs)))
  const closed = new Promise<void>((resolve) => http.close(() => resolve()))
  http.closeIdleConnections()
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), graceMs)
  })
  if ((await Promise.race([closed, expired])) === 'expired') {
    say(`requests still running after the ${graceMs / 1000} s grace period: closing them`)
    http.closeAllConnections()
    await closed
  }
  clearTimeout(timer)
}
