import { SelectField } from '../../../components/ui/select-field.tsx'

interface TeamRoleSelectsProps<V extends { team: string | null; role: string | null }> {
  view: V
  teams: readonly { slug: string; name: string }[]
  roles: readonly string[]
  onChange: (view: V) => void
}

/** The Team and Role selects that the heatmap's and the people list's filters share. */
export function TeamRoleSelects<V extends { team: string | null; role: string | null }>(
  props: TeamRoleSelectsProps<V>,
) {
  const { view, teams, roles, onChange } = props
  // The URL may name a team or role not (yet) in the lists: it stays chosen, by its own name.
  const teamOptions = teams.map((t) => [t.slug, t.name] as const)
  if (view.team && !teams.some((t) => t.slug === view.team))
    teamOptions.push([view.team, view.team])
  const roleOptions = view.role && !roles.includes(view.role) ? [...roles, view.role] : roles
  return (
    <>
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
    </>
  )
}
