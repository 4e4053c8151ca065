import { PROJECT_CODE_PATTERN } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { errorBody } from '../lib/errors.ts'

/** A project code as the URLs carry it ("PRJ-0012"). */
export const ProjectCode = z
  .string()
  .regex(PROJECT_CODE_PATTERN, 'must be capitals, digits, - and _ (at most 32), e.g. PRJ-0012')

/** `/:code` in a path. */
export const ProjectCodeParam = z.object({ code: ProjectCode })

/** The project a code names, with the fields its writes and reads check; undefined when none. */
export async function findProject(db: Kysely<Database>, code: string, opts = { lock: false }) {
  let query = db
    .selectFrom('projects')
    .select(['id', 'code', 'name', 'status', 'startDate', 'endDate'])
    .where('code', '=', code)
  if (opts.lock) query = query.forUpdate()
  return query.executeTakeFirst()
}

export type ProjectRef = NonNullable<Awaited<ReturnType<typeof findProject>>>

export const projectNotFound = errorBody('project_not_found', 'No such project')
