import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { loginAs, setupApp } from './helpers.ts'
import { seedCapacityExample } from './worked-example-capacity.ts'
import { seedIncidentsExample } from './worked-example-incidents.ts'
import { seedProjectsExample } from './worked-example-projects.ts'
import { seedServicesExample } from './worked-example-services.ts'

// One worked example across the four areas, read by each area's summary test and the Overview's.
// Range: 1–31 October 2026 in Europe/London = [2026-09-30T23:00Z, 2026-11-01T00:00Z) (BST ends on
// 25 October), 745 hours. Now: Wednesday 2026-11-04 12:00Z, so this week is 2 November.
export const NOW = new Date('2026-11-04T12:00:00Z')
export const OCTOBER = 'from=2026-10-01&to=2026-10-31'

/** An app over its own database holding the example, and a viewer's GET returning status and body. */
export async function exampleApp() {
  const ctx = await setupApp(NOW)
  await seedExample(ctx.db)
  const viewer = (await loginAs(ctx, 'viewer')).headers
  // Bodies typed by the caller: an area's summary type, or the error envelope.
  const get = async <Body = unknown>(path: string) => {
    const res = await ctx.app.request(path, { headers: viewer })
    return { status: res.status, body: (await res.json()) as Body }
  }
  return { ...ctx, get }
}

/** The example: one team, then each area's rows (worked-example-<area>.ts). */
export async function seedExample(db: Kysely<Database>) {
  const team = await db
    .insertInto('teams')
    .values({ slug: 'infra', name: 'Infrastructure' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await seedServicesExample(db, team)
  await seedIncidentsExample(db)
  const { p1 } = await seedProjectsExample(db)
  await seedCapacityExample(db, team, p1)
}
