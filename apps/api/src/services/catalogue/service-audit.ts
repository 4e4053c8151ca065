import type { ServiceConfig } from './schemas.ts'

/**
 * A service's catalogue fields as the audit log records them, one entry per field
 * ('check.timeoutMs'), so that the log reads 'check.timeoutMs: 10000 → 5000'.
 */
export function auditFields(c: ServiceConfig): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    slug: c.slug,
    name: c.name,
    description: c.description,
    tier: c.tier,
    ownerTeam: c.ownerTeam?.slug ?? null,
    sloTarget: c.sloTarget,
    sloWindowDays: c.sloWindowDays,
    tags: c.tags,
    runbookUrl: c.runbookUrl,
    dashboardUrl: c.dashboardUrl,
    openIncidentOnPage: c.openIncidentOnPage,
  }
  for (const [key, value] of Object.entries(c.check)) fields[`check.${key}`] = value
  return fields
}
