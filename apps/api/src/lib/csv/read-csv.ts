import { MAX_IMPORT_ROWS } from '@opsdeck/contract'
import { CsvError, parse } from 'csv-parse/sync'

/** A problem with the file or a row: the file's physical line (the header is line 1), its column. */
export interface ImportProblem {
  line: number
  column: string | null
  message: string
}

/** A column the import reads: its name in errors and exports, and the headers taken for it. */
export interface ColumnSpec<K extends string> {
  key: K
  aliases: string[]
  required: boolean
  /** Read in capitals (a project code: 'prj-0012' can only mean PRJ-0012). */
  upper?: boolean
}

export interface CsvTable<K extends string> {
  /** Each row's cells by column, and the reader's errors of the row (cells past the header's). */
  rows: { line: number; cells: Record<K, string>; errors: { column: string; message: string }[] }[]
  /** The columns the header has (empty when the file could not be read). */
  present: K[]
  warnings: string[]
  problems: ImportProblem[]
}

// Headers compare without case, spaces or punctuation: "Spend type", "spend_type", "SpendType".
const headerKey = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '')

/** An export's guard against formulas ('=SUM…) undone, so that an export imports as it was. */
export const unneutralise = (cell: string) => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)

/**
 * The rows of a CSV by column, each with the line it starts on. Takes a BOM and CRLF (or LF, or
 * CR) line ends; the header row is required, its columns in any order; unknown columns are
 * ignored with a warning; rows of empty cells are skipped. A row with more cells than the header is
 * an error of its line (a shifted or unquoted cell), unless the extra cells are empty (a
 * spreadsheet's trailing commas).
 */
export function readCsv<K extends string>(text: string, columns: ColumnSpec<K>[]): CsvTable<K> {
  const warnings: string[] = []
  // PostgreSQL cannot hold a NUL in text; a UTF-16 file read as UTF-8 has one after every letter.
  const nul = text.indexOf('\0')
  if (nul >= 0) {
    const line = text.slice(0, nul).split(/\r\n?|\n/).length
    const message =
      'The file holds NUL characters: save it as CSV UTF-8 (a UTF-16 file cannot be read)'
    return { rows: [], present: [], warnings, problems: [{ line, column: null, message }] }
  }
  let records: { record: string[]; info: { lines: number } }[]
  try {
    // One line end before parsing, so that csv-parse counts lines as an editor does.
    records = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      info: true,
      record_delimiter: '\n',
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      // With info, each record comes as { record, info } (the types know only string[][]).
    }) as unknown as typeof records
  } catch (err) {
    if (!(err instanceof CsvError)) throw err
    const line = (err as CsvError & { lines?: number }).lines ?? 1
    return {
      rows: [],
      present: [],
      warnings,
      problems: [{ line, column: null, message: csvMessage(err) }],
    }
  }
  const [header, ...body] = records
  if (!header) {
    const message = 'The file is empty: it needs a header row and at least one row'
    return { rows: [], present: [], warnings, problems: [{ line: 1, column: null, message }] }
  }
  const problems: ImportProblem[] = []
  const index = new Map<K, number>()
  header.record.forEach((name, i) => {
    const column = columns.find((c) =>
      [c.key, ...c.aliases].map(headerKey).includes(headerKey(name)),
    )
    if (!column) {
      if (name.trim()) warnings.push(`Column "${name.trim()}" is not one the import reads: ignored`)
    } else if (index.has(column.key)) {
      problems.push({ line: 1, column: column.key, message: `${column.key} is given twice` })
    } else index.set(column.key, i)
  })
  for (const column of columns) {
    if (column.required && !index.has(column.key)) {
      problems.push({ line: 1, column: column.key, message: `The ${column.key} column is missing` })
    }
  }
  if (body.length === 0) {
    problems.push({ line: 1, column: null, message: 'The file has a header but no rows' })
  }
  if (body.length > MAX_IMPORT_ROWS) {
    const message = `The file has ${body.length} rows: at most ${MAX_IMPORT_ROWS} are taken at once`
    problems.push({ line: 1, column: null, message })
  }
  // The header's columns up to its last named one: a spreadsheet may end it with commas too.
  const width = header.record.findLastIndex((name) => name.trim()) + 1
  const rows = problems.length
    ? []
    : body.map(({ record, info }) => ({
        // csv-parse counts to the record's last line; a quoted cell may hold line ends.
        line: info.lines - record.reduce((sum, cell) => sum + cell.split('\n').length - 1, 0),
        cells: Object.fromEntries(
          columns.map(({ key, upper }) => {
            const i = index.get(key)
            const cell = unneutralise((i === undefined ? '' : record[i]) ?? '').trim()
            return [key, upper ? cell.toUpperCase() : cell]
          }),
        ) as Record<K, string>,
        errors: record.slice(width).some((cell) => cell.trim())
          ? [{ column: 'row', message: extraCells(record.length, width) }]
          : [],
      }))
  return { rows, present: [...index.keys()], warnings, problems }
}

const extraCells = (cells: number, width: number) =>
  `has ${cells} cells; the header has ${width} column${width === 1 ? '' : 's'}: remove the extra cells, quote a cell that holds a comma, or add the column to the header`

function csvMessage(err: CsvError): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'A quoted cell is never closed: check for a missing "'
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return 'A " sits inside a cell that is not quoted: quote the cell and write the " as ""'
    default:
      return `The file is not valid CSV: ${err.message}`
  }
}
