import { type FormEvent, useId, useState } from 'react'
import { FilterSearch } from '../../../components/ui/filter-search.tsx'
import { SERVICE_STATUS_ORDER, STATUS_LABELS } from '../list-columns.ts'
import { clearFilters, hasFilters, type ListView } from '../list-view.ts'
import type { ServiceStatus } from '../transform.ts'

interface ServiceFiltersProps {
  view: ListView
  /** Owner teams to choose from, by slug. */
  teams: readonly { slug: string; name: string }[]
  onChange: (view: ListView) => void
}

/**
 * Status, tier and team apply as soon as they are chosen; the search applies on Enter or its
 * button, so typing does not push a history entry per letter. The page keys this form by the
 * URL, so Back and "Clear filters" refill it.
 */
export function ServiceFilters({ view, teams, onChange }: ServiceFiltersProps) {
  const id = useId()
  const [q, setQ] = useState(view.q ?? '')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const next: ListView = { ...view, q: q.trim() }
    if (!next.q) delete next.q
    onChange(next)
  }
  // A filter set to "Any" is left out of the view, and so out of the URL.
  const choose = (change: Partial<ListView>) => {
    const next: ListView = { ...view, ...change }
    for (const key of ['status', 'tier', 'team', 'archived'] as const)
      if (!next[key]) delete next[key]
    onChange(next)
  }
  // A team chosen in a shared link is listed even before the team names arrive.
  const teamOptions =
    view.team && !teams.some((t) => t.slug === view.team)
      ? [{ slug: view.team, name: view.team }, ...teams]
      : teams
  return (
    <form className="filters" onSubmit={submit} aria-label="Filter services">
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={view.status ?? ''}
          onChange={(e) => choose({ status: (e.target.value || undefined) as ServiceStatus })}
        >
          <option value="">Any</option>
          {SERVICE_STATUS_ORDER.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-tier`}>Tier</label>
        <select
          id={`${id}-tier`}
          value={view.tier ?? ''}
          onChange={(e) =>
            choose({ tier: e.target.value ? (Number(e.target.value) as 1 | 2 | 3) : undefined })
          }
        >
          <option value="">Any</option>
          {[1, 2, 3].map((t) => (
            <option key={t} value={t}>
              Tier {t}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-team`}>Team</label>
        <select
          id={`${id}-team`}
          value={view.team ?? ''}
          onChange={(e) => choose({ team: e.target.value || undefined })}
        >
          <option value="">Any</option>
          {teamOptions.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-archived`}>Archived</label>
        <select
          id={`${id}-archived`}
          value={view.archived ?? ''}
          onChange={(e) =>
            choose({ archived: (e.target.value || undefined) as ListView['archived'] })
          }
        >
          <option value="">Hidden</option>
          <option value="true">Shown too</option>
          <option value="only">Only archived</option>
        </select>
      </div>
      <FilterSearch
        value={q}
        onChange={setQ}
        placeholder="Name, slug or tag"
        onClear={hasFilters(view) ? () => onChange(clearFilters(view)) : undefined}
      />
    </form>
  )
}
