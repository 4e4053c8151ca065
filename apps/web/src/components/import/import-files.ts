import { MAX_IMPORT_BYTES } from '@opsdeck/contract'

// Every CSV import wizard's pure parts: the size check made before anything is sent, the
// preview's rows ordered and filtered, and a refusal's details as problems.

export type RowStatus = 'new' | 'duplicate' | 'error'
export type RowFilter = RowStatus | 'all'

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

/** "1 row", "3 rows". */
export const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

/** One column a kind of file is read in, with its format in words. */
export interface ImportColumn {
  name: string
  required: boolean
  format: string
}

/** A kind of file a wizard imports: what it holds, its columns and a template. */
export interface ImportKindSpec {
  label: string
  about: string
  columns: ImportColumn[]
  /** A small file in the columns the import reads, offered as the template to download. */
  example: string
  fileName: string
  /** Where what is stored is exported in the same columns, if it is. */
  exportHref?: string
}

/** The template as a link's href, so it downloads without asking the server. */
export const templateHref = (spec: ImportKindSpec) =>
  `data:text/csv;charset=utf-8,${encodeURIComponent(spec.example)}`

/** A preview row as every import's API answers it: its line, status and errors by column. */
export interface PreviewRow {
  line: number
  status: RowStatus
  errors: readonly { column: string; message: string }[]
}

/** A column of the preview's rows, keyed by the name the API's errors use for it. */
export interface PreviewColumn<R> {
  key: string
  label: string
  num?: true
  cell: (row: R) => string
}

/** " 2 rows already stored were skipped.", or nothing when none was. */
export const skippedText = (n: number, already: string) =>
  n ? ` ${count(n, 'row')} ${already} ${n === 1 ? 'was' : 'were'} skipped.` : ''
