import { INCIDENT_IMPACTS, type IncidentImpact, type Severity } from '@opsdeck/contract'
import { fromLocalInput } from './local-time.ts'
import type { IncidentDetail, IncidentPatch, NewIncident } from './queries.ts'

// The "Declare incident" form: text values for the inputs, the body POST /incidents takes, and
// where the API's field paths land.

export interface AffectedRow {
  /** A service's slug; '' until one is chosen. */
  slug: string
  impact: IncidentImpact
}

export interface DeclareForm {
  title: string
  severity: Severity
  services: AffectedRow[]
  /** A person's id as text; '' for none yet. */
  commander: string
  summary: string
  customerImpact: string
  /** A `datetime-local` value; '' for now. */
  startedAt: string
}
export type DeclareField =
  Exclude<keyof DeclareForm, 'services'> | `services.${number}` | 'services'

export const emptyAffected = (): AffectedRow => ({ slug: '', impact: 'outage' })

export const emptyDeclareForm = (): DeclareForm => ({
  title: '',
  severity: 'SEV3',
  services: [emptyAffected()],
  commander: '',
  summary: '',
  customerImpact: '',
  startedAt: '',
})

export const IMPACT_CHOICES = INCIDENT_IMPACTS.map(
  (i) => [i, i === 'outage' ? 'Outage' : 'Degraded'] as const,
)

/** Problems found before asking the API: only what it would say in its own terms, said sooner. */
export function localProblems(form: DeclareForm): Partial<Record<DeclareField, string>> {
  const problems: Partial<Record<DeclareField, string>> = {}
  if (!form.title.trim()) problems.title = 'Enter a title'
  if (!form.services.some((s) => s.slug)) problems.services = 'Choose at least one affected service'
  const seen = new Set<string>()
  form.services.forEach((s, i) => {
    if (s.slug && seen.has(s.slug)) problems[`services.${i}`] = 'This service is already listed'
    seen.add(s.slug)
  })
  if (form.startedAt && !fromLocalInput(form.startedAt))
    problems.startedAt = 'Enter a date and time'
  return problems
}

/** The body for POST /incidents; empty optional fields are left out, unchosen service rows dropped. */
export function toNewIncident(form: DeclareForm): NewIncident {
  const body: NewIncident = {
    title: form.title.trim(),
    severity: form.severity,
    services: form.services.filter((s) => s.slug).map((s) => ({ slug: s.slug, impact: s.impact })),
  }
  if (form.summary.trim()) body.summary = form.summary.trim()
  if (form.customerImpact.trim()) body.customerImpact = form.customerImpact.trim()
  if (form.commander) body.commanderPersonId = Number(form.commander)
  const startedAt = fromLocalInput(form.startedAt)
  if (startedAt) body.startedAt = startedAt
  return body
}

const FIELDS = ['title', 'severity', 'summary', 'customerImpact', 'startedAt'] as const

/**
 * The input for an API path under `json`: `services.1.slug` is the form's row that was sent
 * second (rows with no service chosen are not sent).
 */
export function declareFieldOf(path: string, form: DeclareForm): DeclareField | null {
  const [key, index] = path.split('.')
  if (key === 'commanderPersonId') return 'commander'
  if (key === 'services') {
    const rows = form.services.flatMap((s, i) => (s.slug ? [i] : []))
    const row = index === undefined ? undefined : rows[Number(index)]
    return row === undefined ? 'services' : `services.${row}`
  }
  return (FIELDS as readonly string[]).includes(key ?? '') ? (key as DeclareField) : null
}

type Incident = IncidentDetail['incident']

/** The form filled with an incident's editable fields (its start is corrected, not edited). */
export function formOfIncident(incident: Incident): DeclareForm {
  return {
    title: incident.title,
    severity: incident.severity,
    services: incident.services.map((s) => ({ slug: s.slug, impact: s.impact })),
    commander: incident.commander ? String(incident.commander.id) : '',
    summary: incident.summary,
    customerImpact: incident.customerImpact,
    startedAt: '',
  }
}

const servicesKey = (list: readonly AffectedRow[]) =>
  list
    .map((s) => `${s.slug}:${s.impact}`)
    .sort()
    .join(',')

/**
 * The body for PATCH /incidents/:ref: only the fields that changed, so the timeline and the audit
 * log record what was meant (services compared as a set: the order they are listed in is not a
 * change).
 */
export function toIncidentPatch(form: DeclareForm, incident: Incident): IncidentPatch {
  const next = toNewIncident(form)
  const was = formOfIncident(incident)
  const patch: IncidentPatch = {}
  if (next.title !== incident.title) patch.title = next.title
  if (next.severity !== incident.severity) patch.severity = next.severity
  if (form.commander !== was.commander) {
    patch.commanderPersonId = form.commander ? Number(form.commander) : null
  }
  if (form.summary.trim() !== incident.summary) patch.summary = form.summary.trim()
  if (form.customerImpact.trim() !== incident.customerImpact) {
    patch.customerImpact = form.customerImpact.trim()
  }
  if (servicesKey(next.services) !== servicesKey(was.services)) patch.services = next.services
  return patch
}
