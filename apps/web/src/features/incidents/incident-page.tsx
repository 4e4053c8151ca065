import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Link, useLocation, useParams } from 'react-router'
import { Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { ApiError } from '../../lib/api.ts'
import { useOpener } from '../../lib/use-opener.ts'
import { ActionsSection } from './components/actions-section.tsx'
import { DowntimeTable } from './components/downtime-table.tsx'
import { IncidentForm } from './components/incident-form.tsx'
import { IncidentHeader } from './components/incident-header.tsx'
import { Milestones } from './components/milestones.tsx'
import { NoteForm } from './components/note-form.tsx'
import { ResponseTargets } from './components/response-targets.tsx'
import { ReviewSection } from './components/review-section.tsx'
import { Timeline } from './components/timeline.tsx'
import { TransitionControls } from './components/transition-controls.tsx'
import { downtimeNote, downtimeRows, milestoneRows, timelineEntries } from './detail-transform.ts'
import { peopleOf } from './follow-up-forms.ts'
import { incidentsQueries, peopleQueries } from './queries.ts'
import './incidents.css'

interface IncidentPageProps {
  /** Managers and admins move it, correct its times and add notes; viewers only read. */
  canManage: boolean
}

/** One incident: status and targets, milestones, affected services and downtime, timeline, review. */
export function IncidentPage({ canManage }: IncidentPageProps) {
  const { ref = '' } = useParams()
  const { search } = useLocation()
  const query = useQuery({ ...incidentsQueries.detail(ref), placeholderData: keepPreviousData })
  const { data, error, isFetching, isPlaceholderData } = query
  // People and services to choose from: only managers write, so only they fetch them.
  const directory = useQuery({ ...peopleQueries.list(), enabled: canManage })
  const services = useQuery({ ...incidentsQueries.services(), enabled: canManage })
  // Saving or cancelling closes the form and puts focus back on the button that opened it.
  const { open: editing, show, close, opener } = useOpener()
  const updating = isFetching && isPlaceholderData
  const shaped = useMemo(
    () =>
      data && {
        milestones: milestoneRows(data.incident, data.timeline),
        timeline: timelineEntries(data.timeline),
        downtime: downtimeRows(data),
        // The commander stays a choice (and selected when editing) even if no longer listed.
        people: peopleOf([data.incident.commander], directory.data ?? []),
      },
    [data, directory.data],
  )
  const back = (
    <Link to={{ pathname: '/incidents', search }} className="incidents-back">
      ← All incidents
    </Link>
  )

  if (error instanceof ApiError && error.status === 404) {
    return (
      <div className="page narrow">
        <title>Incident not found · opsdeck</title>
        {back}
        <h1>Incident not found</h1>
        <p>There is no incident “{ref}”. The link may be mistyped.</p>
      </div>
    )
  }
  return (
    <div className="page">
      <title>{`${data ? `${ref} ${data.incident.title}` : ref} · Incidents · opsdeck`}</title>
      {back}
      {data ? (
        <IncidentHeader
          detail={data}
          updating={updating}
          actions={
            canManage && !editing ? (
              <button ref={opener} type="button" className="button" onClick={show}>
                Edit incident
              </button>
            ) : null
          }
        />
      ) : (
        <header className="page-head">
          <h1>{ref}</h1>
        </header>
      )}
      {data && shaped && editing ? (
        <IncidentForm
          incident={data.incident}
          services={services.data ?? []}
          commanders={shaped.people}
          onDone={close}
        />
      ) : null}
      <QueryErrorState title="Could not load this incident" query={query} />
      {query.isPending ? <Loading label="Loading the incident…" lines={10} tall /> : null}
      {data && shaped ? (
        <div className="incident-body incidents-fade" data-updating={updating || undefined}>
          {canManage ? (
            <TransitionControls
              refId={data.incident.ref}
              state={{
                status: data.incident.status,
                severity: data.incident.severity,
                reviewCompleted: Boolean(data.review?.completedAt),
              }}
            />
          ) : null}
          <section aria-labelledby="inc-targets">
            <h2 id="inc-targets">Response targets</h2>
            <ResponseTargets targets={data.incident.responseTargets} />
          </section>
          {data.incident.summary || data.incident.customerImpact ? (
            <section aria-labelledby="inc-summary">
              <h2 id="inc-summary">Summary</h2>
              {data.incident.summary ? <p className="prose">{data.incident.summary}</p> : null}
              {data.incident.customerImpact ? (
                <p className="prose">
                  <strong>Customer impact:</strong> {data.incident.customerImpact}
                </p>
              ) : null}
            </section>
          ) : null}
          <section aria-labelledby="inc-milestones">
            <h2 id="inc-milestones">Milestones</h2>
            <Milestones refId={data.incident.ref} rows={shaped.milestones} canManage={canManage} />
          </section>
          <section aria-labelledby="inc-services">
            <h2 id="inc-services">Affected services</h2>
            <DowntimeTable rows={shaped.downtime} search={search} />
            <p className="muted small">{downtimeNote(data.downtime)}</p>
          </section>
          <section aria-labelledby="inc-timeline">
            <h2 id="inc-timeline">Timeline</h2>
            <Timeline entries={shaped.timeline} />
            {canManage ? <NoteForm refId={data.incident.ref} /> : null}
          </section>
          <section aria-labelledby="inc-review">
            <h2 id="inc-review">Post-incident review</h2>
            <ReviewSection refId={data.incident.ref} review={data.review} canManage={canManage} />
          </section>
          <section aria-labelledby="inc-actions">
            <h2 id="inc-actions">Follow-up actions</h2>
            <ActionsSection
              refId={data.incident.ref}
              actions={data.actions}
              people={shaped.people}
              canManage={canManage}
            />
          </section>
        </div>
      ) : null}
    </div>
  )
}
