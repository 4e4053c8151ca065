import { beforeAll, describe, expect, it } from 'vitest'
import { useClockedApp } from '../../test/helpers.ts'
import { AttentionItem } from '../lib/attention.ts'
import { scopeOf } from '../lib/scope.ts'
import { capacityAttention } from './attention.ts'
import { capacityRows } from './grid/fixture.ts'

// Capacity's "needs attention" items over worked examples. Now: Wednesday 9 December 2026 12:00
// in Europe/London (on UTC), so this week is 7 December (ISO week 50) and the next 14 December
// (51); the twelve weeks run to Sunday 28 February 2027. England's holidays: Fri 25 and Mon 28
// December, Fri 1 January. 2026 has 53 ISO weeks: 28 December starts week 53, 4 January week 1.
const NOW = new Date('2026-12-09T12:00:00Z')
const ctx = useClockedApp(NOW)
const rows = capacityRows(() => ctx.db)

const ids: Record<string, number> = {}
let items: AttentionItem[] = []

async function team(slug: string, name: string) {
  return await ctx.db
    .insertInto('teams')
    .values({ slug, name })
    .returning(['id', 'slug', 'name'])
    .executeTakeFirstOrThrow()
}

beforeAll(async () => {
  // Over-allocated people, each in a team of their own (no tier-1 services).
  const sanjay = await rows.person((await team('sanjay', 'Sanjay’s team')).id, 'Sanjay Mehta')
  await rows.allocate(sanjay, { firstDay: '2026-12-07', lastDay: '2026-12-20', hoursPerWeek: 46 })
  const ann = await rows.person((await team('ann', 'Ann’s team')).id, 'Ann Lee')
  await rows.allocate(ann, { firstDay: '2026-12-07', lastDay: '2026-12-13', hoursPerWeek: 40 })
  // Tentative work is left out of the person's weeks; week 52 is beyond the next two.
  await rows.allocate(ann, {
    firstDay: '2026-12-14',
    lastDay: '2026-12-20',
    hoursPerWeek: 10,
    status: 'tentative',
  })
  await rows.allocate(ann, { firstDay: '2026-12-21', lastDay: '2026-12-27', hoursPerWeek: 60 })
  const bo = await rows.person((await team('bo', 'Bo’s team')).id, 'Bo Chen')
  await rows.allocate(bo, { firstDay: '2026-12-07', lastDay: '2026-12-13', hoursPerWeek: 37.5 })
  await rows.leave(bo, '2026-12-10', '2026-12-10', true)
  const fine = await rows.person((await team('fine', 'Fine team')).id, 'Fay Fine')
  await rows.allocate(fine, { firstDay: '2026-12-07', lastDay: '2027-02-28', hoursPerWeek: 37.5 })
  Object.assign(ids, { sanjay, ann, bo, fine })

  // Cover: Networks & Security owns two tier-1 services (and a tier-2 and an archived tier-1 one).
  const net = await team('netsec', 'Networks & Security')
  const [kim, lou] = [await rows.person(net.id, 'Kim'), await rows.person(net.id, 'Lou')]
  await rows.leave(kim, '2026-12-07') // before today: past, not a risk
  await rows.leave(lou, '2027-01-15')
  await rows.leave(lou, '2027-01-18')
  await rows.leave(kim, '2026-12-25') // a bank holiday: no working day of the organisation
  const svc = (slug: string, name: string, tier: number, archivedAt: string | null = null) => ({
    slug,
    name,
    tier,
    sloTarget: 0.999,
    ownerTeamId: net.id,
    archivedAt,
  })
  await ctx.db
    .insertInto('services')
    .values([
      svc('vpn', 'VPN', 1),
      svc('core', 'Core network', 1),
      svc('wiki', 'Wiki', 2),
      svc('old', 'Old exchange', 1, '2026-11-01T00:00:00Z'),
    ])
    .execute()
  // A one-person team owning no tier-1 service has no cover risk (Sanjay's, Ann's, Bo's).

  // The forecast: confirmed work fits, tentative work on top does not over the holidays.
  const plat = await team('plat', 'Platform')
  const pia = await rows.person(plat.id, 'Pia')
  await rows.allocate(pia, { firstDay: '2026-12-07', lastDay: '2027-02-28', hoursPerWeek: 30 })
  await rows.allocate(pia, {
    firstDay: '2026-12-28',
    lastDay: '2027-01-10',
    hoursPerWeek: 15,
    status: 'tentative',
  })

  const scope = await scopeOf(ctx.db, {}, NOW)
  if (!scope.ok) throw new Error(scope.message)
  items = await capacityAttention(ctx.db, scope.scope)
  for (const i of items) AttentionItem.parse(i)
})

