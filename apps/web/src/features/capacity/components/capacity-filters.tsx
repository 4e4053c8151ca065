import { SelectField } from '../../../components/ui/select-field.tsx'
import type { CapacityView } from '../capacity-view.ts'

interface CapacityFiltersProps {
  view: CapacityView
  teams: readonly { slug: string; name: string }[]
  roles: readonly string[]
  onChange: (view: CapacityView) => void
}

/** Which team and role the heatmap shows, and the what-if; each applies at once, into the URL. */
export function CapacityFilters({ view, teams, roles, onChange }: CapacityFiltersProps) {
  // The URL may name a team or role not (yet) in the lists: it stays chosen, by its own name.
  const teamOptions =
    teams.some((t) => t.slug === view.team) || !view.team
      ? teams.map((t) => [t.slug, t.name] as const)
      : [...teams.map((t) => [t.slug, t.name] as const), [view.team, view.team] as const]
  const roleOptions = roles.includes(view.role ?? '') || !view.role ? roles : [...roles, view.role]
  return (
    <form
      className="filters capacity-filters"
      aria-label="Filter the heatmap"
      onSubmit={(e) => e.preventDefault()}
    >
      <SelectField
        label="Team"
        value={view.team ?? ''}
        onChange={(team) => onChange({ ...view, team: team || null })}
        options={[['', 'All teams'], ...teamOptions]}
      />
      <SelectField
        label="Role"
        value={view.role ?? ''}
        onChange={(role) => onChange({ ...view, role: role || null })}
        options={[['', 'All roles'], ...roleOptions.map((r) => [r, r] as const)]}
      />
      <div className="capacity-what-if">
        <label className="check">
          <input
            type="checkbox"
            checked={view.tentative}
            onChange={(e) => onChange({ ...view, tentative: e.target.checked })}
          />
          Include tentative work
        </label>
        <p className="field-hint">What if the tentative bookings were confirmed?</p>
      </div>
    </form>
  )
}
