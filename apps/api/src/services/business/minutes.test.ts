import { ingestSamples, type IngestSample } from '@opsdeck/db'
import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decideHours } from './hours.ts'
import { groupMinutes } from './minutes.ts'
import {
  type GroupMinuteCounts,
  type GroupSpec,
  rawGroupMinutes,
  type WindowStart,
} from './raw-minutes.ts'

// Hours decided whole from the rollups and the samples' minutes must count what the minute by
// minute path counts, on data made to trip a shortcut. Up samples throughout, except:
//  a (every minute at :10)  1 Dec 08:00–08:29 every 30 s, none after: 60 samples, all up, yet
//                           up only 08:00–08:30 (the last covers its minute and the next).
//                           Degraded 09:05, down 10:20, down 12:37:30 (after the end).
//  b (every 5 min, hh:02…)  down 1 Dec 10:57: it decides 11:00 and 11:01 (12 up samples in
//                           11:00, as many as an hour holds). 26 Nov 03:00 has no sample
//                           before it: 03:00 and 03:01 are no data.
//  c (every 30 s)           none 1 Dec 09:10:00–09:14:30: no data 09:11–09:14.
//  d (every minute at :00)  maintenance 1 Dec 11:58:30–12:03:30; on 10 Nov 05:00–05:59 only,
//                           all down: the last decides 06:00 too.
//  e                        1 Dec 07:10:10 and 07:11:10 only.
//  f (every 2 min at :30)   1 Dec 06:00:30–09:59:30, but none at 06:12:30 (06:10:30 covers
//                           06:10–06:12, to the end of its interval): 06:13 is no data. From
//                           08:01:30 on odd minutes: 07:58:30 covers 08:00; from 09:03:30:
//                           08:59:30 covers up to 09:01, so 09:02 is no data.
const TO = new Date('2026-12-01T12:37:00Z')
const at = (iso: string) => new Date(`${iso}Z`)

let t: TestDatabase
const id: Record<string, number> = {}
let groups: GroupSpec[]

const WINDOWS: WindowStart[] = [
  { key: 'h3', from: at('2026-12-01T09:37') },
  { key: 'h24', from: at('2026-11-30T12:37') },
  { key: 'd7', from: at('2026-11-24T12:37') },
  { key: 'd30', from: at('2026-11-01T12:37') },
]

type Status = IngestSample['status']
function every(slug: string, from: string, to: string, stepS: number, status: Status = 'up') {
  const list: IngestSample[] = []
  for (let ms = at(from).getTime(); ms < at(to).getTime(); ms += stepS * 1000) {
    list.push(sample(slug, new Date(ms), status))
  }
  return list
}
const sample = (slug: string, when: Date, status: Status): IngestSample => ({
  serviceId: id[slug]!,
  at: when,
  status,
  latencyMs: 80,
  statusCode: 200,
  error: null,
})
const withStatus = (list: IngestSample[], iso: string, status: Status) =>
  list.map((s) => (s.at.getTime() === at(iso).getTime() ? { ...s, status } : s))

beforeAll(async () => {
  t = await createTestDatabase()
  const intervals = { a: 60, b: 300, c: 30, d: 60, e: 60, f: 120 }
  for (const [slug, checkIntervalSeconds] of Object.entries(intervals)) {
    const row = await t.db
      .insertInto('services')
      .values({ slug, name: slug, tier: 2, sloTarget: 0.99, checkIntervalSeconds })
      .returning('id')
      .executeTakeFirstOrThrow()
    id[slug] = row.id
  }
  await t.db
    .insertInto('maintenanceWindows')
    .values({
      serviceId: id.d!,
      startsAt: at('2026-12-01T11:58:30'),
      endsAt: at('2026-12-01T12:03:30'),
    })
    .execute()
  let a = [
    ...every('a', '2026-11-30T11:00:10', '2026-12-01T08:00', 60),
    ...every('a', '2026-12-01T08:00', '2026-12-01T08:30', 30),
    ...every('a', '2026-12-01T09:00:10', '2026-12-01T12:37', 60),
    sample('a', at('2026-12-01T12:37:30'), 'down'),
  ]
  a = withStatus(withStatus(a, '2026-12-01T09:05:10', 'degraded'), '2026-12-01T10:20:10', 'down')
  const b = withStatus(
    every('b', '2026-11-30T11:02', '2026-12-01T12:37', 300),
    '2026-12-01T10:57',
    'down',
  )
  const c = every('c', '2026-11-30T11:00', '2026-12-01T12:37', 30).filter(
    (s) => s.at < at('2026-12-01T09:10') || s.at >= at('2026-12-01T09:15'),
  )
  const d = every('d', '2026-11-30T11:00', '2026-12-01T12:37', 60)
  const e = [
    sample('e', at('2026-12-01T07:10:10'), 'up'),
    sample('e', at('2026-12-01T07:11:10'), 'up'),
  ]
  const older = [
    ...every('a', '2026-11-26T03:00:10', '2026-11-26T04:00', 60),
    ...every('b', '2026-11-26T03:02', '2026-11-26T04:00', 300),
    ...every('c', '2026-11-26T03:00', '2026-11-26T04:00', 30),
    ...every('d', '2026-11-26T03:00', '2026-11-26T04:00', 60),
    ...every('d', '2026-11-10T05:00', '2026-11-10T06:00', 60, 'down'),
  ]
  const f = [
    ...every('f', '2026-12-01T06:00:30', '2026-12-01T08:00', 120).filter(
      (s) => s.at.getTime() !== at('2026-12-01T06:12:30').getTime(),
    ),
    ...every('f', '2026-12-01T08:01:30', '2026-12-01T09:00', 120),
    ...every('f', '2026-12-01T09:03:30', '2026-12-01T10:00', 120),
  ]
  await ingestSamples(t.db, [...a, ...b, ...c, ...d, ...e, ...f, ...older])
  const spec = (gid: number, needed: number, slugs: string[]) => ({
    id: gid,
    needed,
    serviceIds: slugs.map((s) => id[s]!),
  })
  groups = [
    spec(1, 3, ['a', 'b', 'c']),
    spec(2, 1, ['a', 'e']),
    spec(3, 2, ['b', 'c', 'd', 'e']),
    spec(4, 1, ['d']),
    spec(5, 1, ['e']),
    spec(6, 1, ['f']),
  ]
}, 60_000)
afterAll(() => t.drop())

