import { isDay } from '../../lib/range.ts'
import type { IncidentDetail, NewAction, ReviewBody } from './queries.ts'

// The review's and the follow-up actions' forms: their values, what is missing before asking the
// API, and the bodies PUT /:ref/review and POST /:ref/actions take.

export interface ReviewForm {
  rootCause: string
  contributingFactors: string
  wentWell: string
  lessons: string
  completed: boolean
}

export const REVIEW_PARTS = [
  ['rootCause', 'Root cause'],
  ['contributingFactors', 'Contributing factors'],
  ['wentWell', 'What went well'],
  ['lessons', 'Lessons'],
] as const

/** The form filled with the review so far (empty for a first one). */
export function reviewFormOf(review: IncidentDetail['review']): ReviewForm {
  return {
    rootCause: review?.rootCause ?? '',
    contributingFactors: review?.contributingFactors ?? '',
    wentWell: review?.wentWell ?? '',
    lessons: review?.lessons ?? '',
    completed: Boolean(review?.completedAt),
  }
}

export function reviewProblems(form: ReviewForm): { rootCause?: string } {
  return form.completed && !form.rootCause.trim()
    ? { rootCause: 'A completed review names its root cause' }
    : {}
}

export const toReviewBody = (form: ReviewForm): ReviewBody => ({
  rootCause: form.rootCause.trim(),
  contributingFactors: form.contributingFactors.trim(),
  wentWell: form.wentWell.trim(),
  lessons: form.lessons.trim(),
  completed: form.completed,
})

export interface ActionForm {
  title: string
  /** A person's id as text; '' for nobody yet. */
  owner: string
  /** A calendar day (`2026-12-04`), as a date input holds it; '' for no date. */
  dueOn: string
}

export const emptyActionForm = (): ActionForm => ({ title: '', owner: '', dueOn: '' })

export function actionProblems(form: ActionForm): { title?: string; dueOn?: string } {
  const problems: { title?: string; dueOn?: string } = {}
  if (!form.title.trim()) problems.title = 'Enter what is to be done'
  if (form.dueOn && !isDay(form.dueOn)) problems.dueOn = 'Enter a date, or leave it empty'
  return problems
}

export const toNewAction = (form: ActionForm): NewAction => ({
  title: form.title.trim(),
  ownerPersonId: form.owner ? Number(form.owner) : null,
  dueOn: form.dueOn || null,
})

/** A person to choose; `team` (its name) when known: the incident's commander has none. */
export interface Person {
  id: number
  name: string
  team?: string | undefined
}

/**
 * Everyone named on the incident and in the lists given, once each (a later list's entry, with
 * its team, wins), by name: the commander and owner choices.
 */
export function peopleOf(...lists: readonly (readonly (Person | null)[])[]): Person[] {
  const people = new Map<number, Person>()
  for (const list of lists) for (const p of list) if (p) people.set(p.id, p)
  return [...people.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || (a.team ?? '').localeCompare(b.team ?? ''),
  )
}

/**
 * The people as select options, by id: a name shared with someone else in the list is followed
 * by the team, "Sam Lee (Payments)", so the two can be told apart.
 */
export function personChoices(people: readonly Person[]): (readonly [string, string])[] {
  const seen = new Map<string, number>()
  for (const p of people) seen.set(p.name, (seen.get(p.name) ?? 0) + 1)
  return people.map((p) => {
    const shared = (seen.get(p.name) ?? 0) > 1 && p.team
    return [String(p.id), shared ? `${p.name} (${p.team})` : p.name] as const
  })
}
