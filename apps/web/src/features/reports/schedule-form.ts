import { ApiError } from '../../lib/api.ts'
import type { NewSchedule, Schedule, SchedulePatch } from './schedule-queries.ts'

// A schedule as its form holds it (addresses as typed, days as text), checked before sending,
// and turned into the API's body: the whole for a new one, what changed for an edit.

export const PERIOD_KINDS = [
  ['month', 'Monthly'],
  ['quarter', 'Quarterly'],
  ['week', 'Weekly'],
] as const

export interface ScheduleForm {
  name: string
  periodKind: Schedule['periodKind']
  runAtLocal: string
  /** One or more addresses, by line, comma or space. */
  emailTo: string
  webhookUrl: string
  shareDays: string
  enabled: boolean
}
export type ScheduleField = keyof ScheduleForm
export type ScheduleProblems = Partial<Record<ScheduleField, string>>

const FIELDS = new Set<string>([
  'name',
  'periodKind',
  'runAtLocal',
  'emailTo',
  'webhookUrl',
  'shareDays',
  'enabled',
])

export const blankSchedule = (): ScheduleForm => ({
  name: 'Monthly pack',
  periodKind: 'month',
  runAtLocal: '08:00',
  emailTo: '',
  webhookUrl: '',
  shareDays: '30',
  enabled: true,
})

export const formOf = (s: Schedule): ScheduleForm => ({
  name: s.name,
  periodKind: s.periodKind,
  runAtLocal: s.runAtLocal,
  emailTo: s.emailTo.join('\n'),
  webhookUrl: s.webhookUrl ?? '',
  shareDays: String(s.shareDays),
  enabled: s.enabled,
})

export const emailsOf = (text: string) => text.split(/[\s,;]+/).filter(Boolean)

/** What the form says is wrong before asking the API; the API has the last word. */
export function scheduleProblems(form: ScheduleForm): ScheduleProblems {
  const p: ScheduleProblems = {}
  if (!form.name.trim()) p.name = 'Enter a name'
  else if (form.name.trim().length > 120) p.name = 'At most 120 characters'
  if (!/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(form.runAtLocal)) p.runAtLocal = 'A time, HH:MM'
  const emails = emailsOf(form.emailTo)
  const bad = emails.find((e) => !/^[^\s@]+@[^\s@]+$/.test(e))
  if (bad) p.emailTo = `“${bad}” is not an email address`
  else if (emails.length > 20) p.emailTo = 'At most 20 addresses'
  const url = form.webhookUrl.trim()
  if (url && !/^https?:\/\/\S+$/i.test(url)) p.webhookUrl = 'An http:// or https:// address'
  if (!emails.length && !url && !p.webhookUrl) {
    p.emailTo = 'Send it somewhere: an email address or a webhook URL'
  }
  const days = Number(form.shareDays)
  if (!Number.isInteger(days) || days < 1 || days > 365) p.shareDays = 'Whole days, 1 to 365'
  return p
}

export function bodyOf(form: ScheduleForm): NewSchedule {
  const url = form.webhookUrl.trim()
  return {
    name: form.name.trim(),
    periodKind: form.periodKind,
    runAtLocal: form.runAtLocal,
    emailTo: emailsOf(form.emailTo),
    webhookUrl: url || null,
    shareDays: Number(form.shareDays),
    enabled: form.enabled,
  }
}

/** Only what changed: a new kind or time moves the next run, so nothing else is sent as "new". */
export function patchOf(form: ScheduleForm, saved: Schedule): SchedulePatch {
  const body = bodyOf(form)
  const patch: SchedulePatch = {}
  if (body.name !== saved.name) patch.name = body.name
  if (body.periodKind !== saved.periodKind) patch.periodKind = body.periodKind
  if (body.runAtLocal !== saved.runAtLocal) patch.runAtLocal = body.runAtLocal
  if (body.emailTo?.join('\n') !== saved.emailTo.join('\n')) patch.emailTo = body.emailTo
  if (body.webhookUrl !== saved.webhookUrl) patch.webhookUrl = body.webhookUrl
  if (body.shareDays !== saved.shareDays) patch.shareDays = body.shareDays
  if (body.enabled !== saved.enabled) patch.enabled = body.enabled
  return patch
}

/** `emailTo.2` (the third address) is the addresses' field; `name` is name. */
export function scheduleFieldOf(key: string): ScheduleField | null {
  const field = key.split('.')[0] ?? ''
  return FIELDS.has(field) ? (field as ScheduleField) : null
}

/** The API names a refused address by its place (`emailTo.1`): say which address it was. */
export function namingAddresses(error: ApiError | null, sent: readonly string[] | undefined) {
  if (!error || !sent || !Array.isArray(error.details)) return error
  const details = (error.details as { path?: unknown; message?: unknown }[]).map((d) => {
    const place =
      typeof d.path === 'string' ? /^json\.emailTo\.(\d+)$/.exec(d.path)?.[1] : undefined
    const address = place === undefined ? undefined : sent[Number(place)]
    return address && typeof d.message === 'string'
      ? { ...d, message: `“${address}” ${d.message}` }
      : d
  })
  return new ApiError(error.status, error.code, error.message, details, error.retryAfter)
}
