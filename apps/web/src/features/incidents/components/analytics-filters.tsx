import { SEVERITIES, SEVERITY_LABELS } from '@opsdeck/contract'
import { useId } from 'react'
import { type AnalyticsFilters, hasAnalyticsFilters } from '../analytics-view.ts'

type Choice = { slug: string; name: string }

interface AnalyticsFilterFormProps {
  filters: AnalyticsFilters
  services: readonly Choice[]
  teams: readonly Choice[]
  onChange: (filters: AnalyticsFilters) => void
}

// A slug chosen in a shared link is offered even before the names arrive.
const withChosen = (list: readonly Choice[], slug: string | undefined) =>
  slug && !list.some((c) => c.slug === slug) ? [{ slug, name: slug }, ...list] : list

const SEVERITY_CHOICES: Choice[] = SEVERITIES.map((s) => ({
  slug: s,
  name: `${s} ${SEVERITY_LABELS[s]}`,
}))

/** Severity, service and team; each applies when chosen and lands in the URL. */
export function AnalyticsFilterForm({
  filters,
  services,
  teams,
  onChange,
}: AnalyticsFilterFormProps) {
  const id = useId()
  const select = (key: keyof AnalyticsFilters, label: string, options: readonly Choice[]) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={filters[key] ?? ''}
        onChange={(e) => {
          // The options are the valid values; the URL is parsed again on the way back anyway.
          const next: AnalyticsFilters = { ...filters }
          delete next[key]
          if (e.target.value) Object.assign(next, { [key]: e.target.value })
          onChange(next)
        }}
      >
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.slug} value={o.slug}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  )
  return (
    <form
      className="filters"
      aria-label="Filter incident analytics"
      onSubmit={(e) => e.preventDefault()}
    >
      {select('severity', 'Severity', SEVERITY_CHOICES)}
      {select('service', 'Service', withChosen(services, filters.service))}
      {select('team', 'Team', withChosen(teams, filters.team))}
      {hasAnalyticsFilters(filters) ? (
        <div className="form-actions">
          <button
            type="button"
            className="button button-small button-quiet"
            onClick={() => onChange({})}
          >
            Clear filters
          </button>
        </div>
      ) : null}
    </form>
  )
}
