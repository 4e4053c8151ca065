import type { ReportCell } from '../lib/report-section.ts'
import type { ReportedFigure, ReportSection, ReportSummary } from './schemas.ts'
import { changeInWords, countInWords, plural, valueInWords } from './words.ts'

export interface SummaryContext {
  /** "November 2026" and "October 2026". */
  period: string
  previous: string
  currency: string
  /** The period has not ended: its figures are so far, and not set against a whole period. */
  partial?: { through: string } | undefined
}

const MAJOR_BUDGET_SHARE = 0.25
const NAMED = 2
/** As many lines as a frozen summary may hold (snapshots/schemas.ts). */
export const MAX_SUMMARY_LINES = 20

/**
 * The executive summary, written by fixed rules from the figures (no external service, so the
 * same data always gives the same words): a sentence per area where it has something to say, then
 * highlights (targets met and figures that improved) and risks (targets missed, projects turned
 * red, budgets spent, people over-allocated). The manager may edit it before freezing.
 */
export function writeSummary(
  sections: readonly ReportSection[],
  ctx: SummaryContext,
): ReportSummary {
  const area = (name: string) => sections.find((s) => s.area === name)
  const sentences: string[] = []
  const highlights: string[] = []
  const risks: string[] = []
  const fig = (s: ReportSection | undefined, key: string) => s?.figures.find((f) => f.key === key)
  const rows = (s: ReportSection | undefined, key: string) =>
    s?.tables.find((t) => t.key === key)?.rows ?? []
  // Availability is told to hundredths of a percent (99.93%), a thousandth more when that would
  // read as its target (99.905% against 99.9%); other shares whole (87%).
  const fine = (f: ReportedFigure) => f.key.startsWith('availability.')
  const words = (f: ReportedFigure, value = f.value): string => {
    if (value === null) return 'n/a'
    const text = valueInWords(value, f.unit, ctx.currency, fine(f))
    const onto: boolean = f.target !== null && value !== f.target && text === words(f, f.target)
    return onto && fine(f) ? `${Number((value * 100).toFixed(3))}%` : text
  }
  // A period not over is not set against a whole one: "down 65%" three days in is no news.
  const change = (f: ReportedFigure) =>
    ctx.partial ? null : changeInWords(f, ctx.previous, ctx.currency, fine(f))
  if (ctx.partial) {
    sentences.push(
      `${ctx.period} is not over: these are its figures to ${ctx.partial.through}, not compared with ${ctx.previous}.`,
    )
  }

  // Services: the most critical tier with data, against its target; other tiers that missed.
  const services = area('services')
  const tiers = (services?.figures ?? []).filter((f) => f.key.startsWith('availability.tier'))
  const lead = tiers.find((f) => f.value !== null)
  if (lead) {
    const target = lead.target === null ? '' : ` against a ${words(lead, lead.target)} target`
    const moved = change(lead)
    sentences.push(`${lead.label} was ${words(lead)}${target}${moved ? ` (${moved})` : ''}.`)
  }
  for (const t of tiers) {
    if (t.onTarget === false)
      risks.push(`${t.label} missed its target: ${words(t)} against ${words(t, t.target)}.`)
    else if (t.onTarget === true) highlights.push(`${t.label} met its target at ${words(t)}.`)
  }
  const spent = rows(services, 'errorBudgets').find(
    (r) => num(r.incidentCount) > 0 && num(r.consumed) >= MAJOR_BUDGET_SHARE,
  )
  if (spent) {
    const n = num(spent.incidentCount)
    const worst = typeof spent.worstSeverity === 'string' ? spent.worstSeverity : null
    // The table lists them as "INC-12 (SEV1), INC-15 (SEV2)": how many are of the worst severity.
    const ofWorst = worst ? str(spent.incidents).split(`(${worst})`).length - 1 : 0
    const who = !worst
      ? `${countInWords(n, true)} ${n === 1 ? 'incident' : 'incidents'}`
      : ofWorst === n
        ? `${countInWords(n, true)} ${worst} ${n === 1 ? 'incident' : 'incidents'}`
        : `${countInWords(n, true)} incidents (${countInWords(ofWorst)} ${worst})`
    sentences.push(
      `${who} consumed ${Math.round(num(spent.consumed) * 100)}% of the ${str(spent.service)} error budget.`,
    )
  }
  const exhausted = fig(services, 'budgetsExhausted')?.value ?? 0
  if (exhausted > 0)
    risks.push(
      `${cap(plural(exhausted, 'service'))} used up ${exhausted === 1 ? 'its' : 'their'} error budget.`,
    )

  // Incidents: how many, the most severe, how fast they were resolved; missed targets.
  const incidents = area('incidents')
  const count = fig(incidents, 'incidents')
  if (count?.value != null) {
    const sev1 = fig(incidents, 'incidents.sev1')?.value ?? 0
    const mttr = fig(incidents, 'mttr')
    const moved = change(count)
    let s = `There ${count.value === 1 ? 'was' : 'were'} ${plural(count.value, 'incident')}${sev1 > 0 ? ` (${sev1} SEV1)` : ''}${moved ? `, ${moved}` : ''}`
    if (mttr?.value != null) {
      const m = change(mttr)
      s += `; MTTR was ${words(mttr)}${m ? ` (${m.replace(/ on .*$/, '')})` : ''}`
    }
    sentences.push(`${s}.`)
  }
  const breaches = fig(incidents, 'slaBreaches')?.value ?? 0
  if (breaches > 0)
    risks.push(
      `${cap(plural(breaches, 'incident'))} missed ${breaches === 1 ? 'its' : 'their'} response or resolution target.`,
    )
  const overdue = fig(incidents, 'followUpsOverdue')?.value ?? 0
  if (overdue > 0)
    risks.push(
      `${cap(plural(overdue, 'follow-up action'))} ${overdue === 1 ? 'is' : 'are'} overdue.`,
    )
  else if (fig(incidents, 'followUpsOverdue'))
    highlights.push('No incident follow-up actions are overdue.')

  // Projects: turned red (named, with the rule), turned green, the portfolio's CPI.
  const projects = area('projects')
  const changes = rows(projects, 'ragChanges')
  const red = changes.filter((r) => r.to === 'red')
  red
    .slice(0, NAMED)
    .forEach((r) => sentences.push(`Project ${str(r.code)} turned red: ${str(r.reason)}.`))
  if (red.length > NAMED)
    sentences.push(
      `${countInWords(red.length - NAMED, true)} more ${red.length - NAMED === 1 ? 'project' : 'projects'} turned red.`,
    )
  for (const r of red) risks.push(`${str(r.code)} ${str(r.name)} is red: ${str(r.reason)}.`)
  for (const r of changes.filter((r) => r.to === 'green' && r.from !== null))
    highlights.push(`${str(r.code)} ${str(r.name)} is back to green.`)
  const cpi = fig(projects, 'cpi')
  if (cpi?.value != null) {
    const target = cpi.target === null ? '' : ` against a ${words(cpi, cpi.target)} target`
    sentences.push(`Portfolio CPI was ${words(cpi)}${target}.`)
  }
  const capacityRisk = fig(projects, 'projectsAtCapacityRisk')?.value ?? 0
  if (capacityRisk > 0)
    risks.push(
      `${cap(plural(capacityRisk, 'project'))} ${capacityRisk === 1 ? 'is' : 'are'} at risk from team capacity.`,
    )

  // Capacity: utilization and the people over 100%.
  const capacity = area('capacity')
  const utilization = fig(capacity, 'utilization')
  const over = fig(capacity, 'overAllocatedPeople')?.value ?? 0
  // Nothing booked is no plan, not 0% utilized teams.
  const booked = fig(capacity, 'bookedHours')?.value ?? null
  if (booked === 0) {
    sentences.push(`No work was booked in the capacity plans for ${ctx.period}.`)
  } else if (utilization?.value != null) {
    const tail =
      over > 0
        ? `; ${plural(over, 'person', 'people')} ${over === 1 ? 'was' : 'were'} booked over 100% in at least one week`
        : ''
    sentences.push(`Teams were ${words(utilization)} utilized${tail}.`)
  }
  if (over > 0)
    risks.push(
      `${cap(plural(over, 'person', 'people'))} ${over === 1 ? 'was' : 'were'} over-allocated.`,
    )
  const change_ = fig(capacity, 'changeShare')
  if (change_?.value != null && booked !== 0)
    highlights.push(`Change work took ${words(change_)} of booked hours.`)

  // Any other figure that met its target and improved on the previous period is a highlight.
  const told = new Set(['changeShare', 'runShare', 'followUpsOverdue'])
  for (const s of sections) {
    for (const f of s.figures) {
      if (fine(f) || told.has(f.key) || f.verdict !== 'better' || f.onTarget !== true) continue
      const moved = change(f)
      if (moved) highlights.push(`${f.label}: ${words(f)} (${moved}).`)
    }
  }
  if (sentences.length === (ctx.partial ? 1 : 0))
    sentences.push(`No figures were recorded for ${ctx.period}.`)
  return {
    text: sentences.join(' '),
    highlights: highlights.slice(0, MAX_SUMMARY_LINES),
    risks: risks.slice(0, MAX_SUMMARY_LINES),
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const num = (c: ReportCell | undefined) => (typeof c === 'number' ? c : 0)
const str = (c: ReportCell | undefined) => (c === null || c === undefined ? '' : String(c))
