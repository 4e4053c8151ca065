import type { ServiceDetail, ServicePatch } from './queries.ts'

// The check configuration's edit form: text values for the inputs, and the patch of what changed.

type Check = ServiceDetail['check']
type CheckPatch = NonNullable<ServicePatch['check']>

export interface CheckForm {
  mode: Check['mode']
  kind: Check['kind']
  enabled: boolean
  url: string
  method: string
  /** Comma- or space-separated status codes: "200, 204". */
  expectedStatuses: string
  keyword: string
  host: string
  port: string
  intervalSeconds: string
  timeoutMs: string
  degradedLatencyMs: string
}
export type CheckField = keyof CheckForm

const FIELDS = [
  'mode',
  'kind',
  'enabled',
  'url',
  'method',
  'expectedStatuses',
  'keyword',
  'host',
  'port',
  'intervalSeconds',
  'timeoutMs',
  'degradedLatencyMs',
] as const satisfies readonly CheckField[]

/** The input for an API path under `json.check` (`expectedStatuses.1` is the statuses input). */
export function checkFieldOf(path: string): CheckField | null {
  const key = path.split('.')[0] ?? ''
  return (FIELDS as readonly string[]).includes(key) ? (key as CheckField) : null
}

export function checkFormOf(check: Check): CheckForm {
  return {
    mode: check.mode,
    kind: check.kind,
    enabled: check.enabled,
    url: check.url ?? '',
    method: check.method,
    expectedStatuses: check.expectedStatuses.join(', '),
    keyword: check.keyword ?? '',
    host: check.host ?? '',
    port: check.port === null ? '' : String(check.port),
    intervalSeconds: String(check.intervalSeconds),
    timeoutMs: String(check.timeoutMs),
    degradedLatencyMs: String(check.degradedLatencyMs),
  }
}

// An empty or malformed number is sent as NaN (null in JSON), for the API to name the field.
const toNumber = (s: string) => (s.trim() === '' ? NaN : Number(s))
const orNull = (s: string) => (s.trim() === '' ? null : s.trim())
const statusesOf = (s: string) =>
  s
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number)

/** The whole check as the API takes it (a new service's). */
export function toCheckInput(form: CheckForm): Required<CheckPatch> {
  return {
    mode: form.mode,
    kind: form.kind,
    enabled: form.enabled,
    url: orNull(form.url),
    method: form.method as CheckPatch['method'] & string,
    expectedStatuses: statusesOf(form.expectedStatuses),
    keyword: orNull(form.keyword),
    host: orNull(form.host),
    port: form.port.trim() === '' ? null : toNumber(form.port),
    intervalSeconds: toNumber(form.intervalSeconds),
    timeoutMs: toNumber(form.timeoutMs),
    degradedLatencyMs: toNumber(form.degradedLatencyMs),
  }
}

/** Only the fields that differ from the saved check, so the API judges what was changed. */
export function toCheckPatch(form: CheckForm, saved: Check): CheckPatch {
  const full = toCheckInput(form)
  const patch: CheckPatch = {}
  for (const key of FIELDS) {
    if (JSON.stringify(full[key]) !== JSON.stringify(saved[key]))
      Object.assign(patch, { [key]: full[key] })
  }
  return patch
}
