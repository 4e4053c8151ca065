import { Agent, buildConnector, fetch, type Response } from 'undici'
import { answered, type CheckConfig, type CheckResult, down, elapsedSince } from './check.ts'
import { describeFailure } from './failure.ts'
import { guardedLookup, refuseLiteral, type TargetPolicy } from './target-policy.ts'

/** A keyword is looked for in this much of the body at most, so a huge page costs little. */
export const BODY_CAP_BYTES = 1024 * 1024
const USER_AGENT = 'opsdeck-prober'

type HttpCheck = Omit<CheckConfig, 'url'> & { url: string }

/**
 * One HTTP(S) request under the check's deadline (connection, headers and the body read). Latency
 * is the time to the response headers, so that a keyword check is comparable with a plain one.
 */
export async function checkHttp(check: HttpCheck, policy: TargetPolicy): Promise<CheckResult> {
  const signal = AbortSignal.timeout(check.timeoutMs)
  const target = targetOf(check)
  // Follow redirects unless the service expects one (a 301 that is the right answer).
  const redirect = check.expectedStatuses.some((s) => s >= 300 && s < 400) ? 'manual' : 'follow'
  const started = performance.now()
  let response: Response
  try {
    response = await fetch(check.url, {
      method: check.method,
      signal,
      redirect,
      headers: { 'user-agent': USER_AGENT },
      dispatcher: dispatcherFor(policy),
    })
  } catch (err) {
    return down(describeFailure(err, target, signal.aborted))
  }
  const latencyMs = elapsedSince(started)
  const statusCode = response.status
  if (!check.expectedStatuses.includes(statusCode)) {
    await discard(response)
    const expected = check.expectedStatuses.join(', ')
    return down(`unexpected status ${statusCode} (expected ${expected})`, latencyMs, statusCode)
  }
  if (check.keyword) {
    let body: { text: string; truncated: boolean }
    try {
      body = await readCapped(response, check.keyword)
    } catch (err) {
      return down(describeFailure(err, target, signal.aborted), latencyMs, statusCode)
    }
    if (!body.text.includes(check.keyword)) {
      const within = body.truncated ? ` in the first ${BODY_CAP_BYTES / 1024} KiB of the body` : ''
      return down(`keyword "${check.keyword}" not found${within}`, latencyMs, statusCode)
    }
  } else {
    await discard(response)
  }
  return answered(latencyMs, check.degradedLatencyMs, statusCode)
}

// One connection pool per policy. Its connector checks every connection it opens, redirects'
// included: an IP literal before connecting, a name in the socket's DNS lookup.
const dispatchers = new Map<boolean, Agent>()
/** An undici dispatcher that refuses the addresses the policy refuses (see target-policy.ts). */
export function dispatcherFor(policy: TargetPolicy) {
  let agent = dispatchers.get(policy.allowLoopback)
  if (!agent) {
    const connect = buildConnector({ lookup: guardedLookup(policy) })
    agent = new Agent({
      connect: (options, callback) => {
        const refused = refuseLiteral(options.hostname, policy)
        if (refused) callback(refused, null)
        else connect(options, callback)
      },
    })
    dispatchers.set(policy.allowLoopback, agent)
  }
  return agent
}

function targetOf(check: HttpCheck) {
  try {
    const url = new URL(check.url)
    return {
      host: url.hostname,
      port: url.port ? Number(url.port) : null,
      timeoutMs: check.timeoutMs,
    }
  } catch {
    return { host: check.url, port: null, timeoutMs: check.timeoutMs }
  }
}

// Reads the body up to the cap, stopping early once the keyword is seen.
async function readCapped(response: Response, keyword: string) {
  if (!response.body) return { text: '', truncated: false }
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let text = ''
  let bytes = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return { text: text + decoder.decode(), truncated: false }
    const room = BODY_CAP_BYTES - bytes
    bytes += value.byteLength
    text += decoder.decode(value.subarray(0, room), { stream: true })
    if (text.includes(keyword) || bytes >= BODY_CAP_BYTES) {
      await reader.cancel().catch(() => {})
      return { text, truncated: bytes >= BODY_CAP_BYTES }
    }
  }
}

// An unread body keeps its connection busy until it is consumed or cancelled.
async function discard(response: Response) {
  await response.body?.cancel().catch(() => {})
}
