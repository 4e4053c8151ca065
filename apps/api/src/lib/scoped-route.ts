import type { Database } from '@opsdeck/db'
import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { AppEnv } from '../app-env.ts'
import { access } from '../auth/access.ts'
import { cached } from './figures-cache.ts'
import { doc } from './openapi.ts'
import { invalidRange, RangeQuery } from './range.ts'
import { type Scope, scopeOf } from './scope.ts'
import { validate } from './validate.ts'

/**
 * `GET <path>?from=&to=` for readers: resolves the range into a scope and answers
 * `compute(db, scope)`, typed and documented by `schema`; 400 `invalid_range` for a range whose
 * bounds do not fit together. Each area's summary and the Overview are one of these.
 */
export function scopedRoute<P extends string, T extends object>(
  path: P,
  spec: { summary: string; tag: string; schema: z.ZodType<T> },
  compute: (db: Kysely<Database>, scope: Scope) => Promise<T>,
) {
  return new Hono<AppEnv>().get(
    path,
    doc({
      summary: spec.summary,
      tags: [spec.tag],
      responses: { 200: spec.schema },
      errors: ['invalid_range'],
    }),
    access('read'),
    validate('query', RangeQuery),
    (c) =>
      cached(c, async () => {
        const scoped = await scopeOf(c.var.readDb, c.req.valid('query'), c.var.now)
        if (!scoped.ok) return c.json(invalidRange(scoped.message), 400)
        const body: T = await compute(c.var.readDb, scoped.scope)
        return c.json(body, 200)
      }),
  )
}
