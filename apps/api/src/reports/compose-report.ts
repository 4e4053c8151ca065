import { BANK_HOLIDAY_REGION_LABELS } from '@opsdeck/contract'
import { KPI_DEFINITIONS, periodChange } from '@opsdeck/kpi'
import { dayInWords } from '../lib/phrases.ts'
import type { AreaReport, ReportFigure } from '../lib/report-section.ts'
import type { Organisation } from '../lib/organisation.ts'
import type { Period } from './period.ts'
import type { Report, ReportedFigure, ReportSection } from './schemas.ts'
import { writeSummary } from './summary-text.ts'

/**
 * The areas' sections composed into a report: each figure with its change on the previous period
 * and its trend, then the written summary, the definitions and the rules. No arithmetic of its
 * own beyond `periodChange`. `byPeriod[i]` holds the areas' sections for `periods[i]`, oldest
 * first, the report's period last.
 */
export function composeReport(input: {
  periods: readonly Period[]
  byPeriod: readonly (readonly AreaReport[])[]
  now: Date
  org: Organisation
}): Report {
  const { periods, byPeriod, now, org } = input
  const period = periods.at(-1)
  if (!period) throw new RangeError('a report needs its period')
  const current = byPeriod.at(-1) ?? []
  const sections: ReportSection[] = current.map((section, i) => ({
    ...section,
    figures: section.figures.map((f) =>
      reported(
        f,
        byPeriod.map((reports) => valueOf(reports[i], f.key)),
      ),
    ),
  }))
  const previous = periods.at(-2) ?? period
  return {
    title: `IT report — ${period.label}`,
    organisation: org.name,
    timezone: org.timezone,
    currency: org.currency,
    period: { ...ref(period), from: period.from.toISOString(), to: period.to.toISOString() },
    previous: ref(previous),
    trend: periods.map(ref),
    dataCutoff: now.toISOString(),
    partial: period.to > now,
    sections,
    summary: writeSummary(sections, {
      period: period.label,
      previous: previous.label,
      currency: org.currency,
      partial: period.to > now ? { through: dayInWords(now, org.timezone, now) } : undefined,
    }),
    definitions: definitionsOf(sections),
    rules: rulesOf(org),
  }
}

const ref = (p: Period) => ({
  kind: p.kind,
  firstDay: p.firstDay,
  lastDay: p.lastDay,
  label: p.label,
})

const valueOf = (report: AreaReport | undefined, key: string) =>
  report?.figures.find((f) => f.key === key)?.value ?? null

function reported(f: ReportFigure, trend: (number | null)[]): ReportedFigure {
  const previous = trend.at(-2) ?? null
  const change = periodChange(f.value, previous, f.unit === 'share' ? 'share' : 'amount', f.better)
  const onTarget =
    f.value === null || f.target === null || f.targetKind === null
      ? null
      : f.targetKind === 'min'
        ? f.value >= f.target
        : f.value <= f.target
  return {
    ...f,
    previous,
    delta: change.delta,
    relative: change.relative,
    verdict: change.verdict,
    onTarget,
    trend,
  }
}

function definitionsOf(sections: readonly ReportSection[]): Report['definitions'] {
  const ids = new Set<string>()
  for (const s of sections) for (const f of s.figures) if (f.definition) ids.add(f.definition)
  ids.add('periodChange')
  const all: Record<string, Report['definitions'][number]> = KPI_DEFINITIONS
  return [...ids].flatMap((id) => {
    const d = all[id]
    return d ? [{ id: d.id, name: d.name, formula: d.formula, notes: d.notes }] : []
  })
}

function rulesOf(org: Organisation): Report['rules'] {
  const { red, amber } = org.ragThresholds
  return [
    { name: 'Time zone', value: `${org.timezone}: periods run from local midnight to midnight` },
    { name: 'Bank holidays', value: regionName(org.bankHolidayRegion) },
    { name: 'Currency', value: org.currency },
    {
      name: 'RAG: red',
      value: `CPI < ${red.cpi}, SPI < ${red.spi} or EAC > ${pct(red.eacOverBac)} of BAC`,
    },
    {
      name: 'RAG: amber',
      value: `CPI < ${amber.cpi}, SPI < ${amber.spi} or EAC > ${pct(amber.eacOverBac)} of BAC`,
    },
    { name: 'Uptime', value: 'Maintenance windows excluded; degraded counts as up' },
    { name: 'Capacity', value: 'Confirmed work only; tentative bookings are left out' },
  ]
}

const pct = (ratio: number) => `${Math.round(ratio * 100)}%`

const regionName = (region: string) =>
  (BANK_HOLIDAY_REGION_LABELS as Record<string, string>)[region] ?? region
