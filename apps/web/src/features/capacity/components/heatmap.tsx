import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'
import { Link } from 'react-router'
import { heatCell, weekLabel, weekTense } from '../heatmap-transform.ts'
import type { CapacityGrid, PersonWeek, WeekCell } from '../queries.ts'
import { HeatmapDetail } from './heatmap-detail.tsx'

interface Active {
  key: string
  title: string
  week: WeekCell | PersonWeek
  /** Where the popover goes: under the cell, or over it near the window's bottom. */
  place: { top: number } | { bottom: number }
  left: number
}

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

/**
 * Utilization by team (expandable to its people) and ISO week. Each cell prints its percent and,
 * over 100%, a mark; its hours show on hover and focus. One cell is in the tab order; the arrow
 * keys move between cells, as in a grid.
 */
export function Heatmap({ grid, search }: HeatmapProps) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set())
  const [active, setActive] = useState<Active | null>(null)
  const thisCol = Math.max(0, grid.weeks.indexOf(grid.thisWeek))
  const [cursor, setCursor] = useState({ row: 0, col: thisCol })
  // Collapsing a team can take the cursor's row away: then the first row holds it.
  const rows = grid.teams.reduce((n, t) => n + 1 + (open.has(t.id) ? t.people.length : 0), 1)
  const tabRow = cursor.row < rows ? cursor.row : 0
  const tipId = useId()
  const labels = grid.weeks.map(weekLabel)
  // Filtered, the total is of the team or role shown, not of every team.
  const totalName = grid.team || grid.role ? 'Total shown' : 'All teams'
  const scroller = useRef<HTMLDivElement>(null)

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

  // Rows in the order shown: all teams, then each team followed by its people when open.
  let row = 0
  const cells = (title: string, weeks: readonly (WeekCell | PersonWeek)[], rowIndex: number) =>
    weeks.map((week, col) => {
      const cell = heatCell(week)
      const key = `${rowIndex}:${col}`
      const show = (target: HTMLElement) => {
        anchor.current = target
        setActive({ key, title, week, ...placeBy(target) })
      }
      const tense = weekTense(week.week, grid.thisWeek)
      return (
        <td key={week.week} className={`heat heat-${cell.band} heat-${tense}`}>
          {cell.absent ? (
            <span className="visually-hidden">{cell.words}</span>
          ) : (
            <button
              type="button"
              className="heat-cell"
              data-row={rowIndex}
              data-col={col}
              tabIndex={tabRow === rowIndex && cursor.col === col ? 0 : -1}
              aria-label={`${title}, ${labels[col]?.words ?? week.week}: ${cell.words}`}
              aria-describedby={active?.key === key ? tipId : undefined}
              onFocus={(e) => {
                setCursor({ row: rowIndex, col })
                show(e.currentTarget)
              }}
              onBlur={() => setActive(null)}
              onMouseEnter={(e) => show(e.currentTarget)}
              onMouseLeave={() => setActive(null)}
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

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (e.key === 'Escape') return setActive(null)
    const move = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[
      e.key
    ]
    const from = e.target instanceof HTMLElement ? e.target.dataset : null
    if (!move || from?.row === undefined || from.col === undefined) return
    const next = e.currentTarget.querySelector<HTMLElement>(
      `[data-row="${Number(from.row) + (move[0] ?? 0)}"][data-col="${Number(from.col) + (move[1] ?? 0)}"]`,
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
            <tr className="heat-total">
              <th scope="row">{totalName}</th>
              {cells(totalName, grid.total, row++)}
            </tr>
          </tbody>
          {grid.teams.map((team) => {
            const expanded = open.has(team.id)
            const teamRow = row++
            return (
              <tbody key={team.id}>
                <tr className="heat-team">
                  <th scope="row">
                    <button
                      type="button"
                      className="heat-toggle"
                      aria-expanded={expanded}
                      onClick={() => toggle(team.id)}
                      disabled={team.people.length === 0}
                    >
                      <span className="heat-caret" aria-hidden="true">
                        {expanded ? '▾' : '▸'}
                      </span>
                      <span>
                        {team.name}{' '}
                        <span className="heat-count">
                          {team.people.length} {team.people.length === 1 ? 'person' : 'people'}
                        </span>
                      </span>
                    </button>
                  </th>
                  {cells(team.name, team.weeks, teamRow)}
                </tr>
                {expanded
                  ? team.people.map((person) => (
                      <tr key={person.id} className="heat-person">
                        <th scope="row">
                          <Link to={{ pathname: `/capacity/people/${person.id}`, search }}>
                            {person.name}
                          </Link>
                          <span className="heat-role">{person.role}</span>
                        </th>
                        {cells(person.name, person.weeks, row++)}
                      </tr>
                    ))
                  : null}
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
          <HeatmapDetail week={active.week} />
        </div>
      ) : null}
    </div>
  )
}
