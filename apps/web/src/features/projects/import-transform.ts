export {
  byteSize,
  count,
  formatBytes,
  type ImportProblem,
  orderRows,
  problemsOf,
  type RowFilter,
  type RowStatus,
  tooLarge,
} from '../../components/import/import-files.ts'
import type { ImportKindSpec } from '../../components/import/import-files.ts'

// The import wizard's pure parts: what each kind of file holds; the size check, the rows' order
// and filter and a refusal's problems are every import's (components/import/import-files.ts).

export type ImportKind = 'actuals' | 'baselines'

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

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric' })

/** A month's first day, `2026-03-01`, as "Mar 2026". */
export function formatMonth(firstDay: string): string {
  const [y, m] = firstDay.split('-').map(Number)
  return y && m ? monthFormat.format(new Date(y, m - 1, 1)) : firstDay
}
