import { describe, expect, test } from 'vitest'
import {
  citizenPortal,
  financeErp,
  networkRefresh,
  portfolioFixture,
  printFleet,
  suppliersFixture,
  wifiLibraries,
} from '../../testing/portfolio-fixture.ts'
import {
  poundsToPence,
  toNewProject,
  emptyNewProject,
  newProjectFieldOf,
  ownerChoices,
} from './portfolio-new-project.ts'
import {
  budgetVsEac,
  budgetVsEacSummary,
  capacityRiskWords,
  capexOpexRows,
  capexOpexSummary,
  indexText,
  indexTone,
  ragTally,
  sortProjects,
  supplierRows,
  supplierSummary,
} from './portfolio-transform.ts'
import {
  nextSort,
  parsePortfolioView,
  portfolioAsOf,
  statusQuery,
  supplierQuery,
  withPortfolioView,
} from './portfolio-view.ts'

const ALL = [networkRefresh(), citizenPortal(), financeErp(), wifiLibraries(), printFleet()]
const codes = (list: { code: string }[]) => list.map((p) => p.code)

describe('sortProjects', () => {
  test('by an index: n/a last in both directions, ties by code', () => {
    expect(codes(sortProjects(ALL, 'cpi', 'asc'))).toEqual([
      'PRJ-0015',
      'PRJ-0021',
      'PRJ-0031',
      'PRJ-0018',
      'PRJ-0033',
    ])
    expect(codes(sortProjects(ALL, 'cpi', 'desc'))).toEqual([
      'PRJ-0018',
      'PRJ-0031',
      'PRJ-0021',
      'PRJ-0015',
      'PRJ-0033',
    ])
  })

  test('RAG red first then amber, green, not rated; ties by code', () => {
    expect(codes(sortProjects(ALL, 'rag', 'asc'))).toEqual([
      'PRJ-0015',
      'PRJ-0021',
      'PRJ-0031',
      'PRJ-0018',
      'PRJ-0033',
    ])
  })

  test('by owner name and by forecast finish, nobody and no forecast last', () => {
    expect(codes(sortProjects(ALL, 'owner', 'asc'))).toEqual([
      'PRJ-0015',
      'PRJ-0031',
      'PRJ-0021',
      'PRJ-0018',
      'PRJ-0033',
    ])
    expect(codes(sortProjects(ALL, 'finish', 'desc'))).toEqual([
      'PRJ-0021',
      'PRJ-0015',
      'PRJ-0018',
      'PRJ-0031',
      'PRJ-0033',
    ])
  })

  test('leaves its input alone', () => {
    const input = [...ALL]
    sortProjects(input, 'bac', 'desc')
    expect(codes(input)).toEqual(codes(ALL))
  })
})

test('indexText: two decimals, n/a for null and anything not finite', () => {
  expect(indexText(0.8)).toBe('0.80')
  expect(indexText(1.0349)).toBe('1.03')
  expect(indexText(null)).toBe('n/a')
  expect(indexText(Number.NaN)).toBe('n/a')
  expect(indexText(Number.POSITIVE_INFINITY)).toBe('n/a')
})

test('ragTally counts every colour, red first, none left out', () => {
  expect(ragTally(ALL).map((r) => [r.label, r.count])).toEqual([
    ['Red', 2],
    ['Amber', 1],
    ['Green', 1],
    ['Not rated', 1],
  ])
  expect(ragTally([]).map((r) => r.count)).toEqual([0, 0, 0, 0])
})

