import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useNavigate } from 'react-router'
import { EmptyState, Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { useSearchView } from '../../lib/use-search-view.ts'
import { ReportsNav } from './archive-nav.tsx'
import { PeriodPicker } from './components/period-picker.tsx'
import { ReportView } from './components/report-view.tsx'
import { SummaryEditor } from './components/summary-editor.tsx'
import {
  localToday,
  parsePeriodView,
  type PeriodQuery,
  periodProblem,
  periodQuery,
  withPeriodView,
} from './period.ts'
import { type Report, reportQueries } from './queries.ts'
import { useFreezeReport } from './report-writes.ts'
import {
  draftOf,
  draftProblem,
  freezeBody,
  isEdited,
  type SummaryDraft,
  withDraft,
} from './summary-draft.ts'

/**
 * The stakeholder report for a period, as the data stands now: the period lives in the URL, so a
 * view is a link. Managers edit the written summary and freeze it into a snapshot.
 */
export function ReportsPage({ canManage }: { canManage: boolean }) {
  const { view, setView } = useSearchView(parsePeriodView, withPeriodView)
  const today = localToday()
  const query = useMemo(() => periodQuery(view, today), [view, today])
  const preview = useQuery(reportQueries.preview(query))
  const report = preview.data
  const problem = periodProblem(preview.error)
  return (
    <div className="page">
      <title>Reports · opsdeck</title>
      <header className="page-head">
        <div>
          <h1>Reports</h1>
          <p className="muted">
            The stakeholder report for a period: every area&apos;s figures against the period
            before, with a summary written from the data.
          </p>
        </div>
      </header>
      <ReportsNav />
      <PeriodPicker query={query} today={today} problem={problem} onChange={setView} />
      {problem ? null : <QueryErrorState title="Could not prepare the report" query={preview} />}
      {preview.isPending ? <Loading label="Preparing the report…" lines={10} tall /> : null}
      {report && !preview.error ? (
        report.sections.length === 0 ? (
          <EmptyState title="Nothing to report for this period">
            <p>No area has figures for {report.period.label}. Pick another period above.</p>
          </EmptyState>
        ) : canManage ? (
          // A new period starts a new draft.
          <Draft key={periodKey(report)} report={report} query={query} />
        ) : (
          <ReportView report={report} level={2} />
        )
      ) : null}
    </div>
  )
}

const periodKey = ({ period }: Report) => `${period.kind}:${period.firstDay}:${period.lastDay}`

function Draft({ report, query }: { report: Report; query: PeriodQuery }) {
  // Null until the manager types: the preview and the editor then follow the report as fetched
  // again. Once edited, the edit is measured against the text it started from.
  const [edit, setEdit] = useState<{ base: Report; draft: SummaryDraft } | null>(null)
  const draft = edit?.draft ?? draftOf(report)
  const freeze = useFreezeReport()
  const navigate = useNavigate()
  return (
    <>
      <SummaryEditor
        draft={draft}
        onChange={(next) => setEdit({ base: edit?.base ?? report, draft: next })}
        edited={edit !== null && isEdited(edit.base, edit.draft)}
        onUndo={() => setEdit(null)}
        problem={draftProblem(draft)}
        freezing={freeze.isPending}
        error={freeze.error?.message}
        onFreeze={() =>
          freeze.mutate(edit ? freezeBody(query, edit.base, edit.draft) : query, {
            onSuccess: (snapshot) => void navigate(`/reports/snapshots/${snapshot.id}`),
          })
        }
      />
      <ReportView report={withDraft(report, draft)} level={2} />
    </>
  )
}
