import { ATTENTION_AREAS, ATTENTION_SEVERITIES } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { IsoInstant } from './openapi.ts'
import type { Scope } from './scope.ts'

/**
 * One thing on the manager's "needs attention" list: what (title), why in one line (reason), how
 * urgent, and where to act (a path in the SPA). Declared here, in lib/, because every area
 * produces items and the Overview composes them.
 */
export const AttentionItem = z.strictObject({
  area: z.enum(ATTENTION_AREAS),
  severity: z.enum(ATTENTION_SEVERITIES),
  /** What needs attention: a service's, incident's, project's or person's name. */
  title: z.string(),
  /** One line a manager understands: "Down for 12 min". */
  reason: z.string(),
  /**
   * A path in the SPA, with a query of its own where the page has a view to open (`/capacity?
   * team=infra`): the SPA adds the range being viewed.
   */
  href: z.string().regex(/^\/[^#]*$/),
  /** Since when it has been so (ranks longer-standing items first); null when not knowable. */
  since: IsoInstant.nullable(),
})
export type AttentionItem = z.output<typeof AttentionItem>

/**
 * An area's contribution: its items for now (`scope.now`), whatever range is being viewed. At most
 * one item per subject per reason; the Overview ranks them.
 */
export type AttentionProvider = (db: Kysely<Database>, scope: Scope) => Promise<AttentionItem[]>
