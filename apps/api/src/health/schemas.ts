import { z } from 'zod'

export const Alive = z.strictObject({ status: z.literal('ok') })

export const Ready = z.strictObject({ status: z.literal('ok'), database: z.literal('ok') })

/** Send it no traffic: shutting down, or the database does not answer. */
export const NotReady = z.strictObject({
  status: z.enum(['draining', 'unavailable']),
  database: z.enum(['not checked', 'not answering']),
})
