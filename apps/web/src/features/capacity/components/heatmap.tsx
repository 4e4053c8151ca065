import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'
import type { CapacityView } from '../capacity-view.ts'
import { weekLabel } from '../heatmap-transform.ts'
import type { CapacityGrid, GridTeam } from '../queries.ts'
import { HeatmapDetail } from './heatmap-detail.tsx'
import { type Active, Cells, type CellsContext, type Cursor, TeamPeople } from './heatmap-rows.tsx'

// About the popover's height with a week's allocations and days off.
const TIP_ROOM = 320

/** Under the cell, or over it when the window has no room below. */
function placeBy(target: HTMLElement): Pick<Active, 'place' | 'left'> {
  const box = target.getBoundingClientRect()
  const below = box.bottom + TIP_ROOM < window.innerHeight || box.top < TIP_ROOM
  return {
    place: below ? { top: box.bottom + 4 } : { bottom: window.innerHeight - box.top + 4 },
    left: box.left,
  }
}

interface HeatmapProps {
  grid: CapacityGrid
  /** The page's query string, carried to a person's page. */
  search: string
}

const TOTAL_ROW = 'total'
const teamRow = (team: GridTeam) => `t${team.id}`

/**
 * Utilization by team (expandable to its people, fetched when opened) and ISO week. Each cell
 * prints its percent and, over 100%, a mark; its hours show on hover and focus. One cell is in
 * the tab order; the arrow keys move between cells, as in a grid.
 */