/** Every group and window, zeros where nothing was counted. */
const plain = (counts: GroupMinuteCounts) =>
  groups.map((g) =>
    WINDOWS.map((w) => ({ g: g.id, w: w.key, ...(counts.get(g.id)?.get(w.key) ?? zero) })),
  )
const zero = { up: 0, down: 0, maintenance: 0 }

/** One hour of one group, minute by minute from the raw samples. */
async function hourOf(groupId: number, hour: string) {
  const group = groups.find((g) => g.id === groupId)!
  const d30 = WINDOWS.filter((w) => w.key === 'd30')
  const counts = await rawGroupMinutes(t.db, [group], d30, TO, [{ groupId, hour: at(hour) }])
  return counts.get(groupId)?.get('d30') ?? zero
}

describe('business service minutes: whole hours from the rollups, the rest minute by minute', () => {
  it('counts what the minute-by-minute path counts, for every rule and window', async () => {
    const fast = await groupMinutes(t.db, groups, WINDOWS, TO)
    const reference = await rawGroupMinutes(t.db, groups, WINDOWS, TO)
    expect(plain(fast)).toEqual(plain(reference))
    // Not vacuous: 1 Dec 00:00–08:00 alone holds 480 up minutes of a, b and c all up.
    expect(fast.get(1)!.get('h24')!.up).toBeGreaterThan(1200)
  })

  it('decides regular hours whole and leaves the tricky ones to the raw samples', async () => {
    const { up, undecided } = await decideHours(t.db, groups, WINDOWS, TO)
    const open = (gid: number) =>
      undecided.filter((h) => h.groupId === gid).map((h) => h.hour.toISOString().slice(0, 13))
    expect(open(1)).toEqual([
      '2026-11-26T03', // b: no sample before 03:02
      '2026-11-26T04', // 03:59's samples reach into it
      '2026-11-30T11', // b: no sample before 11:02
      '2026-12-01T08', // a: 60 samples bunched in half the hour
      '2026-12-01T09', // c: a gap
      '2026-12-01T10', // a: down
      '2026-12-01T11', // b: 10:57's down decides 11:00 and 11:01
      '2026-12-01T12', // the hour still running (and a down after the end)
    ])
    // e has two samples: their hour and the next are counted; every other hour is no data.
    expect(open(5)).toEqual(['2026-12-01T07', '2026-12-01T08'])
    expect(up.get(5)).toBeUndefined()
    // f's gaps, and its last sample reaching into 10:00; 08:00 is whole with 07:58:30's help.
    expect(open(6)).toEqual(['2026-12-01T06', '2026-12-01T09', '2026-12-01T10'])
    expect(up.get(6)!.get('h24')).toBe(120)
    // The last 24 h of "all of a, b, c": 12:37–13:00 of 30 Nov, then 19 whole hours to 08:00.
    expect(up.get(1)!.get('h24')).toBe(23 + 19 * 60)
  })

  it('counts the tricky hours as the rule says', async () => {
    // a's 60 up samples of 08:00: the rollup alone would say 60 up minutes.
    const rollup = await t.db
      .selectFrom('checkRollupHourly')
      .select(['samples', 'up', 'down', 'maintenance'])
      .where('serviceId', '=', id.a!)
      .where('bucketStart', '=', at('2026-12-01T08:00'))
      .executeTakeFirstOrThrow()
    expect(rollup).toEqual({ samples: 60, up: 60, down: 0, maintenance: 0 })
    expect(await hourOf(2, '2026-12-01T08:00')).toEqual({ up: 31, down: 0, maintenance: 0 })
    expect(await hourOf(1, '2026-12-01T11:00')).toEqual({ up: 58, down: 2, maintenance: 0 })
    // c no data 09:11–09:14; a degraded at 09:05 counts as up.
    expect(await hourOf(1, '2026-12-01T09:00')).toEqual({ up: 56, down: 0, maintenance: 0 })
    expect(await hourOf(1, '2026-11-26T03:00')).toEqual({ up: 58, down: 0, maintenance: 0 })
    expect(await hourOf(4, '2026-12-01T11:00')).toEqual({ up: 59, down: 0, maintenance: 1 })
    // 12:00–12:03 in maintenance, 12:04–12:36 up; nothing after the end.
    expect(await hourOf(4, '2026-12-01T12:00')).toEqual({ up: 33, down: 0, maintenance: 4 })
    expect(await hourOf(4, '2026-11-10T06:00')).toEqual({ up: 0, down: 1, maintenance: 0 })
    expect(await hourOf(6, '2026-12-01T06:00')).toEqual({ up: 59, down: 0, maintenance: 0 })
    expect(await hourOf(6, '2026-12-01T08:00')).toEqual({ up: 60, down: 0, maintenance: 0 })
    expect(await hourOf(6, '2026-12-01T09:00')).toEqual({ up: 59, down: 0, maintenance: 0 })
    // 2 of b, c, d, e: e never counts, so b, c and d decide; c's gap leaves b and d.
    expect(await hourOf(3, '2026-12-01T09:00')).toEqual({ up: 60, down: 0, maintenance: 0 })
  })

  it('answers nothing for groups without components or windows', async () => {
    expect((await groupMinutes(t.db, [], WINDOWS, TO)).size).toBe(0)
    const none = await groupMinutes(t.db, groups, [], TO)
    expect([...none.values()].every((w) => w.size === 0)).toBe(true)
  })
})

