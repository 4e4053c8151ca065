import { describe, expect, it } from 'vitest'
import { reportTableCsv } from './report-csv.ts'
import type { Report, ReportedFigure } from './schemas.ts'

const vac: ReportedFigure = {
  key: 'vac',
  label: 'Variance at completion (VAC)',
  value: -76_730_126,
  unit: 'money',
  better: 'higher',
  target: null,
  targetKind: null,
  definition: 'vac',
  note: null,
  previous: -69_744_562,
  delta: -6_985_564,
  relative: -0.1,
  verdict: 'worse',
  onTarget: null,
  trend: [],
}

const REPORT = {
  currency: 'GBP',
  sections: [
    {
      area: 'projects',
      title: 'Project budgets',
      figures: [vac],
      tables: [
        {
          key: 'atRisk',
          title: 'Projects at risk',
          columns: [
            { key: 'name', label: 'Project', unit: 'text' },
            { key: 'vac', label: 'VAC', unit: 'money' },
            { key: 'share', label: 'Spent', unit: 'share' },
          ],
          rows: [{ name: '=HYPERLINK("http://x")', vac: -123_456, share: 1.0523 }],
          empty: '',
        },
      ],
    },
  ],
} as unknown as Report

const lines = (csv: string | undefined) => csv?.replace(/^\uFEFF/, '').split('\r\n') ?? []

describe('a report table as CSV', () => {
  it('writes numbers as numbers, negative ones too, and neutralises text', () => {
    expect(lines(reportTableCsv(REPORT, 'projects.atRisk'))).toEqual([
      'Project,VAC (GBP),Spent (%)',
      `"'=HYPERLINK(""http://x"")",-1234.56,105.23`,
      '',
    ])
  })

  it('lists every figure with its previous value and change', () => {
    expect(lines(reportTableCsv(REPORT, 'figures')).slice(0, 2)).toEqual([
      'Area,Figure,Unit,Value,Previous,Change,Target,On target',
      'Project budgets,Variance at completion (VAC),GBP,-767301.26,-697445.62,-69855.64,,',
    ])
  })

  it('has no table for an unknown or over-long key', () => {
    expect(reportTableCsv(REPORT, 'projects.nope')).toBeUndefined()
    expect(reportTableCsv(REPORT, 'projects.atRisk.extra')).toBeUndefined()
  })
})