const only = (prefix: string) =>
  items
    .filter((i) => i.href.startsWith(prefix))
    .map((i) => [i.severity, i.title, i.reason, i.href])
    .sort((a, b) => String(a[1]).localeCompare(String(b[1])))

describe('capacity: needs attention', () => {
  it('names each person over-allocated this week or next once, with the weeks', () => {
    expect(only('/capacity/people/')).toEqual([
      // 40 / 37.5 = 107%: a warning. Week 51's tentative 10 h and week 52's 60 h are not named.
      [
        'warning',
        'Ann Lee',
        'Booked 40 of 37.5 h (107%) in week 50',
        `/capacity/people/${ids.ann}`,
      ],
      // 37.5 h booked; half a day of leave leaves 33.75 h: 37.5 / 33.75 = 111%, with work on the leave.
      [
        'critical',
        'Bo Chen',
        'Booked 37.5 of 33.75 h (111%) in week 50, with work booked over leave on Thu 10 Dec',
        `/capacity/people/${ids.bo}`,
      ],
      // 46 / 37.5 = 122.7% in both weeks: critical, over 120%.
      [
        'critical',
        'Sanjay Mehta',
        'Booked 46 of 37.5 h (123%) in weeks 50–51, over 120%',
        `/capacity/people/${ids.sanjay}`,
      ],
    ])
    for (const i of items) expect(i).toMatchObject({ area: 'capacity', since: null })
  })

  it('names a team of tier-1 services short of cover from today on, once', () => {
    // Kim's leave on Monday is before today; Christmas Day is no working day. Lou's two days off
    // leave Kim alone on Fri 15 and Mon 18 January (weeks 2 and 3).
    expect(only('/capacity?team=netsec')).toEqual([
      [
        'warning',
        'Networks & Security',
        '1 person available on Fri 15 Jan for Core network, VPN, and 1 more day short in weeks 2–3',
        '/capacity?team=netsec',
      ],
    ])
    expect(items.filter((i) => i.href === '/capacity?team=sanjay')).toEqual([])
  })

  it('names a team over capacity in the forecast with tentative work', () => {
    // Pia: 30 h confirmed a week. Week 53 (28 December, two holidays): 3 × 7.5 = 22.5 h, booked
    // (30 + 15) × 3/5 = 27 h, 120%; week 1: 37.5 h, booked 45 h, 120%.
    expect(only('/capacity?team=plat')).toEqual([
      [
        'warning',
        'Platform',
        'Booked over capacity, tentative work included, in weeks 53, 1: at most 27 of 22.5 h (120%) in week 53',
        '/capacity?team=plat&tentative=1',
      ],
    ])
    // Sanjay's team, over in weeks 50–51 with confirmed work alone; Fay's team is full, not over.
    expect(only('/capacity?team=sanjay&')).toEqual([
      [
        'warning',
        'Sanjay’s team',
        'Booked over capacity, tentative work included, in weeks 50–51: at most 46 of 37.5 h (123%) in week 50',
        '/capacity?team=sanjay&tentative=1',
      ],
    ])
    expect(only('/capacity?team=fine')).toEqual([])
  })
})
