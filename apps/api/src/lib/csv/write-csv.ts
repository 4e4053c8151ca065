import { stringify } from 'csv-stringify/sync'

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, a tab or a carriage return first)
 * written with a leading ' (OWASP's CSV injection advice); the import takes the ' off again
 * (readCsv's unneutralise). A cell that already starts with ' before such a character gets one
 * more, so that it reads back as it was.
 */
export const neutralise = (cell: string) => (/^'*[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)

/**
 * A CSV an import reads back: a BOM so that Excel reads UTF-8 (a supplier's accents); CRLF as RFC
 * 4180 has it, and a cell holding any line end quoted (csv-stringify quotes only the record
 * delimiter by itself); every text cell neutralised. A number is written as one (−12.5 stays a
 * number a spreadsheet sums, not the text '-12.5): it is ours, not text someone typed.
 */
export const toCsv = (header: string[], rows: (string | number)[][]) =>
  '\uFEFF' +
  stringify(
    [
      header,
      ...rows.map((row) => row.map((c) => (typeof c === 'number' ? String(c) : neutralise(c)))),
    ],
    {
      record_delimiter: 'windows',
      quoted_match: /[\r\n]/,
    },
  )
