import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { CapacityView } from '../capacity-view.ts'
import { heatCell, type weekLabel, weekTense } from '../heatmap-transform.ts'
import {
  capacityQueries,
  type CapacityGrid,
  type GridTeam,
  type PersonWeek,
  type WeekCell,
} from '../queries.ts'
import type { WeekOf } from './heatmap-detail.tsx'

// The heatmap's rows (heatmap.tsx holds the grid, its keys and the popover): an open team's
// people, and a row of cells sharing the roving tab stop and the popover.

export interface Active {
  key: string
  title: string
  week: WeekCell | PersonWeek
  /** A person's cell: whose, in which team (the popover fetches what lies behind it). */
  of: WeekOf | null
  /** Where the popover goes: under the cell, or over it near the window's bottom. */
  place: { top: number } | { bottom: number }
  left: number
}

/** Where the one cell in the tab order is: a row's key and a week's column. */
export interface Cursor {
  row: string
  col: number
}

/** What every row's cells share: the roving tab stop, the popover, the week labels. */
export interface CellsContext {
  grid: CapacityGrid
  labels: ReturnType<typeof weekLabel>[]
  tabRow: string
  cursor: Cursor
  setCursor: (cursor: Cursor) => void
  activeKey: string | null
  tipId: string
  show: (active: Omit<Active, 'place' | 'left'>, target: HTMLElement) => void
  hide: () => void
}

interface TeamPeopleProps {
  context: CellsContext
  team: GridTeam
  view: CapacityView
  search: string
}

/**
 * An open team's people, each a row of weeks linking to their page: from the heatmap's answer
 * when it holds them (one team chosen), else fetched for this team when it opens.
 */
export function TeamPeople({ context, team, view, search }: TeamPeopleProps) {
  const query = useQuery({
    ...capacityQueries.teamPeople(view, team.slug),
    enabled: team.people === null,
    placeholderData: keepPreviousData,
  })
  const people = team.people ?? query.data
  const span = context.grid.weeks.length + 1
  if (!people && query.error) {
    return (
      <tr className="heat-person heat-message">
        <td colSpan={span}>
          <span role="alert">
            Could not load the people of {team.name}.{' '}
            <button type="button" className="button-link" onClick={() => void query.refetch()}>
              Retry
            </button>
          </span>
        </td>
      </tr>
    )
  }
  if (!people) {
    return (
      <tr className="heat-person heat-message">
        <td colSpan={span}>
          <span role="status">Loading the people of {team.name}…</span>
        </td>
      </tr>
    )
  }
  return people.map((person) => {
    const row = `p${team.id}-${person.id}`
    return (
      <tr key={person.id} className="heat-person" data-row={row}>
        <th scope="row">
          <Link to={{ pathname: `/capacity/people/${person.id}`, search }}>{person.name}</Link>
          <span className="heat-role">{person.role}</span>
        </th>
        <Cells
          context={context}
          title={person.name}
          weeks={person.weeks}
          row={row}
          of={{ person: person.id, team: team.slug }}
        />
      </tr>
    )
  })
}

interface CellsProps {
  context: CellsContext
  title: string
  weeks: readonly (WeekCell | PersonWeek)[]
  row: string
  of?: Omit<WeekOf, 'week'>
}

/** A row's week cells: buttons showing the popover, one of them the grid's tab stop. */
export function Cells({ context: c, title, weeks, row, of }: CellsProps) {
  return weeks.map((week, col) => {
    const cell = heatCell(week)
    const key = `${row}:${col}`
    const show = (target: HTMLElement) =>
      c.show({ key, title, week, of: of ? { ...of, week: week.week } : null }, target)
    const tense = weekTense(week.week, c.grid.thisWeek)
    return (
      <td key={week.week} className={`heat heat-${cell.band} heat-${tense}`}>
        {cell.absent ? (
          <span className="visually-hidden">{cell.words}</span>
        ) : (
          <button
            type="button"
            className="heat-cell"
            data-col={col}
            tabIndex={c.tabRow === row && c.cursor.col === col ? 0 : -1}
            aria-label={`${title}, ${c.labels[col]?.words ?? week.week}: ${cell.words}`}
            aria-describedby={c.activeKey === key ? c.tipId : undefined}
            onFocus={(e) => {
              c.setCursor({ row, col })
              show(e.currentTarget)
            }}
            onBlur={c.hide}
            onMouseEnter={(e) => show(e.currentTarget)}
            onMouseLeave={c.hide}
          >
            {cell.text}
            {cell.over ? (
              <span className="heat-mark" aria-hidden="true">
                ▲
              </span>
            ) : null}
          </button>
        )}
      </td>
    )
  })
}
