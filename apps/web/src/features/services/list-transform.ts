import type { BusinessService, ServiceList } from './queries.ts'
import type { ServiceStatus } from './transform.ts'

/** The owner teams in a list, once each, by name: the team filter's choices. */
export function teamsOf(list: ServiceList): { slug: string; name: string }[] {
  const teams = new Map<string, string>()
  for (const s of list.services) if (s.ownerTeam) teams.set(s.ownerTeam.slug, s.ownerTeam.name)
  return [...teams]
    .map(([slug, name]) => ({ slug, name }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** The roll-up rule in words: "all 3 up", "any of 2 up", "at least 2 of 3 up". */
export function ruleText(group: Pick<BusinessService, 'rule' | 'minUp' | 'components'>): string {
  const n = group.components.length
  if (group.rule === 'all') return `all ${n} up`
  if (group.rule === 'any') return `any of ${n} up`
  return `at least ${group.minUp ?? '?'} of ${n} up`
}

/** A group's state as a service status, so it reads with the same badge ("No data"). */
export const groupStatus = (state: BusinessService['status']): ServiceStatus =>
  state === 'no-data' ? 'unknown' : state
