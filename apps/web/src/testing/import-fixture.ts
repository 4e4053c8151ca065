import type {
  ActualsCommitted,
  ActualsPreview,
  BaselinesPreview,
} from '../features/projects/import-writes.ts'

// The import API's answers, typed from its own response types: a changed field fails here first.

type ActualRow = ActualsPreview['rows'][number]

const actual = (
  line: number,
  over: Partial<ActualRow['values']> = {},
  status: ActualRow['status'] = 'new',
  errors: ActualRow['errors'] = [],
): ActualRow => ({
  line,
  status,
  values: {
    projectCode: 'PRJ-0012',
    incurredOn: '2026-03-31',
    amountPence: 123456,
    category: 'licences',
    spendType: 'opex',
    supplier: 'Contoso Ltd',
    reference: `INV-${line}`,
    description: 'Annual licences',
    ...over,
  },
  errors,
})

/** Two new rows on PRJ-0012 (£1,234.56 and a £250 credit): committable. */
export const cleanActualsPreview = (): ActualsPreview => ({
  rows: [actual(2), actual(3, { amountPence: -25000, reference: 'CN-3' })],
  fileErrors: [],
  summary: { total: 2, new: 2, duplicate: 0, errors: 0, amountPence: 98456, committable: true },
  warnings: [],
})

/** Four rows: one new, one already recorded, and two with errors (lines 3 and 5). */
export const badActualsPreview = (): ActualsPreview => ({
  rows: [
    actual(2),
    actual(3, { incurredOn: null }, 'error', [
      { column: 'date', message: '31/02/2026 is not a date' },
    ]),
    actual(4, {}, 'duplicate'),
    actual(5, { projectCode: 'PRJ-9999', category: null }, 'error', [
      { column: 'project', message: 'PRJ-9999 is not a project code' },
      { column: 'category', message: 'gadgets is not a category' },
    ]),
  ],
  fileErrors: [],
  summary: { total: 4, new: 1, duplicate: 1, errors: 2, amountPence: 123456, committable: false },
  warnings: ['Column "notes" is not one the import reads: ignored'],
})

/** The same file again: every row already recorded. */
export const duplicateActualsPreview = (): ActualsPreview => ({
  rows: [actual(2, {}, 'duplicate'), actual(3, {}, 'duplicate')],
  fileErrors: [],
  summary: { total: 2, new: 0, duplicate: 2, errors: 0, amountPence: 0, committable: true },
  warnings: [],
})

export const actualsCommitted = (): ActualsCommitted => ({
  written: 2,
  duplicate: 0,
  amountPence: 98456,
  projects: [{ code: 'PRJ-0012', written: 2, amountPence: 98456 }],
})

/** invalid_import: a commit that found errors the preview did not (the records changed). */
export const invalidImport = () => ({
  status: 422,
  body: {
    error: {
      code: 'invalid_import',
      message: 'The file has 1 error: nothing was written',
      details: [
        {
          path: 'json.csv',
          line: 3,
          column: 'reference',
          message: 'CN-3 is already recorded for PRJ-0012 with another amount ((250.00))',
        },
      ],
    },
  },
})

export const baselinesPreview = (): BaselinesPreview => ({
  rows: [
    {
      line: 2,
      status: 'new',
      values: { projectCode: 'PRJ-0012', month: '2026-03-01', amountPence: 4_000_000 },
      errors: [],
    },
  ],
  fileErrors: [],
  summary: { total: 1, new: 1, duplicate: 0, errors: 0, amountPence: 4_000_000, committable: true },
  warnings: [],
})
