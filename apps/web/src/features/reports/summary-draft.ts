import type { PeriodQuery } from './period.ts'
import type { Report } from './queries.ts'
import type { NewSnapshot } from './report-writes.ts'

/** The manager's edit of the report's title and written summary, before freezing. */
export interface SummaryDraft {
  title: string
  text: string
  highlights: string[]
  risks: string[]
}

type Generated = Pick<Report, 'title' | 'summary'>

export const draftOf = (report: Generated): SummaryDraft => ({
  title: report.title,
  text: report.summary.text,
  highlights: [...report.summary.highlights],
  risks: [...report.summary.risks],
})

const lines = (list: readonly string[]) => list.map((l) => l.trim()).filter(Boolean)

/** The report as the draft would freeze it: the preview shows the edits as they are typed. */
export function withDraft(report: Report, draft: SummaryDraft): Report {
  return {
    ...report,
    title: draft.title.trim() || report.title,
    summary: { text: draft.text, highlights: lines(draft.highlights), risks: lines(draft.risks) },
  }
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i])

function summaryEdited({ summary }: Generated, draft: SummaryDraft): boolean {
  return (
    draft.text.trim() !== summary.text.trim() ||
    !same(lines(draft.highlights), summary.highlights) ||
    !same(lines(draft.risks), summary.risks)
  )
}

/** Whether the draft says anything other than the generated title and summary. */
export const isEdited = (report: Generated, draft: SummaryDraft) =>
  draft.title.trim() !== report.title || summaryEdited(report, draft)

/** What is wrong with the draft, if anything: the API refuses an empty summary. */
export const draftProblem = (draft: SummaryDraft) =>
  draft.text.trim() ? undefined : 'Write a summary, or undo your edits to use the generated one.'

/**
 * The freeze request. An unedited summary is left out, so the server writes it from the data as
 * frozen (which may have moved since the preview loaded); an edited one is sent whole.
 */
export function freezeBody(
  query: PeriodQuery,
  report: Generated,
  draft: SummaryDraft,
): NewSnapshot {
  const body: NewSnapshot = { ...query }
  const title = draft.title.trim()
  if (title && title !== report.title) body.title = title
  if (summaryEdited(report, draft)) {
    body.summary = {
      text: draft.text.trim(),
      highlights: lines(draft.highlights),
      risks: lines(draft.risks),
    }
  }
  return body
}
