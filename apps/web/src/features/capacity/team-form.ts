import { SLUG_MAX_LENGTH, SLUG_PATTERN, TEAM_NAME_MAX_LENGTH } from '@opsdeck/contract'

// Teams: a new one's name and slug (the slug for good), and a new name for one.

export interface TeamForm {
  name: string
  slug: string
}
export type TeamField = keyof TeamForm

/** The slug a name suggests: "Service Desk & Apps" → "service-desk-apps". */
export const slugOf = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '')

export function teamNameProblem(name: string): string | null {
  if (!name.trim()) return 'Enter the team’s name'
  if (name.trim().length > TEAM_NAME_MAX_LENGTH) return `At most ${TEAM_NAME_MAX_LENGTH} characters`
  return null
}

export function teamProblems(form: TeamForm): Partial<Record<TeamField, string>> {
  const problems: Partial<Record<TeamField, string>> = {}
  const name = teamNameProblem(form.name)
  if (name) problems.name = name
  if (!form.slug) problems.slug = 'Enter a slug'
  else if (form.slug.length > SLUG_MAX_LENGTH)
    problems.slug = `At most ${SLUG_MAX_LENGTH} characters`
  else if (!SLUG_PATTERN.test(form.slug))
    problems.slug = 'Lowercase letters, digits and hyphens, starting with a letter or digit'
  return problems
}

export const teamFieldOf = (key: string): TeamField | null =>
  key === 'name' || key === 'slug' ? key : null
