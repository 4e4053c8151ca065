import type { InferResponseType } from 'hono/client'
import type { api } from '../../lib/api.ts'

/** The incidents part of the Overview: open by severity, MTTA and MTTR. */
export type IncidentsSummary = InferResponseType<typeof api.overview.$get, 200>['incidents']
