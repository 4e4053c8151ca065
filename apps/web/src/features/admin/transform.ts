import type { ErrorKind } from '../../lib/api.ts'
import { formatDate, formatInstant } from '../../lib/format.ts'
import { isDay } from '../../lib/range.ts'
import type { AuditEntry } from './queries.ts'

// Pure shaping for the admin pages: audit filters in the URL, readable change lists, actor labels.

export interface AuditFilters {
  entity?: string
  action?: string
  /** A user's id, as text (it lives in the URL). */
  actor?: string
  /** Calendar days, both inclusive, in the reader's time zone. */
  from?: string
  to?: string
}

const FILTER_KEYS = ['entity', 'action', 'actor', 'from', 'to'] as const

/** The filters written in the URL; anything malformed is ignored rather than sent. */
export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {}
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim()
    if (!value) continue
    if ((key === 'from' || key === 'to') && !isDay(value)) continue
    if (key === 'actor' && !/^\d+$/.test(value)) continue
    filters[key] = value
  }
  return filters
}

/** Search params for the filters, in a stable order, leaving out the empty ones. */
export function auditSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim()
    if (value) params.set(key, value)
  }
  return params
}

export const hasFilters = (filters: AuditFilters) => auditSearchParams(filters).size > 0

/**
 * The API's query for one page. Days become instants at the reader's local midnight; the API's
 * `to` is exclusive, so it is the midnight after the last day: "to 30 Nov" includes all of 30 Nov.
 */
export function toAuditQuery(filters: AuditFilters, before: number | undefined) {
  const query: Record<string, string> = {}
  if (filters.entity) query.entity = filters.entity
  if (filters.action) query.action = filters.action
  if (filters.actor) query.actorUserId = filters.actor
  if (filters.from) query.from = localMidnight(filters.from).toISOString()
  if (filters.to) {
    const end = localMidnight(filters.to)
    end.setDate(end.getDate() + 1)
    query.to = end.toISOString()
  }
  if (before !== undefined) query.before = String(before)
  return query
}

function localMidnight(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  // Not new Date(y, …): it reads years 0–99 as 1900–1999, so "0050" would quietly become 1950
  // instead of reaching the API, which refuses it with a clear message.
  const date = new Date(2000, 0, 1)
  date.setFullYear(y, m - 1, d)
  return date
}

export function actorLabel(actor: AuditEntry['actor'] | null | undefined): string {
  if (!actor) return 'Unknown'
  if (actor.type === 'user') return actor.email ?? `user #${actor.id}`
  if (actor.type === 'token') return `API token “${actor.name ?? `#${actor.id}`}”`
  return 'opsdeck (system)'
}

interface ChangeLine {
  field: string
  text: string
}

const SECRET = /password|secret|token|hash/i

/**
 * An entry's changed fields as lines a person reads: `role: viewer → manager`. The API writes
 * `{ field: { from, to } }` (`from: null` for a value set on creation) and, for sign-ins and
 * unlocks, `{ field: value }`.
 */
export function describeChanges(changes: Record<string, unknown>): ChangeLine[] {
  return Object.entries(changes).map(([field, value]) => {
    if (!isChange(value)) return { field, text: SECRET.test(field) ? 'set' : show(field, value) }
    const { from, to } = value
    // Nothing before means the value was set (a new row): show just the value.
    const unset = from === null || from === undefined
    if (SECRET.test(field)) return { field, text: unset ? 'set' : 'changed' }
    return { field, text: unset ? show(field, to) : `${show(field, from)} → ${show(field, to)}` }
  })
}

const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  isRecord(value) && Object.keys(value).length === 2 && 'from' in value && 'to' in value

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

function show(field: string, value: unknown): string {
  if (SECRET.test(field)) return '••••'
  if (value === null || value === undefined || value === '') return 'none'
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? formatInstant(value) : value
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value))
    return value.length ? value.map((v) => show(field, v)).join(', ') : 'none'
  return JSON.stringify(value)
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export interface TokenStanding {
  /** on: acts with all its scopes; narrowed: some; off: none. */
  tone: 'on' | 'narrowed' | 'off'
  label: string
}

interface TokenForStanding {
  scopes: readonly string[]
  effectiveScopes: readonly string[]
  revokedAt: string | null
  createdBy: { role: string; disabled: boolean } | null
}

/**
 * What a token may do now, in words: a token acts with at most its creator's current role, so
 * demoting the creator narrows it or stops it; revoked and disabled-creator tokens stop too.
 */
export function tokenStanding(token: TokenForStanding): TokenStanding {
  if (token.revokedAt) return { tone: 'off', label: `Revoked ${formatDate(token.revokedAt)}` }
  const creator = token.createdBy
  if (creator?.disabled) return { tone: 'off', label: 'Stopped: creator is disabled' }
  if (token.effectiveScopes.length === 0) {
    return { tone: 'off', label: `Stopped: creator is now a ${creator?.role ?? 'user'}` }
  }
  if (token.effectiveScopes.length < token.scopes.length) {
    const now = token.effectiveScopes.join(', ')
    return { tone: 'narrowed', label: `Only ${now}: creator is now a ${creator?.role ?? 'user'}` }
  }
  return { tone: 'on', label: 'Active' }
}

// Known refusals in words an admin can act on; anything else keeps the API's own message.
const ADMIN_PROBLEMS: Partial<Record<ErrorKind, string>> = {
  email_taken: 'A user with this email already exists.',
  self: 'You cannot change your own role or disable your own account.',
  last_admin: 'opsdeck needs at least one active admin: make someone else an admin first.',
}

export function adminProblem(err: { code?: ErrorKind; message: string }): string {
  return (err.code && ADMIN_PROBLEMS[err.code]) || err.message
}
