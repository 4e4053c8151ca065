import { z } from 'zod'

// PostgreSQL cannot store a NUL character in text. A lone UTF-16 surrogate has no UTF-8 form: the
// driver silently turns it into U+FFFD, and jsonb refuses its `\ud800` escape outright.
const LONE_SURROGATE = /\p{Surrogate}/u // in `u` mode a well-formed pair is one code point
// C0 and C1 controls (line breaks and tabs too), and the bidi embeddings, overrides and isolates
// that reorder how the text after them is displayed (audit log, tables: "Trojan Source").
const CONTROL = /\p{Cc}/u
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/
// Invisible format characters (zero-width space, LRM/RLM/ALM, soft hyphen, BOM …) and the
// Unicode line and paragraph separators: a name must show what it is, on one line. The zero-width
// joiner and non-joiner stay, as Persian and Indic names and emoji sequences need them.
const INVISIBLE = /(?![\u200C\u200D])[\p{Cf}\p{Zl}\p{Zp}]/u

/** Why a string cannot be stored as text, or null when it can. */
export function textProblem(s: string): string | null {
  if (s.includes('\0')) return 'must not contain a NUL character (\\u0000)'
  if (LONE_SURROGATE.test(s)) return 'must be well-formed Unicode (it has a lone UTF-16 surrogate)'
  return null
}

/** Why a string cannot be a single-line name, or null when it can. */
export function nameProblem(s: string): string | null {
  const problem = textProblem(s)
  if (problem) return problem
  if (CONTROL.test(s)) return 'must be one line, without control characters'
  if (BIDI_CONTROL.test(s)) {
    return 'must not contain Unicode bidirectional controls (U+202A–U+202E, U+2066–U+2069)'
  }
  if (INVISIBLE.test(s)) {
    return 'must not contain invisible format characters or line separators (e.g. U+200B, U+200E, U+2028)'
  }
  return null
}

const refuse = (problemOf: (s: string) => string | null) => (s: string, ctx: z.RefinementCtx) => {
  const message = problemOf(s)
  if (message) ctx.addIssue({ code: 'custom', message })
}

/**
 * Why a string cannot be text of several lines (a report's summary), or null when it can: line
 * breaks and tabs are fine; other controls and the bidi overrides that scramble display are not.
 */
export function paragraphProblem(s: string): string | null {
  const problem = textProblem(s)
  if (problem) return problem
  if (/[^\P{Cc}\n\r\t]/u.test(s))
    return 'must not contain control characters other than line breaks'
  if (BIDI_CONTROL.test(s)) {
    return 'must not contain Unicode bidirectional controls (U+202A–U+202E, U+2066–U+2069)'
  }
  return null
}

/** Text of several lines people read: `text()` less controls and bidi overrides. */
export const paragraph = () => z.string().superRefine(refuse(paragraphProblem))

/** Any text the API stores or compares in PostgreSQL; chain `.max(…)` and the like. */
export const text = () => z.string().superRefine(refuse(textProblem))

/** A name people read (a user's, a token's): one trimmed, non-empty line of safe text. */
export const name = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .superRefine(refuse(nameProblem))
