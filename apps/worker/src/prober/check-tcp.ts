import net from 'node:net'
import { answered, type CheckResult, down, elapsedSince } from './check.ts'
import { describeFailure } from './failure.ts'
import { guardedLookup, refuseLiteral, type TargetPolicy } from './target-policy.ts'

interface TcpCheck {
  host: string
  port: number
  timeoutMs: number
  degradedLatencyMs: number
}

/**
 * Opens a TCP connection and closes it at once: up when the handshake completes in time. A refused
 * address (see target-policy.ts) is down without connecting.
 */
export function checkTcp(check: TcpCheck, policy: TargetPolicy): Promise<CheckResult> {
  const target = { host: check.host, port: check.port, timeoutMs: check.timeoutMs }
  const refused = refuseLiteral(check.host, policy)
  if (refused) return Promise.resolve(down(refused.message))
  return new Promise((resolve) => {
    const started = performance.now()
    const lookup = guardedLookup(policy)
    const socket = net.connect({ host: check.host, port: check.port, lookup })
    let settled = false
    const finish = (result: CheckResult) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      resolve(result)
    }
    const timer = setTimeout(
      () => finish(down(describeFailure(null, target, true))),
      check.timeoutMs,
    )
    socket.once('connect', () =>
      finish(answered(elapsedSince(started), check.degradedLatencyMs, null)),
    )
    socket.once('error', (err) => finish(down(describeFailure(err, target, false))))
  })
}