describe('business service minutes over pseudo-random samples', () => {
  // Hours regular (samples every interval, up or degraded), noisy (irregular steps, any
  // status, a maintenance window) or empty, for three intervals and three rules.
  const to = at('2026-10-10T12:00')
  const windows = [
    { key: 'all', from: at('2026-10-09T23:00') },
    { key: 'part', from: at('2026-10-10T04:17') },
  ]
  let seed = 42
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31

  it('counts what the minute-by-minute path counts', async () => {
    const spec = { r1: 60, r2: 120, r3: 45 }
    const list: IngestSample[] = []
    for (const [slug, checkIntervalSeconds] of Object.entries(spec)) {
      const row = await t.db
        .insertInto('services')
        .values({ slug, name: slug, tier: 2, sloTarget: 0.99, checkIntervalSeconds })
        .returning('id')
        .executeTakeFirstOrThrow()
      id[slug] = row.id
      for (let h = at('2026-10-09T22:00').getTime(); h < to.getTime(); h += 3_600_000) {
        const mode = random()
        if (mode < 0.15) continue
        const regular = mode < 0.75
        for (let ms = h + Math.floor(random() * 60) * 1000; ms < h + 3_600_000;) {
          const r = random()
          const status: Status = regular || r < 0.93 ? (r < 0.1 ? 'degraded' : 'up') : 'down'
          list.push(sample(slug, new Date(ms), status))
          ms += regular
            ? checkIntervalSeconds * 1000
            : Math.ceil(random() * 2.2 * checkIntervalSeconds) * 1000
        }
      }
    }
    await t.db
      .insertInto('maintenanceWindows')
      .values({
        serviceId: id.r2!,
        startsAt: at('2026-10-10T06:40'),
        endsAt: at('2026-10-10T07:25'),
      })
      .execute()
    await ingestSamples(t.db, list)
    const ids = (slugs: string[]) => slugs.map((slug) => id[slug]!)
    const random3 = [
      { id: 11, needed: 3, serviceIds: ids(['r1', 'r2', 'r3']) },
      { id: 12, needed: 1, serviceIds: ids(['r1', 'r2', 'r3']) },
      { id: 13, needed: 2, serviceIds: ids(['r1', 'r2', 'r3']) },
    ]
    const fast = await groupMinutes(t.db, random3, windows, to)
    const reference = await rawGroupMinutes(t.db, random3, windows, to)
    const flat = (m: GroupMinuteCounts) =>
      random3.flatMap((g) => windows.map((w) => m.get(g.id)?.get(w.key) ?? zero))
    expect(flat(fast)).toEqual(flat(reference))
    // Some hours were decided whole, some were not.
    const { up, undecided } = await decideHours(t.db, random3, windows, to)
    expect(up.get(12)?.get('all')).toBeGreaterThan(0)
    expect(undecided.length).toBeGreaterThan(0)
  })
})
