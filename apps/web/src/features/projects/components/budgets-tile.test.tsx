import { render, screen, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { budgetsFixture } from '../../../testing/overview-fixture.ts'
import { BudgetsTile } from './budgets-tile.tsx'

const items = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map((li) => Array.from(li.children, (part) => part.textContent))

describe('Project budgets tile', () => {
  test('lists the projects at risk, red first, each with its badge and reason', () => {
    render(<BudgetsTile budgets={budgetsFixture()} />)
    const list = screen.getByRole('list', { name: 'Projects at risk' })
    expect(items(list)).toEqual([
      ['PRJ-004', 'Data centre exit', 'Red', 'CPI 0.72 < 0.80'],
      ['PRJ-007', 'ERP upgrade', 'Red', 'EAC 121% of BAC > 115%'],
      ['PRJ-002', 'Service desk move', 'Amber', 'SPI 0.91 < 0.95'],
      ['PRJ-009', 'Network refresh', 'Amber', 'CPI 0.88 < 0.90'],
      ['PRJ-011', 'Laptop rollout', 'Amber', 'EAC 107% of BAC > 105%'],
    ])
    expect(screen.getByRole('region', { name: 'Projects at risk' })).toContainElement(list)
  })

  test('says so when no project is red or amber', () => {
    render(<BudgetsTile budgets={{ ...budgetsFixture(), atRisk: [] }} />)
    const region = screen.getByRole('region', { name: 'Projects at risk' })
    expect(region).toHaveTextContent('No project is red or amber')
    expect(within(region).queryByRole('list')).not.toBeInTheDocument()
  })

  test('the RAG rule shown is the organisation’s, not the defaults', () => {
    render(<BudgetsTile budgets={budgetsFixture()} />)
    const tip = screen.getByRole('button', { name: /how project budgets figures are computed/i })
    expect(tip).toHaveAccessibleDescription(
      /red when CPI < 0\.80, SPI < 0\.80 or EAC > 115% of BAC; amber when CPI < 0\.90/,
    )
    expect(tip).not.toHaveAccessibleDescription(/0\.85/)
  })

  test('money in the organisation’s currency', () => {
    render(<BudgetsTile budgets={{ ...budgetsFixture(), currency: 'EUR' }} />)
    const figure = (name: string) => screen.getByRole('group', { name })
    expect(figure('BAC')).toHaveTextContent('€2.5m')
    expect(figure('VAC')).toHaveTextContent('-€184k')
    expect(screen.queryByText(/£/)).not.toBeInTheDocument()
  })
})
