import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { EmptyState, Loading, QueryErrorState } from '../../../components/ui/states.tsx'
import { capacityQueries } from '../queries.ts'
import { CapacitySection } from './capacity-section.tsx'
import { CoverWarnings } from './cover-warnings.tsx'
import { ForecastTable, forecastRows } from './forecast-table.tsx'
import { OverallocationList } from './overallocation-list.tsx'
import { RunChangePanel } from './run-change-panel.tsx'

// The page's sections beside the heatmap, each with its own request, loading, error and empty
// state, so one slow or failed read leaves the others readable.

export function OverallocationsPanel({
  tentative,
  search,
}: {
  tentative: boolean
  search: string
}) {
  const query = useQuery({
    ...capacityQueries.overallocations(tentative),
    placeholderData: keepPreviousData,
  })
  const { data } = query
  return (
    <CapacitySection
      title="Over-allocated people"
      scope={`Person-weeks booked over effective capacity, of every team whatever the filters, this week and the next 11${tentative ? ', tentative work included (the what-if)' : ', confirmed work only'}.`}
      kpis={['utilization', 'bookingRule']}
    >
      <QueryErrorState title="Could not load the over-allocated people" query={query} />
      {query.isPending ? <Loading label="Loading the over-allocated people…" lines={3} /> : null}
      {data && !query.error ? (
        data.items.length === 0 ? (
          <EmptyState title="Nobody is over-allocated">
            <p>No one is booked over their effective capacity in the next 12 weeks.</p>
          </EmptyState>
        ) : (
          <OverallocationList items={data.items} search={search} />
        )
      ) : null}
    </CapacitySection>
  )
}

export function CoverPanel() {
  const query = useQuery(capacityQueries.cover())
  const { data } = query
  return (
    <CapacitySection
      title="Cover risk"
      scope="Tier-1 services’ owner teams, each working day of this week and the next 11."
      kpis={['coverRisk']}
    >
      <QueryErrorState title="Could not load the cover risk" query={query} />
      {query.isPending ? <Loading label="Loading the cover risk…" lines={3} /> : null}
      {data && !query.error ? (
        data.risks.length === 0 ? (
          <EmptyState title="No cover risk">
            <p>
              Every tier-1 service’s owner team has at least {data.minimum} people available on
              every working day of the next 12 weeks.
            </p>
          </EmptyState>
        ) : (
          <CoverWarnings risks={data.risks} minimum={data.minimum} />
        )
      ) : null}
    </CapacitySection>
  )
}

export function ForecastPanel() {
  const query = useQuery(capacityQueries.forecast())
  const { data } = query
  const rows = data ? forecastRows(data) : null
  // Roles are many: those over in some week first, the rest on request.
  const [allRoles, setAllRoles] = useState(false)
  const overRoles = rows?.roles.filter((r) => r.overWeeks > 0) ?? []
  const roles = allRoles ? (rows?.roles ?? []) : overRoles
  return (
    <CapacitySection
      title="Forecast"
      scope="The next 12 weeks from this one: demand (every booking, tentative included) against effective capacity, by team and by role; a week is over where demand exceeds capacity."
      kpis={['utilization', 'effectiveCapacity']}
    >
      <QueryErrorState title="Could not load the forecast" query={query} />
      {query.isPending ? <Loading label="Loading the forecast…" lines={4} /> : null}
      {data && rows && !query.error ? (
        rows.teams.length === 0 ? (
          <EmptyState title="Nothing to forecast">
            <p>Teams with people and their bookings appear here.</p>
          </EmptyState>
        ) : (
          <>
            <ForecastTable
              caption="Demand against capacity by team, per week"
              head="Team"
              rows={rows.teams}
              weeks={data.weeks}
            />
            <h3 className="capacity-sub">
              By role
              {allRoles ? '' : `: ${overRoles.length} of ${rows.roles.length} over in some week`}
            </h3>
            {roles.length > 0 ? (
              <ForecastTable
                caption="Demand against capacity by role, per week"
                head="Role"
                rows={roles}
                weeks={data.weeks}
              />
            ) : null}
            {rows.roles.length > overRoles.length ? (
              <button type="button" className="button-link" onClick={() => setAllRoles(!allRoles)}>
                {allRoles ? 'Show only the roles over' : `Show all ${rows.roles.length} roles`}
              </button>
            ) : null}
          </>
        )
      ) : null}
    </CapacitySection>
  )
}

export function RunChangeSection({ team }: { team: string | null }) {
  const query = useQuery({ ...capacityQueries.runChange(team), placeholderData: keepPreviousData })
  const { data } = query
  return (
    <CapacitySection
      title="Run vs change"
      scope={`Confirmed work by month over the heatmap's months, ${team ? 'of the team chosen' : 'of every team'}: run (run/BAU, support and incident toil) against change (project work).`}
      kpis={['runChangeSplit', 'incidentToil']}
    >
      <QueryErrorState title="Could not load run vs change" query={query} />
      {query.isPending ? <Loading label="Loading run vs change…" lines={5} tall /> : null}
      {data && !query.error ? <RunChangePanel data={data} /> : null}
    </CapacitySection>
  )
}
