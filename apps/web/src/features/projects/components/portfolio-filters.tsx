import { PROJECT_STATUS_LABELS, PROJECT_STATUSES } from '@opsdeck/contract'
import { useId } from 'react'
import type { PortfolioStatus, PortfolioView } from '../portfolio-view.ts'

const CHOICES: readonly (readonly [PortfolioStatus, string])[] = [
  ['live', 'Live (active and on hold)'],
  ['all', 'All'],
  ...PROJECT_STATUSES.map((s) => [s, PROJECT_STATUS_LABELS[s]] as const),
]

/** Which projects the portfolio lists; applies as soon as it is chosen, into the URL. */
export function PortfolioFilters(props: {
  view: PortfolioView
  onChange: (view: PortfolioView) => void
}) {
  const { view, onChange } = props
  const id = useId()
  return (
    <form className="filters" aria-label="Filter projects" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={id}>Status</label>
        <select
          id={id}
          value={view.status}
          onChange={(e) => onChange({ ...view, status: e.target.value as PortfolioStatus })}
        >
          {CHOICES.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </div>
    </form>
  )
}
