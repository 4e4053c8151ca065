import net from 'node:net'
import { answered, type CheckResult, down, elapsedSince } from './check.ts'
import { describeFailure } from './failure.ts'

interface TcpCheck {
  host: string
  port: number
  timeoutMs: number
  degradedLatencyMs: number
}

/** Opens a TCP connection and closes it at once: up when the handshake completes in time. */
export function checkTcp(check: TcpCheck): Promise<CheckResult> {
  const target = { host: check.host, port: check.port, timeoutMs: check.timeoutMs }
  return new Promise((resolve) => {
    const started = performance.now()
    const socket = net.connect({ host: check.host, port: check.port })
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
