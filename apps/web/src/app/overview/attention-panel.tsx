import {
  ATTENTION_AREA_LABELS,
  ATTENTION_SEVERITY_LABELS,
  type AttentionSeverity,
} from '@opsdeck/contract'
import { useId, useState } from 'react'
import { Link } from 'react-router'
import { EmptyState, Skeleton } from '../../components/ui/states.tsx'
import { Tile } from '../../components/ui/tile.tsx'
import type { RangeSpec } from '../../lib/range.ts'
import type { Overview } from './queries.ts'
import { attentionCounts, attentionLink } from './transform.ts'
import './attention.css'

type Item = Overview['attention'][number]

// A long morning list shows its most urgent items first and the rest on request.
const SHOWN = 8

const HOW = (
  <>
    <span className="tip-line">
      Now, whatever the range shown. Services: down now (critical); a burn-rate alert firing (page
      critical, ticket warning); the error budget of the service’s rolling SLO window spent
      (critical), or running out within the next window at the window’s burn rate (warning); no
      check results while its checks are on (warning).
    </span>
    <span className="tip-line">
      Incidents: SEV1 and SEV2 open (critical); open past its acknowledge or resolve target
      (critical), or with a quarter or less of the target’s time left (warning); follow-ups past
      their due day (warning); a SEV1 or SEV2 resolved with no completed review by the end of the
      5th working day after (warning). Days are the organisation’s, less its bank holidays.
    </span>
    <span className="tip-line">
      Projects, live ones: 100% of the budget spent (critical) or 80% (warning); rated red
      (critical); forecast by SPI to finish after the end date (warning).
    </span>
    <span className="tip-line">
      Capacity: a person booked over their effective capacity this week or next (warning; critical
      over 120% or with work booked on their leave); a team owning tier-1 services with fewer than 2
      people available on a working day in the next 12 weeks (warning); a team whose demand,
      tentative work included, exceeds its capacity in a week of the 12-week forecast (warning).
    </span>
    <span className="tip-line">
      Most urgent first: critical before warning, then by area, then the longest-standing first.
    </span>
  </>
)

// The severity is said in words and marked by shape, not by colour alone.
const MARK: Record<AttentionSeverity, string> = { critical: '▲', warning: '●' }

/** The manager's morning list: what needs a decision today, across the areas, ranked. */
export function AttentionPanel({ items, range }: { items: readonly Item[]; range: RangeSpec }) {
  const [all, setAll] = useState(false)
  const listId = useId()
  const shown = all ? items : items.slice(0, SHOWN)
  return (
    <Tile title="Needs attention" how={HOW} meta={attentionCounts(items)}>
      {items.length === 0 ? (
        <EmptyState title="Nothing needs a decision today">
          <p>
            No service is down, burning its error budget fast, over it, or without data. No incident
            is open at SEV1 or SEV2, near or past a response target, or behind on its follow-ups or
            review. No live project is red, late or near its budget, and no one is over-booked in
            the next two weeks, nor a tier-1 team short of cover or a team over capacity ahead.
          </p>
        </EmptyState>
      ) : (
        <ol className="attention-list" id={listId} aria-label="Needs attention, most urgent first">
          {shown.map((item) => (
            <AttentionRow key={`${item.href} ${item.reason}`} item={item} range={range} />
          ))}
        </ol>
      )}
      {items.length > SHOWN ? (
        <button
          type="button"
          className="button button-quiet attention-more"
          aria-expanded={all}
          aria-controls={listId}
          onClick={() => setAll(!all)}
        >
          {all ? 'Show the most urgent only' : `Show all ${items.length}`}
        </button>
      ) : null}
    </Tile>
  )
}

function AttentionRow({ item, range }: { item: Item; range: RangeSpec }) {
  const reasonId = useId()
  return (
    <li className={`attention-item attention-${item.severity}`}>
      <span className="attention-severity">
        <span aria-hidden="true">{MARK[item.severity]}</span>{' '}
        {ATTENTION_SEVERITY_LABELS[item.severity]}
      </span>
      <span className="badge attention-area">{ATTENTION_AREA_LABELS[item.area]}</span>
      <Link
        className="attention-title"
        to={attentionLink(item.href, range)}
        aria-describedby={reasonId}
      >
        {item.title}
      </Link>
      <span className="attention-reason" id={reasonId}>
        {item.reason}
      </span>
    </li>
  )
}

/** The panel while the Overview loads. */
export function AttentionSkeleton() {
  return (
    <section className="tile" aria-label="Needs attention (loading)">
      <header className="tile-head">
        <h2>Needs attention</h2>
      </header>
      <Skeleton lines={3} />
    </section>
  )
}
