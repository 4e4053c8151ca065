import { MAX_CHECK_ERROR_LENGTH, MAX_CHECK_SAMPLES } from '@opsdeck/contract'
import { z } from 'zod'
import { Count } from '../../lib/schema-parts.ts'
import { text } from '../../lib/text.ts'

// POST /api/v1/checks. In a file of its own rather than schemas.ts, which several issue-8 routes
// are changing at once.

/** The longest latency a sample may report: a sanity bound, far past any check's timeout. */
export const MAX_SAMPLE_LATENCY_MS = 3_600_000

/** One check result as a probe sends it. */
export const CheckSample = z
  .strictObject({
    /** The service's slug. */
    service: text().min(1).max(200),
    /** An ISO-8601 instant with its offset (Z or ±hh:mm); digits past the millisecond are dropped. */
    at: z.iso.datetime({ offset: true }),
    status: z.enum(['up', 'degraded', 'down']),
    /** Time to the answer; null only for a down sample that got none (a timeout, a refusal). */
    latencyMs: z.number().int().min(0).max(MAX_SAMPLE_LATENCY_MS).nullable(),
    /** The HTTP status, for HTTP checks. */
    statusCode: z.number().int().min(100).max(599).nullish(),
    /** Why the check failed or was slow, in a line. */
    error: text().max(MAX_CHECK_ERROR_LENGTH).nullish(),
  })
  .superRefine((s, ctx) => {
    if (s.latencyMs === null && s.status !== 'down') {
      const message = 'must be a number unless the status is down (no answer to time)'
      ctx.addIssue({ code: 'custom', path: ['latencyMs'], message })
    }
  })
export type CheckSample = z.output<typeof CheckSample>

/** The request as the OpenAPI document shows it. */
export const CheckBatch = z.strictObject({
  samples: z.array(CheckSample).min(1).max(MAX_CHECK_SAMPLES),
})

/**
 * The request as validated before the handler: its shape only (400). Each sample is checked in
 * the handler, so that a bad one is refused with 422 by index, the list capped.
 */
export const CheckBatchShape = z.strictObject({
  samples: z.array(z.unknown()).min(1).max(MAX_CHECK_SAMPLES),
})

export const CheckIngested = z.strictObject({
  /** Samples stored by this request. */
  inserted: Count,
  /** Samples whose (service, at) was already stored, or repeated within the batch. */
  duplicates: Count,
})
