import type { CheckKind, SampleStatus } from '@opsdeck/db'
import { checkHttp } from './check-http.ts'
import { checkTcp } from './check-tcp.ts'
import { DEFAULT_POLICY, type TargetPolicy } from './target-policy.ts'

/** One service's check, as claimed from the schedule. */
export interface CheckConfig {
  kind: CheckKind
  url: string | null
  method: string
  expectedStatuses: number[]
  keyword: string | null
  host: string | null
  port: number | null
  timeoutMs: number
  degradedLatencyMs: number
}

/** What one check found, in the shape a sample is stored in. */
export interface CheckResult {
  status: SampleStatus
  latencyMs: number | null
  statusCode: number | null
  error: string | null
}

/**
 * Runs one HTTP(S) or TCP check. Never rejects: every failure is a 'down' result with its reason,
 * a target the policy refuses (link-local, loopback unless allowed) included.
 */
export async function runCheck(
  config: CheckConfig,
  policy: TargetPolicy = DEFAULT_POLICY,
): Promise<CheckResult> {
  if (config.kind === 'tcp') {
    if (config.host === null || config.port === null) return down('no host and port configured')
    return checkTcp({ ...config, host: config.host, port: config.port }, policy)
  }
  if (config.url === null) return down('no URL configured')
  return checkHttp({ ...config, url: config.url }, policy)
}

export function down(
  error: string,
  latencyMs: number | null = null,
  statusCode: number | null = null,
) {
  return { status: 'down', latencyMs, statusCode, error } satisfies CheckResult
}

/** Up, or degraded when it answered but slower than the service's threshold. */
export function answered(latencyMs: number, degradedLatencyMs: number, statusCode: number | null) {
  const status: SampleStatus = latencyMs > degradedLatencyMs ? 'degraded' : 'up'
  return { status, latencyMs, statusCode, error: null } satisfies CheckResult
}

// Milliseconds since `started` (a performance.now() reading), whole, as stored.
export function elapsedSince(started: number): number {
  return Math.round(performance.now() - started)
}
