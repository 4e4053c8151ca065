import { MAX_IMPORT_BYTES } from '@opsdeck/contract'
import { describe, expect, test } from 'vitest'
import {
  byteSize,
  formatBytes,
  formatMonth,
  IMPORT_KINDS,
  orderRows,
  problemsOf,
  tooLarge,
} from './import-transform.ts'
import { formatPence } from './money.ts'

describe('import transform', () => {
  test('the size is counted in UTF-8 bytes, as the API counts it: £ is two', () => {
    expect(byteSize('£1')).toBe(3)
    expect(byteSize('a,b\r\n')).toBe(5)
  })

  test('a file is refused only past the limit, naming the file and the limit', () => {
    expect(tooLarge('march.csv', MAX_IMPORT_BYTES)).toBeNull()
    expect(tooLarge('march.csv', MAX_IMPORT_BYTES + 1)).toBe(
      'march.csv is larger than 2 MB (2,097,153 bytes): split it into files of at most 2 MB and import each.',
    )
    expect([formatBytes(900), formatBytes(15_360), formatBytes(3 * 1024 ** 2 + 1)]).toEqual([
      '900 bytes',
      '15 KB',
      '3 MB',
    ])
  })

  test('errors come first, then by line; a filter keeps one status', () => {
    const rows = [
      { line: 2, status: 'new' as const },
      { line: 7, status: 'error' as const },
      { line: 3, status: 'duplicate' as const },
      { line: 4, status: 'error' as const },
    ]
    expect(orderRows(rows, 'all').map((r) => r.line)).toEqual([4, 7, 2, 3])
    expect(orderRows(rows, 'duplicate').map((r) => r.line)).toEqual([3])
    expect(rows.map((r) => r.line)).toEqual([2, 7, 3, 4]) // the preview's own order is kept
  })

  test('invalid_import details become problems by line; a file problem has no column', () => {
    const details = [
      { path: 'json.csv', line: 9, column: 'amount', message: '£1,2,3 is not an amount' },
      { path: 'json.csv', line: 1, column: null, message: 'The reference column is missing' },
      { path: 'json.csv', message: 'no line' },
    ]
    expect(problemsOf(details)).toEqual([
      { line: 1, column: null, message: 'The reference column is missing' },
      { line: 9, column: 'amount', message: '£1,2,3 is not an amount' },
    ])
    expect(problemsOf(undefined)).toEqual([])
  })

  test('money to the penny, a credit in brackets; months by name', () => {
    expect(formatPence(123456)).toBe('£1,234.56')
    expect(formatPence(-25000)).toBe('(£250.00)')
    expect(formatPence(null)).toBe('')
    expect(formatMonth('2026-03-01')).toBe('Mar 2026')
  })

  test('each template names every column the kind describes, in its header', () => {
    for (const spec of Object.values(IMPORT_KINDS)) {
      const header = spec.example.split('\r\n')[0]!.split(',')
      expect(header).toEqual(spec.columns.map((c) => c.name))
    }
  })
})
