import { describe, expect, test } from 'vitest'
import { incidentDetailFixture } from '../../testing/incidents-fixture.ts'
import {
  actionProblems,
  emptyActionForm,
  peopleOf,
  personChoices,
  reviewFormOf,
  reviewProblems,
  toNewAction,
  toReviewBody,
} from './follow-up-forms.ts'

describe('the review form', () => {
  test('starts from the review so far, or empty', () => {
    const form = reviewFormOf(incidentDetailFixture().review)
    expect(form).toEqual({
      rootCause: 'A config change removed the database host.',
      contributingFactors: '',
      wentWell: 'Rollback was quick.',
      lessons: '',
      completed: false,
    })
    expect(reviewFormOf(null)).toMatchObject({ rootCause: '', completed: false })
  })

  test('a completed review names its root cause; the body is trimmed', () => {
    const empty = { ...reviewFormOf(null), completed: true }
    expect(reviewProblems(empty)).toEqual({ rootCause: 'A completed review names its root cause' })
    expect(reviewProblems({ ...empty, rootCause: ' DNS ' })).toEqual({})
    expect(reviewProblems({ ...empty, completed: false })).toEqual({})
    expect(toReviewBody({ ...empty, rootCause: ' DNS ', lessons: 'x\n' })).toEqual({
      rootCause: 'DNS',
      contributingFactors: '',
      wentWell: '',
      lessons: 'x',
      completed: true,
    })
  })
})

describe('the follow-up action form', () => {
  test('needs a title; a due date, when given, is a day', () => {
    expect(actionProblems(emptyActionForm())).toEqual({ title: 'Enter what is to be done' })
    expect(actionProblems({ title: 'x', owner: '', dueOn: '2026-02-30' })).toEqual({
      dueOn: 'Enter a date, or leave it empty',
    })
  })

  test('sends nobody and no date as null', () => {
    expect(toNewAction({ title: ' Add alert ', owner: '', dueOn: '' })).toEqual({
      title: 'Add alert',
      ownerPersonId: null,
      dueOn: null,
    })
    expect(toNewAction({ title: 'x', owner: '7', dueOn: '2026-12-04' })).toEqual({
      title: 'x',
      ownerPersonId: 7,
      dueOn: '2026-12-04',
    })
  })

  test('owner choices: everyone named, once each, by name', () => {
    const grace = { id: 7, name: 'Grace Hopper' }
    const ada = { id: 3, name: 'Ada Lovelace' }
    expect(peopleOf([grace, null], [ada, grace])).toEqual([ada, grace])
  })

  test('a name two people share is followed by each one’s team', () => {
    const people = peopleOf(
      [{ id: 9, name: 'Sam Lee' }],
      [
        { id: 4, name: 'Sam Lee', team: 'Platform' },
        { id: 2, name: 'Sam Lee', team: 'Payments' },
        { id: 3, name: 'Ada Lovelace', team: 'Platform' },
      ],
    )
    // The commander no longer listed has no team: the others' teams tell them from her.
    expect(personChoices(people)).toEqual([
      ['3', 'Ada Lovelace'],
      ['9', 'Sam Lee'],
      ['2', 'Sam Lee (Payments)'],
      ['4', 'Sam Lee (Platform)'],
    ])
  })
})
