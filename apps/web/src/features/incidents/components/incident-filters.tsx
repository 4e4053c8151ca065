import { SEVERITIES, SEVERITY_LABELS, type Severity } from '@opsdeck/contract'
import { type FormEvent, useId, useState } from 'react'
import { FilterSearch } from '../../../components/ui/filter-search.tsx'
import { hasFilters, type IncidentsView, type ListStatus } from '../list-view.ts'

type Choice = { slug: string; name: string }

interface IncidentFiltersProps {
  view: IncidentsView
  services: readonly Choice[]
  teams: readonly Choice[]
  onChange: (view: IncidentsView) => void
}

// A slug chosen in a shared link is listed even before the names arrive.
const withChosen = (list: readonly Choice[], slug: string | undefined) =>
  slug && !list.some((c) => c.slug === slug) ? [{ slug, name: slug }, ...list] : list

/**
 * The selects apply as soon as they are chosen; the search on Enter or its button, so typing
 * does not push a history entry per letter. The page keys this form by the URL, so Back and
 * "Clear filters" refill it.
 */
export function IncidentFilters({ view, services, teams, onChange }: IncidentFiltersProps) {
  const id = useId()
  const [q, setQ] = useState(view.q ?? '')
  const choose = (change: Partial<IncidentsView>) => {
    const next: IncidentsView = { ...view, ...change }
    for (const key of ['status', 'severity', 'service', 'team'] as const)
      if (!next[key]) delete next[key]
    onChange(next)
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    choose({ q: q.trim() || undefined })
  }
  const select = (
    key: keyof IncidentsView,
    label: string,
    options: readonly Choice[],
    any = 'Any',
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={view[key] ?? ''}
        onChange={(e) => choose({ [key]: e.target.value || undefined })}
      >
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.slug} value={o.slug}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  )
  return (
    <form className="filters" onSubmit={submit} aria-label="Filter incidents">
      {select('status', 'Status', STATUS_CHOICES, 'All, open first')}
      {select('severity', 'Severity', SEVERITY_CHOICES)}
      {select('service', 'Service', withChosen(services, view.service))}
      {select('team', 'Team', withChosen(teams, view.team))}
      <FilterSearch
        value={q}
        onChange={setQ}
        placeholder="Title or ref"
        onClear={hasFilters(view) ? () => onChange({}) : undefined}
      />
    </form>
  )
}

const STATUS_CHOICES: { slug: ListStatus; name: string }[] = [
  { slug: 'open', name: 'Open' },
  { slug: 'ended', name: 'Resolved or closed' },
]
const SEVERITY_CHOICES: { slug: Severity; name: string }[] = SEVERITIES.map((s) => ({
  slug: s,
  name: `${s} ${SEVERITY_LABELS[s]}`,
}))
