import { MAX_IMPORT_BYTES } from '@opsdeck/contract'

// The import wizard's pure parts: what each kind of file holds, the size check made before
// anything is sent, the preview's rows ordered and filtered, and a refusal's details as problems.

export type ImportKind = 'actuals' | 'baselines'
export type RowStatus = 'new' | 'duplicate' | 'error'
export type RowFilter = RowStatus | 'all'

export interface ImportColumn {
  name: string
  required: boolean
  format: string
}

export interface ImportKindSpec {
  label: string
  about: string
  columns: ImportColumn[]
  /** A small file in the columns the import reads, offered as the template to download. */
  example: string
  fileName: string
}

export const IMPORT_KINDS: Record<ImportKind, ImportKindSpec> = {
  actuals: {
    label: 'Actuals',
    about:
      'Cost entries: invoices, credits and journals. A row whose reference is already recorded for its project with the same values is skipped, so the same file can be imported again.',
    columns: [
      { name: 'project', required: true, format: 'The project code, e.g. PRJ-0012' },
      { name: 'date', required: true, format: '2026-03-31 or 31/03/2026' },
      {
        name: 'amount',
        required: true,
        format: '1234.56 or £1,234.56; a credit as -250.00 or (250.00)',
      },
      {
        name: 'category',
        required: true,
        format: 'labour, licences, hardware, cloud, services or contingency',
      },
      { name: 'spend_type', required: true, format: 'capex or opex' },
      { name: 'supplier', required: false, format: 'Text' },
      {
        name: 'reference',
        required: true,
        format: 'The invoice or journal number, once per project',
      },
      { name: 'description', required: false, format: 'Text' },
    ],
    example: [
      'project,date,amount,category,spend_type,supplier,reference,description',
      'PRJ-0012,2026-03-31,"£1,234.56",licences,opex,Contoso Ltd,INV-10042,Annual licences',
      'PRJ-0012,15/04/2026,(250.00),licences,opex,Contoso Ltd,CN-10042,Credit for unused seats',
      '',
    ].join('\r\n'),
    fileName: 'actuals-template.csv',
  },
  baselines: {
    label: 'Baseline plans',
    about:
      'Planned spend per month. Each project named becomes a new baseline version (the old ones are kept) with the reason you give; months left out are planned at £0.',
    columns: [
      { name: 'project', required: true, format: 'The project code, e.g. PRJ-0012' },
      { name: 'month', required: true, format: '2026-03, 03/2026 or Mar 2026' },
      {
        name: 'amount',
        required: true,
        format: 'Planned spend in the month: 1234.56 or £1,234.56',
      },
    ],
    example: [
      'project,month,amount',
      'PRJ-0012,2026-03,"£40,000.00"',
      'PRJ-0012,04/2026,45000',
      'PRJ-0012,May 2026,"£38,500.00"',
      '',
    ].join('\r\n'),
    fileName: 'baseline-plan-template.csv',
  },
}

/** The template as a link's href, so it downloads without asking the server. */
export const templateHref = (kind: ImportKind) =>
  `data:text/csv;charset=utf-8,${encodeURIComponent(IMPORT_KINDS[kind].example)}`

/** The text's size as the API counts it: UTF-8 bytes. */
export const byteSize = (text: string) => new TextEncoder().encode(text).length

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 ** 2) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 ** 2).toFixed(1).replace(/\.0$/, '')} MB`
}

/** Why a file is refused before it is sent (larger than the API takes), or null. */
export function tooLarge(what: string, bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null
  const limit = formatBytes(MAX_IMPORT_BYTES)
  return `${what} is larger than ${limit} (${bytes.toLocaleString('en-GB')} bytes): split it into files of at most ${limit} and import each.`
}

/** Rows with errors first, then by line; or only the rows of one status. */
export function orderRows<R extends { line: number; status: RowStatus }>(
  rows: readonly R[],
  filter: RowFilter,
): R[] {
  const rank = (r: R) => (r.status === 'error' ? 0 : 1)
  return rows
    .filter((r) => filter === 'all' || r.status === filter)
    .sort((a, b) => rank(a) - rank(b) || a.line - b.line)
}

export interface ImportProblem {
  line: number
  column: string | null
  message: string
}

/** invalid_import's details (`{ path, line, column, message }`) as problems, by line. */
export function problemsOf(details: unknown): ImportProblem[] {
  if (!Array.isArray(details)) return []
  return details
    .flatMap((d: unknown) => {
      const { line, column, message } = (d ?? {}) as Record<string, unknown>
      if (typeof line !== 'number' || typeof message !== 'string') return []
      return [{ line, column: typeof column === 'string' ? column : null, message }]
    })
    .sort((a, b) => a.line - b.line)
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric' })

/** A month's first day, `2026-03-01`, as "Mar 2026". */
export function formatMonth(firstDay: string): string {
  const [y, m] = firstDay.split('-').map(Number)
  return y && m ? monthFormat.format(new Date(y, m - 1, 1)) : firstDay
}

/** "1 row", "3 rows". */
export const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`
