import { describe, expect, it } from 'vitest'
import type { AttentionItem } from '../lib/attention.ts'
import { rankAttention } from './attention.ts'

const item = (
  area: AttentionItem['area'],
  severity: AttentionItem['severity'],
  title: string,
  since: string | null,
): AttentionItem => ({ area, severity, title, reason: `${title} reason`, href: '/', since })

describe('rankAttention', () => {
  it('orders by severity, then area, then longest-standing, then title', () => {
    const items = [
      item('capacity', 'warning', 'Ann over-booked', '2026-12-01T00:00:00Z'),
      item('incidents', 'critical', 'INC-7 unacknowledged', '2026-12-02T11:00:00Z'),
      item('services', 'warning', 'Search', null),
      item('services', 'critical', 'Checkout', '2026-12-02T11:48:00Z'),
      item('services', 'warning', 'Mail', '2026-12-01T08:00:00Z'),
      item('services', 'critical', 'Payments', '2026-12-02T11:10:00Z'),
      item('services', 'warning', 'Fresh', null),
      item('projects', 'critical', 'ERP upgrade', null),
    ]
    expect(rankAttention(items).map((i) => i.title)).toEqual([
      'Payments',
      'Checkout',
      'INC-7 unacknowledged',
      'ERP upgrade',
      'Mail',
      'Fresh',
      'Search',
      'Ann over-booked',
    ])
  })

  it('gives the same order whatever order the providers answered in', () => {
    const items = [
      item('services', 'warning', 'B', null),
      item('services', 'warning', 'A', null),
      item('services', 'critical', 'C', '2026-12-02T10:00:00Z'),
    ]
    expect(rankAttention(items)).toEqual(rankAttention([...items].reverse()))
    expect(items.map((i) => i.title)).toEqual(['B', 'A', 'C']) // not sorted in place
  })
})
