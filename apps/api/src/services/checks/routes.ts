import { Hono } from 'hono'
import { resolver, uniqueSymbol } from 'hono-openapi'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { validate } from '../../lib/validate.ts'
import { CheckBatch, CheckBatchShape, CheckIngested } from './schemas.ts'
import { ingestChecks } from './ingest-checks.ts'

// The batch's shape is validated up front (400); its samples in the handler (422 by index). The
// document shows the whole sample schema all the same.
const batchShape = Object.assign(validate('json', CheckBatchShape), {
  [uniqueSymbol]: { target: 'json', ...resolver(CheckBatch) },
})

export const checks = new Hono<AppEnv>().post(
  '/',
  doc({
    summary: 'Store a batch of check samples (up to 10,000), all or none',
    description:
      'For probes with an `ingest` token. Idempotent on (service, at): a replayed sample is counted as a duplicate and changes nothing, raw or rolled up. Late and out-of-order samples are accepted back to the raw-sample retention (`rawSampleRetentionDays` in the settings) and up to 5 minutes ahead of the server clock. Any refused sample refuses the whole batch with 422; `details` lists the problems by `index` and `field` (the first 100), the message gives their number. The body may be up to 8 MiB.',
    tags: ['services'],
    responses: { 200: CheckIngested },
    errors: [
      'invalid_samples',
      'unknown_service',
      'service_archived',
      'sample_too_old',
      'sample_in_future',
    ],
  }),
  access('ingest'),
  batchShape,
  async (c) => {
    const samples = c.req.valid('json').samples
    const outcome = await ingestChecks(c.var.db, samples, c.var.now)
    if (!outcome.ok) {
      const { code, message, details } = outcome
      c.var.log.info({ status: 422, code, problems: details.length }, 'check batch refused')
      c.var.metrics?.ingested('rejected', samples.length)
      return c.json(errorBody(code, message, details), 422)
    }
    c.var.metrics?.ingested('accepted', outcome.result.inserted)
    c.var.metrics?.ingested('duplicate', outcome.result.duplicates)
    return c.json(outcome.result, 200)
  },
)
