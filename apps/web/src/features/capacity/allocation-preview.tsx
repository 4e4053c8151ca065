import { formatPercent } from '../../lib/format.ts'
import type { AllocationPreview as Preview } from './person-queries.ts'
import { type Effect, previewRows, type PreviewRow, weekLabel } from './person-weeks.ts'

type Side = PreviewRow['confirmed']

const EFFECT_WORDS: Record<Effect, string> = {
  'turns-over': 'turns over 100%',
  'stays-over': 'still over 100%',
  'back-under': 'back under 100%',
  under: '',
}

/** The weeks an allocation being edited touches, before → after, those turning over 100% flagged. */
export function AllocationPreview({ preview, updating }: { preview: Preview; updating: boolean }) {
  const rows = previewRows(preview)
  const turning = rows.filter(
    (r) => r.confirmed.effect === 'turns-over' || r.withTentative.effect === 'turns-over',
  )
  return (
    <div className="allocation-preview" data-updating={updating || undefined}>
      <p className="allocation-preview-summary">
        {turning.length > 0 ? (
          <strong className="util-over">
            Turns {preview.person.name} over 100% in {turning.length}{' '}
            {turning.length === 1 ? 'week' : 'weeks'}:{' '}
            {turning.map((r) => weekLabel(r.week)).join(', ')}.
          </strong>
        ) : (
          <>No week turns over 100% with this change.</>
        )}
      </p>
      <div className="table-scroll allocation-preview-weeks">
        <table className="data">
          <caption className="visually-hidden">
            Utilization before and after the change, by week
          </caption>
          <thead>
            <tr>
              <th scope="col" className="text">
                Week of
              </th>
              <th scope="col">Confirmed</th>
              <th scope="col">With tentative</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.week}>
                <th scope="row">{weekLabel(r.week)}</th>
                <Change side={r.confirmed} />
                <Change side={r.withTentative} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

const pct = (f: Side['before']) =>
  f.utilization === null ? (f.booked > 0 ? 'no capacity' : '–') : formatPercent(f.utilization)

function Change({ side }: { side: Side }) {
  const over = side.after.overAllocated
  return (
    <td className={over ? 'num util-over' : 'num'}>
      {pct(side.before)} → {pct(side.after)}
      {EFFECT_WORDS[side.effect] ? (
        <span className="allocation-effect">{EFFECT_WORDS[side.effect]}</span>
      ) : null}
    </td>
  )
}
