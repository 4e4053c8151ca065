import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupApp } from '../../test/helpers.ts'
import { getOrganisation } from '../lib/organisation.ts'
import { HISTORY_DAYS, projectsAttention } from './attention.ts'

// Now Saturday 4 July 2026 13:00 in London (BST): figures as of that day. Every project runs
// 1 Jan – 31 Dec 2026 (365 days) with BAC £10,000 and no baseline, so PV is linear: 185/365 of
// BAC today = 506,849 p. Days below are London days; `since` is their midnight (23:00Z before).
//   OVER  AC 500,000 (1 Mar) + 540,000 (15 Jun) = 104%: over on 15 Jun. 95% done → EV 950,000,
//         CPI 0.91, EAC 109% of BAC: amber, not red. Critical "104% of budget spent".
//   NEAR  AC 300,000 (1 Feb) + 550,000 (10 May) = 85%: past 80% on 10 May. 90% done: green.
//   RED   No progress 1–4 Jan (SPI 0: red), 60% from 5 Jan (green); AC 300,000 (1 Feb) and
//         420,000 (10 Jun) → CPI 600/720 = 0.83: red again from 10 Jun. 72% spent; SPI 1.18.
//   LATE  46% from 1 Jun → EV 460,000; AC 400,000 (CPI 1.15). SPI today 460,000 / 506,849 =
//         0.9076 (amber): 365 / 0.9076 = 402.2 → 403 days → 7 Feb 2027, 38 days late. SPI fell
//         below 1 on 17 Jun (day 168: PV 460,274), when the forecast first passed 31 Dec.
//   FINE  AC 400,000, 55% → CPI 1.375, SPI 1.085: nothing.  SHUT is closed and overspent: not live.
// The bound of the history worked (HISTORY_DAYS, 400 days before today: 30 May 2025), for two
// projects running 1 Jan 2024 – 31 Dec 2027 (BAC £10,000):
//   LONG  AC 1,050,000 on 1 Mar 2024 and 100% done that day: 105% spent ever since, CPI 0.95
//         (amber, not red), SPI over 1. Critical "105% of budget spent", since 30 May 2025.
//   STUCK No progress and no costs: SPI 0 (red) since its second day. Critical, since 30 May 2025.
const NOW = new Date('2026-07-04T12:00:00Z')
const midnight = (day: string) => new Date(`${day}T00:00:00+01:00`).toISOString()

let ctx: Awaited<ReturnType<typeof setupApp>>
beforeAll(async () => {
  ctx = await setupApp(NOW)
  await seed(ctx.db)
})
afterAll(() => ctx.drop())

async function items() {
  const org = await getOrganisation(ctx.db)
  const range = { from: new Date('2026-06-01T00:00:00Z'), to: NOW }
  const list = await projectsAttention(ctx.db, { range, now: NOW, org })
  return list.sort((a, b) => a.title.localeCompare(b.title) || a.reason.localeCompare(b.reason))
}

