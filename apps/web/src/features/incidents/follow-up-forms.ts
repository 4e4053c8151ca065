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

/** Everyone named on the incident and in the lists given, once each, by name: owner choices. */
export function peopleOf(...lists: readonly (readonly ({ id: number; name: string } | null)[])[]) {
  const people = new Map<number, string>()
  for (const list of lists) for (const p of list) if (p) people.set(p.id, p.name)
  return [...people]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name))
}
