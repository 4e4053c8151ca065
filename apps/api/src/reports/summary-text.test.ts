import { describe, expect, it } from 'vitest'
import type { ReportFigure, ReportTable } from '../lib/report-section.ts'
import type { ReportedFigure, ReportSection } from './schemas.ts'
import { writeSummary } from './summary-text.ts'

// The summary rules on fixed figures: the same data always gives the same words.

const CTX = { period: 'November 2026', previous: 'October 2026', currency: 'GBP' }

function fig(
  f: Pick<ReportFigure, 'key' | 'label' | 'value' | 'unit'> & Partial<ReportedFigure>,
): ReportedFigure {
  return {
    better: 'higher',
    target: null,
    targetKind: null,
    definition: null,
    note: null,
    previous: null,
    delta: null,
    relative: null,
    verdict: null,
    onTarget: null,
    trend: [],
    ...f,
  }
}

const table = (key: string, rows: ReportTable['rows']): ReportTable => ({
  key,
  title: key,
  columns: [],
  rows,
  empty: '',
})

const section = (
  area: ReportSection['area'],
  figures: ReportedFigure[],
  tables: ReportTable[] = [],
): ReportSection => ({ area, title: area, figures, tables })

const NOVEMBER: ReportSection[] = [
  section(
    'services',
    [
      // 99.95% → 99.93%: −0.02 points, worse; met its 99.9% target.
      fig({
        key: 'availability.tier1',
        label: 'Tier 1 availability',
        value: 0.9993,
        unit: 'share',
        target: 0.999,
        targetKind: 'min',
        previous: 0.9995,
        delta: -0.02,
        verdict: 'worse',
        onTarget: true,
      }),
      fig({
        key: 'availability.tier2',
        label: 'Tier 2 availability',
        value: 0.9921,
        unit: 'share',
        target: 0.995,
        targetKind: 'min',
        onTarget: false,
      }),
      fig({ key: 'budgetsExhausted', label: 'Budgets used up', value: 1, unit: 'count' }),
    ],
    [
      table('errorBudgets', [
        {
          service: 'Payments',
          consumed: 0.61,
          incidents: 'INC-0012 (SEV1), INC-0015 (SEV1)',
          incidentCount: 2,
          worstSeverity: 'SEV1',
        },
        { service: 'Search', consumed: 0.3, incidentCount: 0, worstSeverity: null },
      ]),
    ],
  ),
  section('incidents', [
    // 11 → 14 incidents; MTTR 60 → 42 min (−30%).
    fig({
      key: 'incidents',
      label: 'Incidents',
      value: 14,
      unit: 'count',
      better: 'lower',
      previous: 11,
      delta: 3,
      relative: 3 / 11,
      verdict: 'worse',
    }),
    fig({ key: 'incidents.sev1', label: 'SEV1', value: 2, unit: 'count', better: 'lower' }),
    fig({
      key: 'mttr',
      label: 'MTTR',
      value: 42,
      unit: 'minutes',
      better: 'lower',
      previous: 60,
      delta: -18,
      relative: -0.3,
      verdict: 'better',
      target: 45,
      targetKind: 'max',
      onTarget: true,
    }),
    fig({ key: 'slaBreaches', label: 'SLA breaches', value: 3, unit: 'count', better: 'lower' }),
    fig({ key: 'followUpsOverdue', label: 'Overdue', value: 0, unit: 'count', better: 'lower' }),
  ]),
  section(
    'projects',
    [
      fig({
        key: 'cpi',
        label: 'CPI',
        value: 0.9712,
        unit: 'index',
        target: 0.95,
        targetKind: 'min',
      }),
      fig({ key: 'projectsAtCapacityRisk', label: 'At risk', value: 1, unit: 'count' }),
    ],
    [
      table('ragChanges', [
        { code: 'ERP-2', name: 'ERP upgrade', from: 'green', to: 'red', reason: 'CPI 0.82 < 0.85' },
        { code: 'NET-1', name: 'Network refresh', from: 'amber', to: 'green', reason: '' },
        { code: 'NEW-1', name: 'Started', from: null, to: 'green', reason: '' },
      ]),
    ],
  ),
  section('capacity', [
    fig({
      key: 'utilization',
      label: 'Utilization',
      value: 0.87,
      unit: 'share',
      better: 'neither',
    }),
    fig({ key: 'overAllocatedPeople', label: 'Over', value: 3, unit: 'count', better: 'lower' }),
    fig({ key: 'changeShare', label: 'Change', value: 0.42, unit: 'share' }),
  ]),
]

