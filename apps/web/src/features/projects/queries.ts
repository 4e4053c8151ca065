import type { InferResponseType } from 'hono/client'
import type { api } from '../../lib/api.ts'

/** The project budgets part of the Overview: portfolio totals and RAG counts. */
export type ProjectsSummary = InferResponseType<typeof api.overview.$get, 200>['budgets']
