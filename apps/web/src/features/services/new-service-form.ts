import { SERVICE_TIERS, SLO_TARGET_DECIMALS, SLO_WINDOW_DAYS } from '@opsdeck/contract'
import { type CheckField, type CheckForm, checkFieldOf, toCheckInput } from './check-form.ts'
import type { NewService } from './queries.ts'

// The "Add service" form: text values for the inputs, the body POST /services takes, and where
// the API's field paths land. The SLO target is typed as a percentage and sent as a fraction.

export interface NewServiceForm {
  slug: string
  name: string
  description: string
  tier: string
  /** A team's slug; '' for none. */
  ownerTeam: string
  /** A percentage: "99.9". */
  sloTarget: string
  sloWindowDays: string
  /** Separated by commas or spaces. */
  tags: string
  runbookUrl: string
  dashboardUrl: string
  check: CheckForm
}
type ServiceField = Exclude<keyof NewServiceForm, 'check'>
export type NewServiceField = ServiceField | `check.${CheckField}`

const SERVICE_FIELDS = [
  'slug',
  'name',
  'description',
  'tier',
  'ownerTeam',
  'sloTarget',
  'sloWindowDays',
  'tags',
  'runbookUrl',
  'dashboardUrl',
] as const satisfies readonly ServiceField[]

/** A new push-checked service, as the API's defaults have it, at 99.9% over 30 days. */
export const emptyNewService = (): NewServiceForm => ({
  slug: '',
  name: '',
  description: '',
  tier: String(SERVICE_TIERS[1]),
  ownerTeam: '',
  sloTarget: '99.9',
  sloWindowDays: '30',
  tags: '',
  runbookUrl: '',
  dashboardUrl: '',
  check: {
    mode: 'push',
    kind: 'http',
    enabled: true,
    url: '',
    method: 'GET',
    expectedStatuses: '200',
    keyword: '',
    host: '',
    port: '',
    intervalSeconds: '60',
    timeoutMs: '10000',
    degradedLatencyMs: '2000',
  },
})

export const SLO_WINDOW_CHOICES = SLO_WINDOW_DAYS.map((d) => [String(d), `${d} days`] as const)

// The API keeps five decimals of the fraction: three of the percentage (99.995%).
const PERCENT_DECIMALS = SLO_TARGET_DECIMALS - 2
const PERCENT = new RegExp(`^\\d{1,2}(\\.\\d{1,${PERCENT_DECIMALS}})?$`)

/** "99.9" → 0.999, exactly (no 0.9990000000000001); null when not a percentage in (0, 100). */
export function sloFraction(percent: string): number | null {
  const s = percent.trim().replace(/%$/, '').trim()
  if (!PERCENT.test(s) || Number(s) <= 0) return null
  return Number((Number(s) / 100).toFixed(SLO_TARGET_DECIMALS))
}

/** Problems found before asking the API: only what the API would word in its own terms. */
export function localProblems(form: NewServiceForm): Partial<Record<NewServiceField, string>> {
  if (sloFraction(form.sloTarget) !== null) return {}
  return {
    sloTarget: `Enter a percentage above 0 and below 100, with at most ${PERCENT_DECIMALS} decimals (e.g. 99.9)`,
  }
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim())
const toNumber = (s: string) => (s.trim() === '' ? NaN : Number(s))

/** The body for POST /services; empty optional fields are sent as null or left out. */
export function toNewService(form: NewServiceForm): NewService {
  const body: NewService = {
    slug: form.slug.trim(),
    name: form.name.trim(),
    tier: toNumber(form.tier),
    sloTarget: sloFraction(form.sloTarget) ?? NaN,
    sloWindowDays: toNumber(form.sloWindowDays) as NonNullable<NewService['sloWindowDays']>,
    ownerTeam: orNull(form.ownerTeam),
    tags: form.tags.split(/[\s,]+/).filter(Boolean),
    runbookUrl: orNull(form.runbookUrl),
    dashboardUrl: orNull(form.dashboardUrl),
    check: toCheckInput(form.check),
  }
  if (form.description.trim()) body.description = form.description.trim()
  return body
}

/** The input for an API path under `json` (`tags.2` is the tags input, `check.url` the URL). */
export function newServiceFieldOf(path: string): NewServiceField | null {
  if (path.startsWith('check.')) {
    const field = checkFieldOf(path.slice('check.'.length))
    return field ? `check.${field}` : null
  }
  const key = path.split('.')[0] ?? ''
  return (SERVICE_FIELDS as readonly string[]).includes(key) ? (key as ServiceField) : null
}

/** The check's problems alone, keyed as the check's inputs are. */
export function checkProblemsOf(problems: Partial<Record<NewServiceField, string>>) {
  const check: Partial<Record<CheckField, string>> = {}
  for (const [key, message] of Object.entries(problems)) {
    if (key.startsWith('check.')) check[key.slice('check.'.length) as CheckField] = message
  }
  return check
}
