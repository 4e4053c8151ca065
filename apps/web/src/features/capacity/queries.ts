import type { InferResponseType } from 'hono/client'
import type { api } from '../../lib/api.ts'

/** The capacity part of the Overview: this week's hours per team. */
export type CapacitySummary = InferResponseType<typeof api.overview.$get, 200>['capacity']