test('budget against EAC: largest budget first, EAC n/a said in words', () => {
  const rows = budgetVsEac(ALL)
  expect(rows.map((r) => [r.code, r.bac, r.eac])).toEqual([
    ['PRJ-0015', 185_000_000, 231_250_000],
    ['PRJ-0021', 120_000_000, 136_400_000],
    ['PRJ-0018', 78_000_000, 75_730_000],
    ['PRJ-0033', 21_000_000, null],
    ['PRJ-0031', 4_800_000, 4_848_000],
  ])
  expect(budgetVsEacSummary(rows.slice(2, 4), 'GBP')).toBe(
    'Budget (BAC) and estimate at completion (EAC) by project: PRJ-0018 budget £780k, EAC £757.3k; PRJ-0033 budget £210k, EAC n/a.',
  )
  expect(budgetVsEacSummary([], 'GBP')).toBe('No projects to chart.')
})

test('capex and opex: budget and actual to date, as the API split them', () => {
  const rows = capexOpexRows(portfolioFixture().capexOpex)
  expect(rows).toEqual([
    { label: 'Capex', budget: 300_720_000, actual: 142_100_000 },
    { label: 'Opex', budget: 108_080_000, actual: 56_030_000 },
  ])
  expect(capexOpexSummary(rows, 'EUR')).toBe(
    'Budget and actual cost to date by spend type: Capex budget €3m, spent €1.4m; Opex budget €1.1m, spent €560.3k.',
  )
})

test('suppliers: the API’s top ten and Other, Other naming how many it sums', () => {
  const rows = supplierRows(suppliersFixture().top)
  expect(rows.map((r) => r.supplier)).toEqual(['Computacenter', 'Softcat', 'Other (4 suppliers)'])
  expect(supplierSummary(rows, 'GBP')).toBe(
    'Spend by supplier, largest first: Computacenter £60k (60.0%); Softcat £30k (30.0%); Other (4 suppliers) £10k (10.0%).',
  )
  expect(supplierSummary([], 'GBP')).toBe('No spend recorded in this range.')
})

describe('the view in the URL', () => {
  test('round trip, defaults left out, the range kept, nonsense ignored', () => {
    const params = new URLSearchParams('range=7d&status=closed&sort=vac&order=desc')
    const view = parsePortfolioView(params)
    expect(view).toEqual({ status: 'closed', sort: 'vac', order: 'desc' })
    expect(withPortfolioView(params, view).toString()).toBe(
      'range=7d&status=closed&sort=vac&order=desc',
    )
    expect(
      withPortfolioView(params, { status: 'live', sort: 'project', order: 'asc' }).toString(),
    ).toBe('range=7d')
    expect(parsePortfolioView(new URLSearchParams('status=gone&sort=drop'))).toEqual({
      status: 'live',
      sort: 'project',
      order: 'asc',
    })
  })

  test('a header pressed: worst first for indices and VAC, largest first for money; again flips', () => {
    const view = parsePortfolioView(new URLSearchParams())
    expect(nextSort(view, 'cpi')).toMatchObject({ sort: 'cpi', order: 'asc' })
    expect(nextSort(view, 'eac')).toMatchObject({ sort: 'eac', order: 'desc' })
    expect(nextSort(view, 'vac')).toMatchObject({ sort: 'vac', order: 'asc' })
    expect(nextSort(nextSort(view, 'cpi'), 'cpi')).toMatchObject({ sort: 'cpi', order: 'desc' })
  })

  test('statuses asked for: live is the API default, all names every status', () => {
    expect(statusQuery('live')).toEqual({})
    expect(statusQuery('all')).toEqual({ status: 'proposed,active,on_hold,closed,cancelled' })
    expect(statusQuery('on_hold')).toEqual({ status: 'on_hold' })
  })

  test('as of the range’s last day; today (the API’s default) for a preset or a range reaching it', () => {
    const now = new Date(2026, 10, 27, 14)
    expect(portfolioAsOf({ preset: '90d' }, now)).toEqual({})
    expect(portfolioAsOf({ from: '2026-01-01', to: '2026-03-31' }, now)).toEqual({
      asOf: '2026-03-31',
    })
    expect(portfolioAsOf({ from: '2026-11-01', to: '2026-12-31' }, now)).toEqual({})
    // An instant's `to` is exclusive: the day of the moment before it.
    const to = new Date(2026, 2, 1).toISOString()
    expect(portfolioAsOf({ from: '2026-01-01', to }, now)).toEqual({ asOf: '2026-02-28' })
  })

  test('supplier days: a preset from its first day to today, a custom range as its days', () => {
    const now = new Date(2026, 10, 27, 14)
    expect(supplierQuery({ preset: '7d' }, now)).toEqual({ from: '2026-11-20' })
    expect(supplierQuery({ from: '2026-01-01', to: '2026-03-31' }, now)).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    })
  })
})

