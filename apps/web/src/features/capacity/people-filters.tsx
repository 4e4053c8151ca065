import { type FormEvent, useState } from 'react'
import { FilterSearch } from '../../components/ui/filter-search.tsx'
import { TeamRoleSelects } from './components/team-role-selects.tsx'
import { DEFAULT_PEOPLE_VIEW, hasPeopleFilters, type PeopleView } from './people-view.ts'

interface PeopleFiltersProps {
  view: PeopleView
  teams: readonly { slug: string; name: string }[]
  roles: readonly string[]
  onChange: (view: PeopleView) => void
}

/**
 * Team, role and "who has left too" apply as soon as they are chosen; the name search on Enter
 * or its button. The page keys this form by the URL, so Back and "Clear filters" refill it.
 */
export function PeopleFilters({ view, teams, roles, onChange }: PeopleFiltersProps) {
  const [q, setQ] = useState(view.q ?? '')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onChange({ ...view, q: q.trim() || null })
  }
  return (
    <form className="filters" onSubmit={submit} aria-label="Filter people">
      <TeamRoleSelects view={view} teams={teams} roles={roles} onChange={onChange} />
      <div className="people-left">
        <label className="check">
          <input
            type="checkbox"
            checked={view.includeLeft}
            onChange={(e) => onChange({ ...view, includeLeft: e.target.checked })}
          />
          Include people who have left
        </label>
      </div>
      <FilterSearch
        value={q}
        onChange={setQ}
        placeholder="Part of a name"
        onClear={hasPeopleFilters(view) ? () => onChange(DEFAULT_PEOPLE_VIEW) : undefined}
      />
    </form>
  )
}
