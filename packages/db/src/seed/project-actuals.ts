import type { Insertable } from 'kysely'
import type { CostEntriesTable, ProjectProgressTable } from '../schema/projects.ts'
import type { SeedContext } from './context.ts'
import { categoryOf, progressNote, SUPPLIERS, type ProjectSpec } from './projects-data.ts'
import type { Rng } from './rng.ts'
import { addDays, daysBetween, monthEnd, monthStart } from './time.ts'

/** Integer split of `total` in proportion to `weights`; the remainder goes to the largest. */
export function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const parts = weights.map((w) => Math.floor((total * w) / sum))
  const largest = weights.indexOf(Math.max(...weights))
  parts[largest] = parts[largest]! + total - parts.reduce((a, b) => a + b, 0)
  return parts
}

interface Project {
  id: number
  status: 'active' | 'closed'
  months: string[]
  lines: { id: number }[]
  /** Planned value on a day, in pence. */
  pvAt: (day: string) => number
}

/**
 * Month-end progress snapshots (today's for the current month) and the invoices behind them,
 * drifting from on-plan towards the project's CPI and SPI; today's snapshot hits them exactly,
 * give or take ±0.01 of jitter so the indices are not round numbers (it keeps every RAG).
 */
export function planActuals(ctx: SeedContext, rng: Rng, spec: ProjectSpec, p: Project) {
  const { today } = ctx
  const bac = spec.bacPounds * 100
  const cpiTarget = spec.cpi + (rng.float() - 0.5) * 0.02
  const spiTarget = spec.spi + (rng.float() - 0.5) * 0.02
  const end = p.months.at(-1)!
  const asOfs = p.months
    .filter((m) => m <= today && m <= end)
    .map((m) => (monthEnd(m) < today ? monthEnd(m) : today))
  let percent = 0
  let ac = 0
  const progress: Insertable<ProjectProgressTable>[] = []
  const costs: Insertable<CostEntriesTable>[] = []
  asOfs.forEach((asOf, j) => {
    const last = j === asOfs.length - 1
    const f = (j + 1) / asOfs.length
    const noise = () => (last ? 0 : rng.normal() * 0.015)
    const spi = p.status === 'closed' ? 1 : 1 + (spiTarget - 1) * f ** 0.7 + noise()
    const cpi = 1 + (cpiTarget - 1) * f ** 0.6 + noise()
    const done = p.status === 'closed' && last
    const target = done ? 100 : Math.round((10_000 * p.pvAt(asOf) * spi) / bac) / 100
    percent = Math.min(100, Math.max(percent, target))
    const note = last ? spec.note : progressNote(percent)
    const recordedAt = new Date(Math.min(ctx.now.getTime(), Date.parse(`${asOf}T17:00:00Z`)))
    progress.push({ projectId: p.id, asOf, percentComplete: percent, note, recordedAt })
    const nextAc = Math.max(ac, Math.round((bac * percent) / 100 / cpi))
    costs.push(...invoices(ctx, rng, spec, p, asOf, nextAc - ac))
    ac = nextAc
  })
  return { progress, costs }
}

// A month's spend as two to four invoices against the budget lines, each from the line's supplier.
function invoices(
  ctx: SeedContext,
  rng: Rng,
  spec: ProjectSpec,
  p: Project,
  asOf: string,
  spend: number,
) {
  if (spend <= 0) return []
  const count = Math.min(spec.lines.length, rng.int(2, 4))
  const picked = rng.shuffle(spec.lines.map((_, i) => i)).slice(0, count)
  const parts = split(
    spend,
    picked.map((i) => spec.lines[i]![2] * (0.5 + rng.float())),
  )
  const month = monthStart(asOf)
  const label = new Date(`${month}T12:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
  return picked.flatMap((i, k) => {
    const [line, spendType] = spec.lines[i]!
    const incurredOn = addDays(month, rng.int(0, daysBetween(month, asOf)))
    const entered = Date.parse(`${addDays(incurredOn, 2)}T10:00:00Z`)
    const suppliers = SUPPLIERS[line] ?? ['']
    if (parts[k]! <= 0) return []
    return [
      {
        projectId: p.id,
        budgetLineId: p.lines[i]!.id,
        incurredOn,
        amountPence: parts[k]!,
        category: categoryOf(line),
        spendType,
        supplier: suppliers[(p.id + i) % suppliers.length]!,
        // An invoice number, unique within the project, as a finance export would carry.
        reference: `INV-${spec.code.slice(-4)}-${month.slice(0, 7).replace('-', '')}-${k + 1}`,
        description: `${line}, ${label}`,
        createdAt: new Date(Math.min(ctx.now.getTime(), entered)),
      },
    ]
  })
}
