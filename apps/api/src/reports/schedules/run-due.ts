import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import { getOrganisation } from '../../lib/organisation.ts'
import { customPeriod, type Period, periodOf } from '../period.ts'
import { attachSnapshot, claimDueRuns, findScheduledSnapshot, leaseRunToFreeze } from './claim.ts'
import {
  type Delivery,
  leaseDelivery,
  loadDelivery,
  recordFailure,
  recordSent,
} from './deliveries.ts'
import * as send from './deliver.ts'
import { periodOfRun } from './next-run.ts'

/** What the runner is given: the clock, who it is, and the reports area's own operations. */
export interface ScheduleRunnerDeps {
  now: () => Date
  /** Names this worker's leases. */
  workerId: string
  freeze: (
    db: Kysely<Database>,
    args: {
      period: Period
      now: Date
      by: { userId: number | null; name: string }
      scheduleId?: number | null
    },
  ) => Promise<{ id: number }>
  share: (
    db: Kysely<Database>,
    args: { snapshotId: number; days: number; createdByUserId: number | null; now: Date },
  ) => Promise<{ id: number; token: string }>
  /** The snapshot as a PDF; null when Chromium is absent (the mail then goes without it). */
  renderPdf?: (snapshotId: number) => Promise<Uint8Array | null>
  /** SMTP; without it, email deliveries fail with SMTP_NOT_CONFIGURED. */
  mail?: send.MailConfig | null
  /** The address people open opsdeck at: a share link is `${publicUrl}/shared/${token}`. */
  publicUrl: string
  fetch?: typeof fetch
  /** How long a webhook may take to answer (default 10 s). */
  webhookTimeoutMs?: number
  log: Logger
  /** Told of each delivery attempt, for /metrics. */
  delivered?: (channel: Delivery['channel'], outcome: 'sent' | 'failed') => void
}

// Bounds one pass, so that a tick ends; what is left goes at the next one.
const MAX_PER_PASS = 50

/**
 * One pass of the scheduled reports: make the runs that are due, freeze each run's snapshot once,
 * and send the deliveries that are due (email, webhook) with retries and back-off. Safe to run
 * on several workers at once: they share the work through row locks and leases.
 */
export async function runDueSchedules(db: Kysely<Database>, deps: ScheduleRunnerDeps) {
  const { workerId, log } = deps
  const outcome = { runs: await claimDueRuns(db, deps.now()), frozen: 0, sent: 0, failed: 0 }
  const { timezone } = await getOrganisation(db)

  for (let i = 0; i < MAX_PER_PASS; i += 1) {
    const run = await leaseRunToFreeze(db, deps.now(), workerId)
    if (!run) break
    const period = periodOfRun(run.schedule.periodKind, run.runFor, timezone)
    try {
      const id =
        (await findScheduledSnapshot(db, run.schedule.id, period)) ??
        (
          await deps.freeze(db, {
            period,
            now: deps.now(),
            by: { userId: null, name: `Schedule “${run.schedule.name}”` },
            scheduleId: run.schedule.id,
          })
        ).id
      await attachSnapshot(db, run, id, workerId)
      outcome.frozen += 1
    } catch (err) {
      log.error({ err, scheduleId: run.schedule.id }, 'could not freeze a scheduled report')
      await recordFailure(
        db,
        run.deliveryIds,
        workerId,
        deps.now(),
        `freezing the report failed: ${send.errorText(err)}`,
      )
    }
  }

  let transport: send.MailTransport | undefined
  try {
    for (let i = 0; i < MAX_PER_PASS; i += 1) {
      const id = await leaseDelivery(db, deps.now(), workerId)
      if (id === undefined) break
      const delivery = await loadDelivery(db, id)
      if (!delivery) continue
      try {
        if (delivery.channel === 'email') {
          if (!deps.mail) throw new Error(send.SMTP_NOT_CONFIGURED)
          transport ??= send.mailTransport(deps.mail)
        }
        await send.sendDelivery(db, deps, delivery, periodOfSnapshot(delivery, timezone), transport)
        await recordSent(db, id, workerId, deps.now())
        outcome.sent += 1
        deps.delivered?.(delivery.channel, 'sent')
      } catch (err) {
        deps.delivered?.(delivery.channel, 'failed')
        const error = send.errorText(err)
        log.warn({ deliveryId: id, channel: delivery.channel, error }, 'report delivery failed')
        await recordFailure(db, [id], workerId, deps.now(), error, send.isPermanent(err))
        outcome.failed += 1
      }
    }
  } finally {
    transport?.close()
  }
  return outcome
}

function periodOfSnapshot(d: Delivery, timezone: string): Period {
  return d.periodKind === 'custom'
    ? customPeriod(d.firstDay, d.lastDay, timezone)
    : periodOf(d.periodKind, d.firstDay, timezone)
}
