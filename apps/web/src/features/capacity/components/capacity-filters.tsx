import { useState } from 'react'
import type { CapacityView } from '../capacity-view.ts'
import { TeamRoleSelects } from './team-role-selects.tsx'

interface CapacityFiltersProps {
  view: CapacityView
  teams: readonly { slug: string; name: string }[]
  roles: readonly string[]
  onChange: (view: CapacityView) => void
}

/** Which team and role the heatmap shows, and the what-if; each applies at once, into the URL. */
export function CapacityFilters({ view, teams, roles, onChange }: CapacityFiltersProps) {
  // The box shows a click at once: the URL (the router's navigation, a transition) follows later,
  // and a box held to it alone flicks back until then. A new URL (Back, a link) sets it again.
  const [tentative, setTentative] = useState(view.tentative)
  const [urlTentative, setUrlTentative] = useState(view.tentative)
  if (view.tentative !== urlTentative) {
    setUrlTentative(view.tentative)
    setTentative(view.tentative)
  }
  return (
    <form
      className="filters capacity-filters"
      aria-label="Filter the heatmap"
      onSubmit={(e) => e.preventDefault()}
    >
      <TeamRoleSelects view={view} teams={teams} roles={roles} onChange={onChange} />
      <div className="capacity-what-if">
        <label className="check">
          <input
            type="checkbox"
            checked={tentative}
            onChange={(e) => {
              setTentative(e.target.checked)
              onChange({ ...view, tentative: e.target.checked })
            }}
          />
          Include tentative work
        </label>
        <p className="field-hint">What if the tentative bookings were confirmed?</p>
      </div>
    </form>
  )
}