describe('the new project form', () => {
  test('pounds as typed into exact pence; anything else refused', () => {
    expect(poundsToPence('12,500.50')).toBe(1_250_050)
    expect(poundsToPence('£1,234,567.8')).toBe(123_456_780)
    expect(poundsToPence(' 0.07 ')).toBe(7)
    expect(poundsToPence('1234')).toBe(123_400)
    // 0.29 * 100 is 28.999… in floating point: the pence are read from the digits.
    expect(poundsToPence('0.29')).toBe(29)
    for (const bad of ['', '£1,2,3', '12.345', '-5', '1,23', 'abc', '12,500.'])
      expect(poundsToPence(bad)).toBeNull()
  })

  test('blank lines are not sent, and the API’s line index lands on the right row', () => {
    const form = {
      ...emptyNewProject(),
      code: 'PRJ-0040',
      name: 'Backups',
      startDate: '2027-01-01',
      endDate: '2027-06-30',
      lines: [
        { name: '', category: 'labour', spendType: 'capex', amount: '' },
        { name: 'Appliances', category: 'hardware', spendType: 'capex', amount: '9,000' },
      ] as const satisfies ReturnType<typeof emptyNewProject>['lines'],
    }
    const mutable = { ...form, lines: form.lines.map((l) => ({ ...l })) }
    expect(toNewProject(mutable).lines).toEqual([
      { name: 'Appliances', category: 'hardware', spendType: 'capex', amountPence: 900_000 },
    ])
    expect(newProjectFieldOf('lines.0.amountPence', mutable)).toBe('lines.1.amount')
    expect(newProjectFieldOf('ownerPersonId', mutable)).toBe('owner')
    expect(newProjectFieldOf('code', mutable)).toBe('code')
    expect(newProjectFieldOf('lines', mutable)).toBe('lines')
    expect(newProjectFieldOf('surprise', mutable)).toBeNull()
  })

  test('owners of one name are told apart by team', () => {
    expect(
      ownerChoices([
        { id: 1, name: 'Sam Lee', team: 'Payments' },
        { id: 2, name: 'Sam Lee', team: 'Networks' },
        { id: 3, name: 'Ada Lovelace', team: 'Platform' },
      ]),
    ).toEqual([
      ['1', 'Sam Lee (Payments)'],
      ['2', 'Sam Lee (Networks)'],
      ['3', 'Ada Lovelace'],
    ])
  })
})

test('indexTone: behind below 1 as the figure reads, none for n/a', () => {
  expect(indexTone(0.8)).toBe('bad')
  expect(indexTone(0.994)).toBe('bad')
  // Reads 1.00: not shown as behind.
  expect(indexTone(0.998)).toBeUndefined()
  expect(indexTone(1.2)).toBeUndefined()
  expect(indexTone(null)).toBeUndefined()
})

describe('capacityRiskWords', () => {
  test('says how many are over 110% and on leave, leaving out what is none', () => {
    const risk = networkRefresh().capacityRisk
    if (!risk) throw new Error('the fixture has a risk')
    expect(capacityRiskWords(risk)).toBe('3 over 110%, 2 on leave')
    expect(capacityRiskWords({ ...risk, onLeave: { count: 0, weeks: [] } })).toBe('3 over 110%')
    expect(capacityRiskWords({ ...risk, overbooked: { count: 0, weeks: [] } })).toBe('2 on leave')
  })
})