describe('writeSummary', () => {
  it('writes a sentence per area from the figures, naming the turns and the spent budget', () => {
    const { text } = writeSummary(NOVEMBER, CTX)
    expect(text).toBe(
      'Tier 1 availability was 99.93% against a 99.9% target (down 0.02 points on October 2026). ' +
        'Two SEV1 incidents consumed 61% of the Payments error budget. ' +
        'There were 14 incidents (2 SEV1), up 3 on October 2026; MTTR was 42 min (down 30%). ' +
        'Project ERP-2 turned red: CPI 0.82 < 0.85. ' +
        'Portfolio CPI was 0.97 against a 0.95 target. ' +
        'Teams were 87% utilized; three people were booked over 100% in at least one week.',
    )
  })

  it('lists what went well and what is at risk', () => {
    const { highlights, risks } = writeSummary(NOVEMBER, CTX)
    expect(risks).toEqual([
      'Tier 2 availability missed its target: 99.21% against 99.5%.',
      'One service used up its error budget.',
      'Three incidents missed their response or resolution target.',
      'ERP-2 ERP upgrade is red: CPI 0.82 < 0.85.',
      'One project is at risk from team capacity.',
      'Three people were over-allocated.',
    ])
    expect(highlights).toEqual([
      'Tier 1 availability met its target at 99.93%.',
      'No incident follow-up actions are overdue.',
      'NET-1 Network refresh is back to green.',
      'Change work took 42% of booked hours.',
      'MTTR: 42 min (down 30% on October 2026).',
    ])
  })

  it('names two projects turned red and counts the rest', () => {
    const red = (code: string) => ({
      code,
      name: code,
      from: 'amber',
      to: 'red',
      reason: 'SPI 0.8 < 0.85',
    })
    const projects = section('projects', [], [table('ragChanges', ['A', 'B', 'C', 'D'].map(red))])
    expect(writeSummary([projects], CTX).text).toBe(
      'Project A turned red: SPI 0.8 < 0.85. Project B turned red: SPI 0.8 < 0.85. ' +
        'Two more projects turned red.',
    )
  })

  it('counts the incidents of the worst severity among those that spent a budget', () => {
    const budgets = (incidents: string, incidentCount: number) => [
      section(
        'services',
        [],
        [
          table('errorBudgets', [
            { service: 'Search', consumed: 0.4, incidents, incidentCount, worstSeverity: 'SEV2' },
          ]),
        ],
      ),
    ]
    expect(writeSummary(budgets('INC-1 (SEV2), INC-2 (SEV3), INC-3 (SEV2)', 3), CTX).text).toBe(
      'Three incidents (two SEV2) consumed 40% of the Search error budget.',
    )
    expect(writeSummary(budgets('INC-1 (SEV2)', 1), CTX).text).toBe(
      'One SEV2 incident consumed 40% of the Search error budget.',
    )
  })

  it('sets a period not over against nothing, and says so', () => {
    const { text, highlights } = writeSummary(NOVEMBER, { ...CTX, partial: { through: '12 Nov' } })
    expect(text).toMatch(
      /^November 2026 is not over: these are its figures to 12 Nov, not compared with October 2026\. Tier 1 availability was 99\.93% against a 99\.9% target\. /,
    )
    expect(text).toContain('There were 14 incidents (2 SEV1); MTTR was 42 min.')
    expect(highlights.some((h) => h.includes('October'))).toBe(false)
  })

  it('tells availability a thousandth finer when it would read as its target', () => {
    const tier = (value: number) =>
      section('services', [
        fig({
          key: 'availability.tier1',
          label: 'Tier 1 availability',
          value,
          unit: 'share',
          target: 0.999,
          targetKind: 'min',
          onTarget: true,
        }),
      ])
    expect(writeSummary([tier(0.99904)], CTX).text).toBe(
      'Tier 1 availability was 99.904% against a 99.9% target.',
    )
    expect(writeSummary([tier(0.999)], CTX).text).toBe(
      'Tier 1 availability was 99.9% against a 99.9% target.',
    )
  })

  it('says no work was booked rather than 0% utilized', () => {
    const capacity = section('capacity', [
      fig({ key: 'utilization', label: 'Utilization', value: 0, unit: 'share', better: 'neither' }),
      fig({ key: 'bookedHours', label: 'Booked', value: 0, unit: 'hours', better: 'neither' }),
      fig({ key: 'changeShare', label: 'Change', value: 0, unit: 'share' }),
    ])
    const { text, highlights } = writeSummary([capacity], CTX)
    expect(text).toBe('No work was booked in the capacity plans for November 2026.')
    expect(highlights).toEqual([])
  })

  it('says so when the period has no figures', () => {
    expect(writeSummary([], CTX)).toEqual({
      text: 'No figures were recorded for November 2026.',
      highlights: [],
      risks: [],
    })
  })

  it('gives the same words for the same data', () => {
    expect(writeSummary(NOVEMBER, CTX)).toEqual(writeSummary(structuredClone(NOVEMBER), CTX))
  })
})
