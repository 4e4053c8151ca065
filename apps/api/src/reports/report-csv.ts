import type { ReportCell, ReportTable } from '../lib/report-section.ts'
import { toCsv } from '../lib/csv/write-csv.ts'
import type { Report } from './schemas.ts'

type Unit = ReportTable['columns'][number]['unit']

/** The tables a report's CSV export offers: `figures`, then `<area>.<table>` for each table. */
export function csvTables(report: Report): { key: string; title: string }[] {
  return [
    { key: 'figures', title: 'All figures' },
    ...report.sections.flatMap((s) =>
      s.tables.map((t) => ({ key: `${s.area}.${t.key}`, title: `${s.title}: ${t.title}` })),
    ),
  ]
}

/**
 * One table of a report as CSV, numbers as a spreadsheet wants them: shares in percent, money in
 * major units, the unit in the header ("Availability (%)"); text cells neutralised by toCsv.
 * Undefined for a key the report has no table for.
 */
export function reportTableCsv(report: Report, key: string): string | undefined {
  if (key === 'figures') return figuresCsv(report)
  const [area, tableKey, ...rest] = key.split('.')
  if (rest.length > 0) return undefined
  const table = report.sections.find((s) => s.area === area)?.tables.find((t) => t.key === tableKey)
  if (!table) return undefined
  const header = table.columns.map((c) => headerOf(c.label, c.unit, report.currency))
  const rows = table.rows.map((r) => table.columns.map((c) => cellOf(r[c.key] ?? null, c.unit)))
  return toCsv(header, rows)
}

function figuresCsv(report: Report): string {
  const header = ['Area', 'Figure', 'Unit', 'Value', 'Previous', 'Change', 'Target', 'On target']
  const rows = report.sections.flatMap((s) =>
    s.figures.map((f) => [
      s.title,
      f.label,
      headerOf('', f.unit, report.currency).trim().replace(/[()]/g, ''),
      cellOf(f.value, f.unit),
      cellOf(f.previous, f.unit),
      // A share's change is already in points, an amount's in its unit.
      f.delta === null ? '' : f.unit === 'share' ? round(f.delta, 3) : cellOf(f.delta, f.unit),
      cellOf(f.target, f.unit),
      f.onTarget === null ? '' : f.onTarget ? 'yes' : 'no',
    ]),
  )
  return toCsv(header, rows)
}

function headerOf(label: string, unit: Unit, currency: string): string {
  const suffix: Partial<Record<Unit, string>> = {
    share: '%',
    money: currency,
    minutes: 'min',
    hours: 'h',
  }
  const s = suffix[unit]
  return s ? `${label} (${s})` : label
}

function cellOf(cell: ReportCell, unit: Unit): string | number {
  if (cell === null) return ''
  if (typeof cell === 'string') return cell
  if (unit === 'share') return round(cell * 100, 3)
  if (unit === 'money') return round(cell / 100, 2)
  return round(cell, 2)
}

const round = (n: number, decimals: number) => Number(n.toFixed(decimals))
