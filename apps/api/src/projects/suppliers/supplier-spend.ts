import type { Database } from '@opsdeck/db'
import { ratio } from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import { listSupplierSpend } from './queries.ts'
import type { Suppliers } from './schemas.ts'

/** How many suppliers `top` names before summing the rest as "Other". */
export const TOP_SUPPLIERS = 10
export const NO_SUPPLIER = '(no supplier)'
export const OTHER_SUPPLIERS = 'Other'

type Spend = Omit<Suppliers, 'from' | 'to' | 'currency'>

/**
 * Spend by supplier over [from, to] (days, inclusive), shaped from the SQL sums: each supplier's
 * total, share, largest projects (at most TOP_PROJECTS, with how many it has) and every month.
 */
export async function supplierSpend(
  db: Kysely<Database>,
  args: { from: string; to: string },
): Promise<Spend> {
  const rows = await listSupplierSpend(db, args)
  const months = monthsBetween(args.from, args.to)
  const bySupplier = new Map<string | null, Suppliers['suppliers'][number]>()
  for (const r of rows) {
    if (r.level !== 'project') continue
    let s = bySupplier.get(r.supplier)
    if (!s) {
      s = {
        supplier: r.supplier ?? NO_SUPPLIER,
        total: r.supplierTotal,
        share: null,
        projects: [],
        projectCount: r.projectCount,
        months: months.map((month) => ({ month, total: 0 })),
      }
      bySupplier.set(r.supplier, s)
    }
    s.projects.push({ code: r.code, name: r.name, total: r.total })
  }
  for (const r of rows) {
    if (r.level !== 'month') continue
    const m = bySupplier.get(r.supplier)?.months.find((x) => x.month === r.month)
    if (m) m.total = r.total
  }
  const suppliers = [...bySupplier.values()].sort(
    (a, b) => b.total - a.total || a.supplier.localeCompare(b.supplier, 'en'),
  )
  const total = suppliers.reduce((n, s) => n + s.total, 0)
  for (const s of suppliers) {
    s.share = ratio(s.total, total)
    s.projects.sort((a, b) => b.total - a.total || a.code.localeCompare(b.code, 'en'))
  }
  return { total, months, suppliers, top: topOf(suppliers, total) }
}

function topOf(suppliers: Suppliers['suppliers'], total: number): Suppliers['top'] {
  const named = suppliers.slice(0, TOP_SUPPLIERS).map((s) => ({
    supplier: s.supplier,
    total: s.total,
    share: s.share,
    other: false,
    suppliers: 1,
  }))
  const rest = suppliers.slice(TOP_SUPPLIERS)
  if (rest.length === 0) return named
  const restTotal = rest.reduce((n, s) => n + s.total, 0)
  return [
    ...named,
    {
      supplier: OTHER_SUPPLIERS,
      total: restTotal,
      share: ratio(restTotal, total),
      other: true,
      suppliers: rest.length,
    },
  ]
}

/** `YYYY-MM` of every month from `from`'s to `to`'s. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  let y = Number(from.slice(0, 4))
  let m = Number(from.slice(5, 7))
  const last = to.slice(0, 7)
  for (;;) {
    const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`
    if (key > last) return months
    months.push(key)
    if (++m > 12) [y, m] = [y + 1, 1]
  }
}

/** The first day of the month `back` months before `day`'s month. */
export function monthStartBefore(day: string, back: number): string {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 - back, 1))
  return d.toISOString().slice(0, 10)
}