export function Heatmap({ grid, search }: HeatmapProps) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set())
  const [active, setActive] = useState<Active | null>(null)
  const thisCol = Math.max(0, grid.weeks.indexOf(grid.thisWeek))
  const [cursor, setCursor] = useState<Cursor>({ row: TOTAL_ROW, col: thisCol })
  // Other filters can take the cursor's row away: then it starts again on the first row.
  const filters = `${grid.team ?? ''}\u0000${grid.role ?? ''}`
  const [cursorFilters, setCursorFilters] = useState(filters)
  if (cursorFilters !== filters) {
    setCursorFilters(filters)
    setCursor({ row: TOTAL_ROW, col: cursor.col })
  }
  // A team's row, or a person's in an open team; anything else gives the first row the stop.
  const rowShown = (row: string) =>
    row === TOTAL_ROW ||
    grid.teams.some((t) => row === teamRow(t) || (open.has(t.id) && row.startsWith(`p${t.id}-`)))
  const tabRow = rowShown(cursor.row) ? cursor.row : TOTAL_ROW
  const tipId = useId()
  const labels = grid.weeks.map(weekLabel)
  // Filtered, the total is of the team or role shown, not of every team.
  const totalName = grid.team || grid.role ? 'Total shown' : 'All teams'
  const scroller = useRef<HTMLDivElement>(null)
  const view: CapacityView = { team: grid.team, role: grid.role, tentative: grid.includeTentative }

  // Open at this week, with a third of the weeks in view before it (on a phone, one), not at the
  // oldest week.
  useEffect(() => {
    const box = scroller.current
    const now = box?.querySelector<HTMLElement>('th.heat-now')
    const corner = box?.querySelector<HTMLElement>('.heat-corner')
    if (!box || !now || !corner || now.offsetWidth === 0) return
    const inView = Math.floor((box.clientWidth - corner.offsetWidth) / now.offsetWidth)
    const before = Math.floor(inView / 3)
    box.scrollLeft = Math.max(0, now.offsetLeft - corner.offsetWidth - before * now.offsetWidth)
  }, [grid.thisWeek])

  // The popover is placed in the window: it follows its cell as the page or the grid scrolls
  // (focusing a cell out of view scrolls it in).
  const anchor = useRef<HTMLElement | null>(null)
  const shown = active !== null
  useEffect(() => {
    if (!shown) return
    const follow = () => {
      const target = anchor.current
      setActive((prev) => (prev && target ? { ...prev, ...placeBy(target) } : prev))
    }
    window.addEventListener('scroll', follow, { capture: true, passive: true })
    window.addEventListener('resize', follow)
    return () => {
      window.removeEventListener('scroll', follow, { capture: true })
      window.removeEventListener('resize', follow)
    }
  }, [shown])

  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev)
      if (!next.delete(id)) next.add(id)
      return next
    })

  const context: CellsContext = {
    grid,
    labels,
    tabRow,
    cursor,
    setCursor,
    activeKey: active?.key ?? null,
    tipId,
    show: (next, target) => {
      anchor.current = target
      setActive({ ...next, ...placeBy(target) })
    },
    hide: () => setActive(null),
  }

  // Up and down go to the row above or below as shown (rows of people come and go).
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (e.key === 'Escape') return setActive(null)
    const move = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[
      e.key
    ]
    const from = e.target instanceof HTMLElement ? e.target : null
    const row = from?.closest('tr[data-row]')
    if (!move || !row || from?.dataset.col === undefined) return
    const rows = [...e.currentTarget.querySelectorAll('tr[data-row]')]
    const to = rows[rows.indexOf(row) + (move[0] ?? 0)]
    const next = to?.querySelector<HTMLElement>(
      `[data-col="${Number(from.dataset.col) + (move[1] ?? 0)}"]`,
    )
    if (next) {
      e.preventDefault()
      next.focus()
    }
  }

  return (
    <div className="heatmap-wrap">
      <div
        ref={scroller}
        className="heatmap-scroll"
        role="region"
        aria-label="Heatmap, scrolls sideways"
      >
        <table className="heatmap" onKeyDown={onKeyDown}>
          <caption className="visually-hidden">
            Utilization by team and ISO week; expand a team for its people. Use the arrow keys to
            move between weeks and rows.
          </caption>
          <thead>
            <tr>
              <th scope="col" className="heat-corner">
                Team
              </th>
              {grid.weeks.map((w, i) => {
                const now = w === grid.thisWeek
                return (
                  <th
                    key={w}
                    scope="col"
                    className={now ? 'heat-week heat-now' : 'heat-week'}
                    aria-current={now ? 'date' : undefined}
                    title={labels[i]?.words}
                  >
                    <span className="heat-week-number">{labels[i]?.number}</span>
                    <span className="heat-week-day">{labels[i]?.day}</span>
                    {now ? <span className="heat-now-mark">this week</span> : null}
                  </th>
                )
              })}
            </tr>
          </thead>
          <tbody>
            <tr className="heat-total" data-row={TOTAL_ROW}>
              <th scope="row">{totalName}</th>
              <Cells context={context} title={totalName} weeks={grid.total} row={TOTAL_ROW} />
            </tr>
          </tbody>
          {grid.teams.map((team) => {
            const expanded = open.has(team.id)
            return (
              <tbody key={team.id}>
                <tr className="heat-team" data-row={teamRow(team)}>
                  <th scope="row">
                    <button
                      type="button"
                      className="heat-toggle"
                      aria-expanded={expanded}
                      onClick={() => toggle(team.id)}
                      disabled={team.headcount === 0}
                    >
                      <span className="heat-caret" aria-hidden="true">
                        {expanded ? '▾' : '▸'}
                      </span>
                      <span>
                        {team.name}{' '}
                        <span className="heat-count">
                          {team.headcount} {team.headcount === 1 ? 'person' : 'people'}
                        </span>
                      </span>
                    </button>
                  </th>
                  <Cells
                    context={context}
                    title={team.name}
                    weeks={team.weeks}
                    row={teamRow(team)}
                  />
                </tr>
                {expanded ? (
                  <TeamPeople context={context} team={team} view={view} search={search} />
                ) : null}
              </tbody>
            )
          })}
        </table>
      </div>
      {active ? (
        <div
          role="tooltip"
          id={tipId}
          className="heat-tip"
          style={{
            ...active.place,
            left: `max(0.5rem, min(${active.left}px, calc(100vw - 19rem)))`,
          }}
        >
          <p className="heat-tip-title">
            {active.title}, {weekLabel(active.week.week).words}
          </p>
          <HeatmapDetail week={active.week} of={active.of} />
        </div>
      ) : null}
    </div>
  )
}
