import type { CHECK_KINDS, CHECK_METHODS, CHECK_MODES } from '@opsdeck/contract'

/** A service's whole check configuration, as stored and as ServiceConfig.check shows it. */
export interface CheckSettings {
  mode: (typeof CHECK_MODES)[number]
  kind: (typeof CHECK_KINDS)[number]
  enabled: boolean
  url: string | null
  method: (typeof CHECK_METHODS)[number]
  expectedStatuses: number[]
  keyword: string | null
  host: string | null
  port: number | null
  intervalSeconds: number
  timeoutMs: number
  degradedLatencyMs: number
}

/** A new service's check when the request leaves a field out (the columns' defaults). */
export const DEFAULT_CHECK: CheckSettings = {
  mode: 'push',
  kind: 'http',
  enabled: true,
  url: null,
  method: 'GET',
  expectedStatuses: [200],
  keyword: null,
  host: null,
  port: null,
  intervalSeconds: 60,
  timeoutMs: 10_000,
  degradedLatencyMs: 2_000,
}

export interface CheckProblem {
  /** The field within the check, e.g. 'timeoutMs'. */
  field: keyof CheckSettings
  message: string
}

/**
 * What is wrong with a check as a whole (each field on its own being valid). `given` holds the
 * fields the request sent: a rule between two fields names the one the request changed, so that
 * "interval 5 s" is reported on the interval rather than on a timeout nobody touched.
 */
export function checkProblems(
  check: CheckSettings,
  given: ReadonlySet<string> = new Set(),
): CheckProblem[] {
  const problems: CheckProblem[] = []
  if (check.mode === 'probe' && check.kind === 'http' && !check.url) {
    problems.push({ field: 'url', message: 'is required for an HTTP probe' })
  }
  if (check.mode === 'probe' && check.kind === 'tcp') {
    if (!check.host) problems.push({ field: 'host', message: 'is required for a TCP probe' })
    if (check.port === null)
      problems.push({ field: 'port', message: 'is required for a TCP probe' })
  }
  const intervalMs = check.intervalSeconds * 1000
  if (check.timeoutMs >= intervalMs) {
    problems.push(
      blame(given, 'timeoutMs', 'intervalSeconds', {
        left: `must be less than the interval (${check.intervalSeconds} s = ${intervalMs} ms)`,
        right: `must be longer than the timeout (${check.timeoutMs} ms)`,
      }),
    )
  }
  if (check.degradedLatencyMs >= check.timeoutMs) {
    problems.push(
      blame(given, 'degradedLatencyMs', 'timeoutMs', {
        left: `must be less than the timeout (${check.timeoutMs} ms)`,
        right: `must be more than the degraded-latency threshold (${check.degradedLatencyMs} ms)`,
      }),
    )
  }
  return problems
}

// `left < right` failed: name `left` unless only `right` was sent.
function blame(
  given: ReadonlySet<string>,
  left: keyof CheckSettings,
  right: keyof CheckSettings,
  messages: { left: string; right: string },
): CheckProblem {
  return given.has(right) && !given.has(left)
    ? { field: right, message: messages.right }
    : { field: left, message: messages.left }
}
