import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { createApp } from '../src/app.ts'
import { measure, type Measured, ok } from './measure.ts'
import { BIG_PROJECT } from './projects-dataset.ts'

interface Context {
  app: ReturnType<typeof createApp>
  db: Kysely<Database>
  now: Date
  authorization: string
}

const DAY_MS = 86_400_000

/** The projects area's reads, in-process through the whole app (auth, validation, JSON). */
export async function projectMeasurements({ app, db, now, authorization }: Context) {
  const get = (url: string) => ok(app.request(url, { headers: { Authorization: authorization } }))
  const { timezone } = await db
    .selectFrom('organisationSettings')
    .select('timezone')
    .executeTakeFirstOrThrow()
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(now)
  const dayBefore = (days: number) =>
    new Date(Date.parse(today) - days * DAY_MS).toISOString().slice(0, 10)
  const big = await db
    .selectFrom('projects as p')
    .innerJoin('costEntries as c', 'c.projectId', 'p.id')
    .select((eb) => eb.fn.countAll<number>().as('entries'))
    .where('p.code', '=', BIG_PROJECT)
    .executeTakeFirstOrThrow()
  // The filtered page: one of its lines' categories and Supplier 001, the commonest supplier.
  const line = await db
    .selectFrom('projectBudgetLines as l')
    .innerJoin('projects as p', 'p.id', 'l.projectId')
    .select('l.category')
    .where('p.code', '=', BIG_PROJECT)
    .orderBy('l.id')
    .executeTakeFirstOrThrow()
  const entries = Number(big.entries).toLocaleString('en-GB')
  const statuses = 'proposed,active,on_hold,closed,cancelled'
  const filter = new URLSearchParams({
    from: dayBefore(365),
    to: today,
    category: line.category,
    supplier: 'Supplier 001',
  })

  return [
    await measure('GET /api/v1/portfolio (live: active, on hold)', () => get('/api/v1/portfolio')),
    await measure('GET /api/v1/portfolio (all five statuses)', () =>
      get(`/api/v1/portfolio?status=${statuses}`),
    ),
    await measure(`GET /api/v1/projects/${BIG_PROJECT}/evm (${entries} entries, 3 years)`, () =>
      get(`/api/v1/projects/${BIG_PROJECT}/evm`),
    ),
    await measure('GET /api/v1/suppliers (default: 12 months)', () => get('/api/v1/suppliers')),
    await measure('GET /api/v1/suppliers (400 days)', () =>
      get(`/api/v1/suppliers?from=${dayBefore(399)}&to=${today}`),
    ),
    await measure(`GET /api/v1/projects/${BIG_PROJECT}/actuals (first page of 50)`, () =>
      get(`/api/v1/projects/${BIG_PROJECT}/actuals`),
    ),
    await measure(
      `GET /api/v1/projects/${BIG_PROJECT}/actuals (a year, ${line.category}, Supplier 001)`,
      () => get(`/api/v1/projects/${BIG_PROJECT}/actuals?${filter.toString()}`),
    ),
    await measure(`GET /api/v1/projects/${BIG_PROJECT}/actuals?q=credit (text search)`, () =>
      get(`/api/v1/projects/${BIG_PROJECT}/actuals?q=credit`),
    ),
    await measure('GET /api/v1/projects/summary', () => get('/api/v1/projects/summary')),
    await measure('GET /api/v1/overview (every area, needs attention)', () =>
      get('/api/v1/overview'),
    ),
    await measure(`GET /api/v1/projects/exports/actuals.csv?project=${BIG_PROJECT}`, () =>
      get(`/api/v1/projects/exports/actuals.csv?project=${BIG_PROJECT}`),
    ),
  ] satisfies Measured[]
}
