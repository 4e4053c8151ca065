import type { InferResponseType } from 'hono/client'
import type { api } from '../../lib/api.ts'

/** The services part of the Overview: status counts and pooled uptime per tier. */
export type ServicesSummary = InferResponseType<typeof api.overview.$get, 200>['services']
