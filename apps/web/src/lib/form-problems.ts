import type { ApiError } from './api.ts'

/** Problems by field, every message for a field beside it; the rest in `other`. */
export interface Problems<F extends string> {
  fields: Partial<Record<F, string>>
  other: string | null
}

/**
 * The API's `{ path, message }` details placed by `fieldOf` (given the whole path), several
 * messages for one field read as sentences; the rest go in `other` after `notSaved`, each as
 * `unplaced` writes it (the message alone unless told). A refusal without details keeps its message.
 */
export function placeProblems<F extends string>(
  error: ApiError | null,
  fieldOf: (path: string) => F | null,
  notSaved: string,
  unplaced: (path: string, message: string) => string = (_path, message) => message,
): Problems<F> {
  if (!error) return { fields: {}, other: null }
  const details = Array.isArray(error.details) ? (error.details as unknown[]) : []
  const byField = new Map<F, string[]>()
  const rest: string[] = []
  for (const d of details) {
    const { path, message } = (d ?? {}) as { path?: unknown; message?: unknown }
    if (typeof path !== 'string' || typeof message !== 'string') continue
    const field = fieldOf(path)
    if (field) byField.set(field, [...(byField.get(field) ?? []), sentence(message)])
    else rest.push(unplaced(path, message))
  }
  const fields: Partial<Record<F, string>> = {}
  for (const [field, messages] of byField) fields[field] = sentences(messages)
  if (details.length === 0) return { fields, other: error.message }
  return { fields, other: rest.length ? `${notSaved}: ${rest.join('; ')}` : null }
}

/**
 * A form's problems under one prefix: under `json.check`, `fieldOf` is asked about `url` for
 * `json.check.url`; the rest read `Not saved: name: must not be empty`.
 */
export const formProblems = <F extends string>(
  error: ApiError | null,
  prefix: string,
  fieldOf: (key: string) => F | null,
): Problems<F> =>
  placeProblems(
    error,
    (path) => {
      const key = path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : null
      return key ? fieldOf(key) : null
    },
    'Not saved',
    (path, message) => `${path.replace(/^json\.?/, '') || 'request'}: ${message}`,
  )

// zod's messages start lower-case ("must be …"): shown alone under a field, capitalised.
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
// Several under one field read as sentences: a full stop between them, none added at the end.
const sentences = (messages: string[]) =>
  messages.map((m, i) => (i < messages.length - 1 && !/[.!?]$/.test(m) ? `${m}.` : m)).join(' ')
