import { ApiError } from '../../lib/api.ts'
import { isDay } from '../../lib/range.ts'

// The report's period as it lives in the URL: `?period=month&day=2026-11-01`, or
// `?period=custom&from=2026-11-01&to=2026-11-30` (the API's own query, so a view is a link).
// Without a day the last whole period of the kind is meant, counted from the reader's today.

export const PERIOD_KINDS = ['week', 'month', 'quarter', 'custom'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]
export const PERIOD_LABELS: Record<PeriodKind, string> = {
  week: 'Week',
  month: 'Month',
  quarter: 'Quarter',
  custom: 'Custom',
}

/** What the URL holds; a missing day (or from/to) means the default for the kind. */
export interface PeriodView {
  kind: PeriodKind
  day?: string
  from?: string
  to?: string
}

/** The preview's query and the freeze body's period fields, defaults filled in. */
export type PeriodQuery =
  | { period: 'week' | 'month' | 'quarter'; day: string }
  | { period: 'custom'; from: string; to: string }

const KEYS = ['period', 'day', 'from', 'to'] as const
const isKind = (v: string | null): v is PeriodKind => PERIOD_KINDS.includes(v as PeriodKind)

export function parsePeriodView(params: URLSearchParams): PeriodView {
  const period = params.get('period')
  const view: PeriodView = { kind: isKind(period) ? period : 'month' }
  const fields = view.kind === 'custom' ? (['from', 'to'] as const) : (['day'] as const)
  for (const key of fields) {
    const value = params.get(key)
    if (value && isDay(value)) view[key] = value
  }
  return view
}

/** New search params holding the view; other params are kept. */
export function withPeriodView(params: URLSearchParams, view: PeriodView): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const key of KEYS) next.delete(key)
  next.set('period', view.kind)
  for (const key of ['day', 'from', 'to'] as const) {
    const value = view[key]
    if (value) next.set(key, value)
  }
  return next
}

/** The period to ask for: the view's days, or the last whole period of its kind before `today`. */
export function periodQuery(view: PeriodView, today: string): PeriodQuery {
  if (view.kind === 'custom') {
    const month = lastWholeMonth(today)
    return { period: 'custom', from: view.from ?? month.first, to: view.to ?? month.last }
  }
  return { period: view.kind, day: view.day ?? defaultDay(view.kind, today) }
}

/** A day inside the last whole week (ISO, Monday first), month or quarter before `today`. */
export function defaultDay(kind: 'week' | 'month' | 'quarter', today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  if (kind === 'week') return iso(new Date(Date.UTC(y, m - 1, d - 7)))
  if (kind === 'month') return lastWholeMonth(today).first
  const quarterStart = Math.floor((m - 1) / 3) * 3
  return iso(new Date(Date.UTC(y, quarterStart - 3, 1)))
}

function lastWholeMonth(today: string) {
  const [y, m] = today.split('-').map(Number) as [number, number]
  return {
    first: iso(new Date(Date.UTC(y, m - 2, 1))),
    last: iso(new Date(Date.UTC(y, m - 1, 0))),
  }
}

const iso = (date: Date) => date.toISOString().slice(0, 10)

/** The reader's calendar day, `2026-12-03`. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

export type PeriodField = 'day' | 'from' | 'to'
export const PERIOD_FIELD_LABELS: Record<PeriodField, string> = {
  day: 'Day in the period',
  from: 'From',
  to: 'To',
}

/** What is wrong with the period asked for, in words, and the fields it names. */
export interface PeriodProblem {
  message: string
  fields: PeriodField[]
}

/**
 * The preview's refusal of the period itself (400 for days the API does not accept, 422 for a
 * period not begun): asking again will not help, so it is said beside the picker, not retried.
 * The validation's `query.to` paths read as the picker's labels.
 */
export function periodProblem(error: unknown): PeriodProblem | null {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 422)) return null
  const details = (Array.isArray(error.details) ? (error.details as unknown[]) : []).flatMap(
    (d) => {
      const { path, message } = (d ?? {}) as { path?: unknown; message?: unknown }
      if (typeof path !== 'string' || typeof message !== 'string') return []
      const key = path.replace(/^query\./, '')
      return [{ field: isPeriodField(key) ? key : null, path: key, message }]
    },
  )
  const fields = [...new Set(details.flatMap((d) => (d.field ? [d.field] : [])))]
  // A 422 says it whole; a 400's summary names the query's paths, so its details are read instead.
  if (error.status === 422 || details.length === 0) return { message: error.message, fields }
  const message = details
    .map((d) => `${d.field ? PERIOD_FIELD_LABELS[d.field] : d.path}: ${d.message}`)
    .join('. ')
  return { message, fields }
}

const isPeriodField = (key: string): key is PeriodField => Object.hasOwn(PERIOD_FIELD_LABELS, key)
