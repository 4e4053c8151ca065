import type { Database } from '@opsdeck/db'
import { type Insertable, type Kysely, sql } from 'kysely'

// The "needs attention" worked example: services with each kind of problem, and some that must
// not appear, read by the services' provider test and the Overview's ranking test (with one
// incident, so that the ranking puts two areas' items together). Now: Wednesday
// 2 December 2026 12:00 UTC (Europe/London is on UTC). A 30-day rolling window starts on
// 2 November 12:00: its whole days (3 November – 1 December) come from the daily rollups, the
// hours of 2 November after 12:00 and of 2 December before it from the hourly ones.
export const ATTENTION_NOW = new Date('2026-12-02T12:00:00Z')
const at = (hhmm: string, day = '2026-12-02') => new Date(`${day}T${hhmm}:00Z`)

export async function seedAttentionExample(db: Kysely<Database>) {
  await sql`SELECT ensure_check_sample_partitions('2026-12-01', '2026-12-02')`.execute(db)
  const ids: Record<string, number> = {}
  const services: Insertable<Database['services']>[] = [
    { slug: 'checkout', name: 'Checkout', tier: 1, sloTarget: 0.999 },
    { slug: 'payments', name: 'Payments', tier: 1, sloTarget: 0.999 },
    { slug: 'mail', name: 'Mail', tier: 2, sloTarget: 0.995 },
    { slug: 'search', name: 'Search', tier: 2, sloTarget: 0.999 },
    { slug: 'ledger', name: 'Ledger', tier: 1, sloTarget: 0.999, sloWindowDays: 7 },
    { slug: 'reports', name: 'Reports', tier: 3, sloTarget: 0.99 },
    { slug: 'fresh', name: 'Fresh', tier: 3, sloTarget: 0.99 },
    // Must not appear: checks switched off, archived, in maintenance, healthy.
    { slug: 'paused', name: 'Paused', tier: 3, sloTarget: 0.99, checkEnabled: false },
    { slug: 'old', name: 'Old', tier: 3, sloTarget: 0.99, archivedAt: '2026-11-01T00:00Z' },
    { slug: 'patching', name: 'Patching', tier: 2, sloTarget: 0.999 },
    { slug: 'healthy', name: 'Healthy', tier: 1, sloTarget: 0.999 },
  ]
  for (const s of services) {
    const row = await db.insertInto('services').values(s).returning('id').executeTakeFirstOrThrow()
    ids[s.slug] = row.id
  }
  const id = (slug: string) => ids[slug] ?? 0

  const minutes = (slug: string, from: string, to: string, status: 'up' | 'down') => {
    const rows = []
    for (let t = at(from).getTime(); t <= at(to).getTime(); t += 60_000) {
      rows.push({ serviceId: id(slug), checkedAt: new Date(t), status })
    }
    return rows
  }
  const latest = (slug: string, status: 'up' | 'down', inMaintenance = false) => ({
    serviceId: id(slug),
    checkedAt: at('11:59'),
    status,
    inMaintenance,
  })
  await db
    .insertInto('checkSamples')
    .values([
      ...minutes('checkout', '11:30', '11:35', 'down'),
      ...minutes('checkout', '11:36', '11:47', 'up'),
      ...minutes('checkout', '11:48', '11:59', 'down'),
      { serviceId: id('reports'), checkedAt: at('09:00'), status: 'up' },
      latest('payments', 'up'),
      latest('mail', 'up'),
      latest('search', 'up'),
      latest('ledger', 'up'),
      latest('healthy', 'up'),
      latest('old', 'down'),
      latest('patching', 'down', true),
    ])
    .execute()

  const day = (slug: string, d: string, up: number, down: number) => ({
    serviceId: id(slug),
    bucketStart: `${d}T00:00Z`,
    samples: up + down,
    up,
    down,
  })
  const days = (slug: string, down: number) =>
    Array.from({ length: 29 }, (_, i) =>
      day(slug, new Date(Date.UTC(2026, 10, 3 + i)).toISOString().slice(0, 10), 1440 - down, down),
    )
  await db
    .insertInto('checkRollupDaily')
    .values([
      // Search: 1 min down on each whole day of the window, 29 in all.
      ...days('search', 1),
      // Outside the window: 2 November is a partial day (read hourly), 1 November before it.
      day('search', '2026-11-02', 1390, 50),
      day('search', '2026-11-01', 1340, 100),
      ...days('healthy', 0),
      day('ledger', '2026-12-01', 1420, 20),
      day('ledger', '2026-11-20', 1340, 100),
    ])
    .execute()
  await db
    .insertInto('checkRollupHourly')
    .values([
      // Before the window's first hour (12:00 on 2 November).
      { serviceId: id('search'), bucketStart: '2026-11-02T10:00Z', samples: 60, down: 60 },
      { serviceId: id('search'), bucketStart: '2026-12-02T10:00Z', samples: 60, up: 60 },
    ])
    .execute()

  const alert = { threshold: 14.4, longBurnRate: 16.2, shortBurnRate: 18.4, peakBurnRate: 19 }
  await db
    .insertInto('sloAlerts')
    .values([
      {
        ...alert,
        serviceId: id('payments'),
        severity: 'page',
        rule: '1h/5m',
        startedAt: at('11:30'),
      },
      {
        ...alert,
        serviceId: id('payments'),
        severity: 'page',
        rule: '6h/30m',
        threshold: 6,
        longBurnRate: 7.1,
        shortBurnRate: 9,
        startedAt: at('11:10'),
      },
      {
        ...alert,
        serviceId: id('payments'),
        severity: 'ticket',
        rule: '24h/2h',
        threshold: 3,
        startedAt: at('20:00', '2026-12-01'),
      },
      {
        ...alert,
        serviceId: id('mail'),
        severity: 'ticket',
        rule: '3d/6h',
        threshold: 1,
        longBurnRate: 1.4,
        shortBurnRate: 2.4,
        startedAt: at('08:00', '2026-12-01'),
      },
      // Ended: no longer needs attention.
      {
        ...alert,
        serviceId: id('healthy'),
        severity: 'page',
        rule: '1h/5m',
        startedAt: at('03:00'),
        endedAt: at('03:20'),
      },
    ])
    .execute()

  // An incident open an hour (SEV2: critical) with a follow-up overdue since 1 December.
  const incident = await db
    .insertInto('incidents')
    .values({
      ref: 'INC-2026-0042',
      title: 'Card payments failing',
      severity: 'SEV2',
      status: 'investigating',
      startedAt: at('11:00'),
      acknowledgedAt: at('11:04'),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('incidentActions')
    .values({ incidentId: incident.id, title: 'Add a payments runbook', dueOn: '2026-11-30' })
    .execute()
}
