import type { NewMaintenance } from './queries.ts'

// The "Schedule maintenance" form: one-off (a start and an end) or weekly (a weekday, a local
// start time and a duration in a named zone, from a first day to an optional last one).

export interface MaintenanceForm {
  kind: 'once' | 'weekly'
  /** `datetime-local` values, in the reader's time zone. */
  startsAt: string
  endsAt: string
  /** ISO weekday as text: '1' Monday … '7' Sunday. */
  isoWeekday: string
  /** `HH:MM` on the zone's clock. */
  localStart: string
  durationMinutes: string
  timezone: string
  startsOn: string
  endsOn: string
  reason: string
}
export type MaintenanceField = keyof MaintenanceForm

export const WEEKDAYS = [
  ['1', 'Monday'],
  ['2', 'Tuesday'],
  ['3', 'Wednesday'],
  ['4', 'Thursday'],
  ['5', 'Friday'],
  ['6', 'Saturday'],
  ['7', 'Sunday'],
] as const

const pad = (n: number) => String(n).padStart(2, '0')
const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
const localMinute = (d: Date) => `${localDay(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`

/** A blank form: a one-off tomorrow 02:00–04:00 local, weekly Sundays 02:00 for 2 h in `zone`. */
export function blankMaintenance(now: Date, zone: string): MaintenanceForm {
  const start = new Date(now)
  start.setDate(start.getDate() + 1)
  start.setHours(2, 0, 0, 0)
  const end = new Date(start)
  end.setHours(4)
  return {
    kind: 'once',
    startsAt: localMinute(start),
    endsAt: localMinute(end),
    isoWeekday: '7',
    localStart: '02:00',
    durationMinutes: '120',
    timezone: zone,
    startsOn: localDay(now),
    endsOn: '',
    reason: '',
  }
}

// A `datetime-local` value read in the reader's zone. Left out when empty or malformed, so that
// the API names the field ("is required for a one-off window").
function instantOf(local: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return undefined
  const date = new Date(local)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

// An empty or malformed number is sent as NaN (null in JSON), for the API to name the field.
const toNumber = (s: string) => (s.trim() === '' ? NaN : Number(s))

/** The request body for the kind chosen; the API checks every rule and names the fields. */
export function toMaintenanceBody(form: MaintenanceForm): NewMaintenance {
  const reason = form.reason.trim()
  if (form.kind === 'once') {
    const body: NewMaintenance = { reason }
    const startsAt = instantOf(form.startsAt)
    const endsAt = instantOf(form.endsAt)
    if (startsAt) body.startsAt = startsAt
    if (endsAt) body.endsAt = endsAt
    return body
  }
  return {
    weekly: {
      isoWeekday: toNumber(form.isoWeekday),
      localStart: form.localStart,
      durationMinutes: toNumber(form.durationMinutes),
      timezone: form.timezone.trim(),
      startsOn: form.startsOn,
      endsOn: form.endsOn || null,
    },
    reason,
  }
}

const FIELDS = [
  'startsAt',
  'endsAt',
  'isoWeekday',
  'localStart',
  'durationMinutes',
  'timezone',
  'startsOn',
  'endsOn',
  'reason',
] as const satisfies readonly MaintenanceField[]

/** The input for an API path under `json`: `weekly.startsOn` is the "First week from" input. */
export function maintenanceFieldOf(path: string): MaintenanceField | null {
  const key = path.replace(/^weekly\./, '').split('.')[0] ?? ''
  return (FIELDS as readonly string[]).includes(key) ? (key as MaintenanceField) : null
}
