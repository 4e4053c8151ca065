import { MAX_RANGE_DAYS } from '@opsdeck/contract'
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { localDay } from '../../lib/calendar.ts'
import { doc } from '../../lib/openapi.ts'
import { getOrganisation } from '../../lib/organisation.ts'
import { invalidRange } from '../../lib/range.ts'
import { validate } from '../../lib/validate.ts'
import { monthStartBefore, supplierSpend } from './supplier-spend.ts'
import { SupplierQuery, Suppliers } from './schemas.ts'

const DAY_MS = 86_400_000

// GET /suppliers: the vendor view, spend by supplier across projects and months.
export const suppliers = new Hono<AppEnv>().get(
  '/',
  doc({
    summary:
      'Spend by supplier on every project from the actuals dated from `from` to `to` (days, both inclusive; default this month and the 11 before it, in the organisation’s zone): per supplier its total, share of all spend (credits count negative), its five largest projects with how many it has (`projectCount`), and its months; the ten largest with the rest as "Other". Entries without a supplier show as "(no supplier)"',
    tags: ['projects'],
    responses: { 200: Suppliers },
    errors: ['invalid_range'],
  }),
  access('read'),
  validate('query', SupplierQuery),
  async (c) => {
    const q = c.req.valid('query')
    const org = await getOrganisation(c.var.db)
    const to = q.to ?? localDay(c.var.now, org.timezone)
    const from = q.from ?? monthStartBefore(to, 11)
    const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1
    if (days < 1) return c.json(invalidRange('`from` must be on or before `to`'), 400)
    if (days > MAX_RANGE_DAYS) {
      return c.json(invalidRange(`the range may span at most ${MAX_RANGE_DAYS} days`), 400)
    }
    const spend = await supplierSpend(c.var.db, { from, to })
    const body: Suppliers = { from, to, currency: org.currency, ...spend }
    return c.json(body, 200)
  },
)
