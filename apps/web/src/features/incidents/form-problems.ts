import type { ApiError } from '../../lib/api.ts'

/**
 * The API's `{ path, message }` details placed beside the form's fields: under prefix
 * `json.check`, `fieldOf` is asked about `url` for `json.check.url`. Several messages for one field read as sentences; the
 * rest, and a refusal without details, go in `other`.
 */
export function formProblems<F extends string>(
  error: ApiError | null,
  prefix: string,
  fieldOf: (key: string) => F | null,
): { fields: Partial<Record<F, string>>; other: string | null } {
  if (!error) return { fields: {}, other: null }
  const details = Array.isArray(error.details) ? (error.details as unknown[]) : []
  const byField = new Map<F, string[]>()
  const unplaced: string[] = []
  for (const d of details) {
    const { path, message } = (d ?? {}) as { path?: unknown; message?: unknown }
    if (typeof path !== 'string' || typeof message !== 'string') continue
    const key = path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : null
    const field = key ? fieldOf(key) : null
    if (field) byField.set(field, [...(byField.get(field) ?? []), sentence(message)])
    else unplaced.push(`${path.replace(/^json\.?/, '') || 'request'}: ${message}`)
  }
  const fields: Partial<Record<F, string>> = {}
  for (const [field, messages] of byField) fields[field] = sentences(messages)
  if (details.length === 0) return { fields, other: error.message }
  return { fields, other: unplaced.length ? `Not saved: ${unplaced.join('; ')}` : null }
}

// zod's messages start lower-case ("must be …"): shown alone under a field, capitalised.
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const sentences = (messages: string[]) =>
  messages.map((m, i) => (i < messages.length - 1 && !/[.!?]$/.test(m) ? `${m}.` : m)).join(' ')
