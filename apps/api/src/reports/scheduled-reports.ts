import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import { SYSTEM } from '../lib/audit.ts'
import type { Metrics } from '../lib/metrics.ts'
import { type PdfRenderer, PdfUnavailableError } from './pdf/render-pdf.ts'
import type { MailConfig } from './schedules/deliver.ts'
import { runDueSchedules } from './schedules/run-due.ts'
import { createShareLink } from './share/links.ts'
import { freezeReport } from './snapshots/freeze.ts'

export interface ScheduledReportsConfig {
  db: Kysely<Database>
  log: Logger
  workerId: string
  publicUrl: string
  mail: MailConfig | null
  pdf: PdfRenderer
  /** Webhooks go through it: the worker's guarded fetch, refusing the cloud metadata address. */
  fetch?: typeof fetch
  /** Counts deliveries by channel and outcome. */
  metrics?: Metrics | null
}

/**
 * The worker's pass over the report schedules, with the reports area's own operations: freeze
 * (as opsdeck itself, in the audit log), share, and print to PDF (a mail goes without the PDF,
 * but with its link, when this server cannot print).
 */
export function scheduledReports(config: ScheduledReportsConfig) {
  const { db, log, pdf } = config
  return () =>
    runDueSchedules(db, {
      now: () => new Date(),
      workerId: config.workerId,
      publicUrl: config.publicUrl,
      mail: config.mail,
      fetch: config.fetch,
      log,
      delivered: (channel, outcome) => config.metrics?.delivered(channel, outcome),
      freeze: (trx, args) =>
        freezeReport(trx, { ...args, audit: { at: args.now, requestId: null, actor: SYSTEM } }),
      share: (trx, args) => createShareLink(trx, { ...args, label: 'Scheduled delivery' }),
      renderPdf: async (snapshotId) => {
        try {
          return await pdf.render(snapshotId)
        } catch (err) {
          if (!(err instanceof PdfUnavailableError)) throw err
          log.warn({ snapshotId, reason: err.message }, 'scheduled report sent without its PDF')
          return null
        }
      },
    })
}
