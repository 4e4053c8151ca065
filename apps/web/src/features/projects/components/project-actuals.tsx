import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useId, useMemo } from 'react'
import { LoadMore } from '../../../components/ui/load-more.tsx'
import { EmptyState, Loading, QueryErrorState } from '../../../components/ui/states.tsx'
import { useOpener } from '../../../lib/use-opener.ts'
import { useSearchView } from '../../../lib/use-search-view.ts'
import { hasActualsFilters, parseActualsFilters, withActualsFilters } from '../actuals-form.ts'
import { formatPence } from '../money.ts'
import { projectsQueries } from '../queries.ts'
import { ActualForm } from './actual-form.tsx'
import { ActualRow } from './actual-row.tsx'
import { ActualsFilters } from './actuals-filters.tsx'
import './project-forms.css'

interface ProjectActualsProps {
  code: string
  /** Managers add, edit and delete entries; viewers only read. */
  canManage: boolean
  currency?: string
}

/** The project's cost entries, newest first, filtered by the URL, with the filtered total. */
export function ProjectActuals({ code, canManage, currency = 'GBP' }: ProjectActualsProps) {
  const id = useId()
  const { view: filters, setView, key } = useSearchView(parseActualsFilters, withActualsFilters)
  const list = useInfiniteQuery({
    ...projectsQueries.actuals(code, filters),
    placeholderData: keepPreviousData,
  })
  // The budget lines to book against: only a manager's forms need them.
  const project = useQuery({ ...projectsQueries.detail(code), enabled: canManage })
  const lines = project.data?.lines ?? []
  const entries = useMemo(() => list.data?.pages.flatMap((p) => p.entries) ?? [], [list.data])
  const total = list.data?.pages[0]?.total
  const { open: adding, show, close, opener } = useOpener()
  return (
    <section className="project-section" aria-labelledby={`${id}-title`}>
      <div className="section-head">
        <h2 id={`${id}-title`}>Actuals</h2>
        {canManage && !adding ? (
          <button ref={opener} type="button" className="button button-small" onClick={show}>
            Add cost entry
          </button>
        ) : null}
      </div>
      {canManage && adding ? <ActualForm code={code} lines={lines} onDone={close} /> : null}
      <ActualsFilters key={key} filters={filters} onChange={setView} />
      <QueryErrorState title="Could not load the cost entries" query={list} />
      {list.isPending ? <Loading label="Loading the cost entries…" lines={5} /> : null}
      {list.isSuccess && entries.length === 0 ? (
        <EmptyState
          title={
            hasActualsFilters(filters) ? 'No cost entries match these filters' : 'No actuals yet'
          }
        >
          <p>
            {hasActualsFilters(filters)
              ? 'Clear the filters to see every entry.'
              : 'Costs arrive by CSV import, or a manager adds them here.'}
          </p>
        </EmptyState>
      ) : null}
      {entries.length > 0 && total ? (
        <>
          <div className="table-scroll">
            <table className="data">
              <caption className="visually-hidden">Cost entries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col" className="text">
                    Supplier
                  </th>
                  <th scope="col" className="text">
                    Reference
                  </th>
                  <th scope="col" className="text">
                    Description
                  </th>
                  <th scope="col" className="text">
                    Category
                  </th>
                  <th scope="col" className="text">
                    Budget line
                  </th>
                  <th scope="col">Amount</th>
                  {canManage ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <ActualRow
                    key={e.id}
                    code={code}
                    entry={e}
                    lines={lines}
                    currency={currency}
                    canManage={canManage}
                  />
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={6} className="text">
                    Total of {total.count} {total.count === 1 ? 'entry' : 'entries'}
                    {hasActualsFilters(filters) ? ' matching the filters' : ''}
                  </th>
                  <td className="num">{formatPence(total.amountPence, currency)}</td>
                  {canManage ? <td /> : null}
                </tr>
              </tfoot>
            </table>
          </div>
          <LoadMore shown={entries.length} noun={['entry', 'entries']} query={list} />
        </>
      ) : null}
    </section>
  )
}
