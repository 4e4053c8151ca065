import { describe, expect, test } from 'vitest'
import { reportFixture } from '../../testing/report-fixture.ts'
import { draftOf, draftProblem, freezeBody, isEdited, withDraft } from './summary-draft.ts'

const report = reportFixture()
const query = { period: 'month', day: '2026-11-01' } as const

describe('the summary draft', () => {
  test('unedited, the freeze leaves the summary to the server, written from the data as frozen', () => {
    const draft = draftOf(report)
    expect(isEdited(report, draft)).toBe(false)
    expect(freezeBody(query, report, draft)).toEqual(query)
    // Blank lines added and not filled are no edit.
    expect(isEdited(report, { ...draft, risks: [...draft.risks, '  '] })).toBe(false)
  })

  test('edited, the whole summary is sent, trimmed, blank lines dropped; the title when changed', () => {
    const draft = {
      title: '  Board pack: November  ',
      text: ' Quiet month. ',
      highlights: ['', ' New SLOs met. '],
      risks: report.summary.risks,
    }
    expect(isEdited(report, draft)).toBe(true)
    expect(freezeBody(query, report, draft)).toEqual({
      ...query,
      title: 'Board pack: November',
      summary: { text: 'Quiet month.', highlights: ['New SLOs met.'], risks: report.summary.risks },
    })
    // A title edit alone sends no summary.
    expect(freezeBody(query, report, { ...draftOf(report), title: 'Pack' })).toEqual({
      ...query,
      title: 'Pack',
    })
  })

  test('the preview shows the draft; an empty title falls back; an empty summary is refused', () => {
    const draft = { ...draftOf(report), title: ' ', highlights: ['A', ''] }
    const shown = withDraft(report, draft)
    expect(shown.title).toBe(report.title)
    expect(shown.summary.highlights).toEqual(['A'])
    expect(draftProblem(draft)).toBeUndefined()
    expect(draftProblem({ ...draft, text: '  ' })).toMatch(/Write a summary/)
  })
})