describe('projectsAttention', () => {
  it('lists each rule crossed, with its reason, severity, start and link', async () => {
    expect(await items()).toEqual([
      {
        area: 'projects',
        severity: 'warning',
        title: 'LATE: Late',
        reason: 'Forecast to finish 7 Feb 2027, 38 days after its end date',
        href: '/projects/LATE',
        since: midnight('2026-06-17'),
      },
      {
        area: 'projects',
        severity: 'critical',
        title: 'LONG: Long',
        reason: '105% of budget spent (£10,500 of £10,000)',
        href: '/projects/LONG',
        since: midnight('2025-05-30'),
      },
      {
        area: 'projects',
        severity: 'warning',
        title: 'NEAR: Near',
        reason: '85% of budget spent (£8,500 of £10,000)',
        href: '/projects/NEAR',
        since: midnight('2026-05-10'),
      },
      {
        area: 'projects',
        severity: 'critical',
        title: 'OVER: Over',
        reason: '104% of budget spent (£10,400 of £10,000)',
        href: '/projects/OVER',
        since: midnight('2026-06-15'),
      },
      {
        area: 'projects',
        severity: 'critical',
        title: 'RED: Red',
        reason: 'CPI 0.83 < 0.85',
        href: '/projects/RED',
        since: midnight('2026-06-10'),
      },
      {
        area: 'projects',
        severity: 'critical',
        title: 'STUCK: Stuck',
        reason: 'SPI 0.00 < 0.85',
        href: '/projects/STUCK',
        since: midnight('2025-05-30'),
      },
    ])
  })

  it('dates an item standing longer than HISTORY_DAYS from HISTORY_DAYS before today', async () => {
    expect(HISTORY_DAYS).toBe(400)
    const long = (await items()).filter((i) => ['LONG: Long', 'STUCK: Stuck'].includes(i.title))
    expect(
      long.map(({ severity, title, reason, since }) => ({ severity, title, reason, since })),
    ).toEqual([
      {
        severity: 'critical',
        title: 'LONG: Long',
        reason: '105% of budget spent (£10,500 of £10,000)',
        since: midnight('2025-05-30'),
      },
      {
        severity: 'critical',
        title: 'STUCK: Stuck',
        reason: 'SPI 0.00 < 0.85',
        since: midnight('2025-05-30'),
      },
    ])
  })

  it('leaves out a healthy project and any that is not live', async () => {
    const titles = (await items()).map((i) => i.title)
    expect(titles).not.toContain('FINE: Fine')
    expect(titles).not.toContain('SHUT: Shut')
  })
})

async function seed(db: Kysely<Database>) {
  const ids: Record<string, number> = {}
  for (const code of ['OVER', 'NEAR', 'RED', 'LATE', 'FINE', 'SHUT', 'LONG', 'STUCK']) {
    const name = code[0] + code.slice(1).toLowerCase()
    const status = code === 'SHUT' ? ('closed' as const) : ('active' as const)
    const [startDate, endDate] =
      code === 'LONG' || code === 'STUCK'
        ? ['2024-01-01', '2027-12-31']
        : ['2026-01-01', '2026-12-31']
    const { id } = await db
      .insertInto('projects')
      .values({ code, name, status, startDate, endDate })
      .returning('id')
      .executeTakeFirstOrThrow()
    ids[code] = id
    await db
      .insertInto('projectBudgetLines')
      .values({
        projectId: id,
        name: 'All',
        category: 'services',
        spendType: 'opex',
        amountPence: 1_000_000,
      })
      .execute()
  }
  const id = (code: string) => ids[code] ?? 0
  const cost = (code: string, incurredOn: string, amountPence: number) => ({
    projectId: id(code),
    incurredOn,
    amountPence,
    category: 'services' as const,
    spendType: 'opex' as const,
  })
  await db
    .insertInto('costEntries')
    .values([
      cost('OVER', '2026-03-01', 500_000),
      cost('OVER', '2026-06-15', 540_000),
      cost('NEAR', '2026-02-01', 300_000),
      cost('NEAR', '2026-05-10', 550_000),
      cost('RED', '2026-02-01', 300_000),
      cost('RED', '2026-06-10', 420_000),
      cost('LATE', '2026-03-01', 400_000),
      cost('FINE', '2026-03-01', 400_000),
      cost('SHUT', '2026-03-01', 2_000_000),
      cost('LONG', '2024-03-01', 1_050_000),
      cost('OVER', '2026-07-05', 1_000_000), // tomorrow
    ])
    .execute()
  const progress = (code: string, asOf: string, percentComplete: number) => ({
    projectId: id(code),
    asOf,
    percentComplete,
  })
  await db
    .insertInto('projectProgress')
    .values([
      progress('OVER', '2026-06-30', 95),
      progress('NEAR', '2026-06-30', 90),
      progress('RED', '2026-01-05', 60),
      progress('LATE', '2026-06-01', 46),
      progress('FINE', '2026-06-30', 55),
      progress('LONG', '2024-03-01', 100),
    ])
    .execute()
}
