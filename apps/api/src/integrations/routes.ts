import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { access } from '../auth/access.ts'
import { auditContext } from '../lib/audit.ts'
import { doc } from '../lib/openapi.ts'
import { validate } from '../lib/validate.ts'
import { alertmanagerSignal } from './alertmanager.ts'
import { receiveDelivery } from './receive.ts'
import { AlertmanagerPayload, IntakeAnswer, WebhookPayload } from './schemas.ts'
import { webhookSignal } from './webhook.ts'

const tags = ['integrations']
const responses = { 200: IntakeAnswer, 202: IntakeAnswer }
const CHANGED: readonly IntakeAnswer['outcome'][] = ['opened', 'updated', 'resolved']

const IDEMPOTENT =
  'A body received before (the same JSON, whatever its key order and spacing) answers 200 `duplicate` and changes nothing. 202 when the delivery opened, updated or resolved an incident; 200 when it changed none (`ignored`, with the reason in `detail`). Events on the timeline name the tool as their author.'

// Incident intake from other tools, for `ingest` tokens (and admins): the delivery, its
// incident change and the record of its digest in one transaction.
export const integrations = new Hono<AppEnv>()
  .post(
    '/alertmanager',
    doc({
      summary: 'Receive a Prometheus Alertmanager webhook delivery (payload version 4)',
      description: `A firing group opens an incident, or updates the open one of its \`groupKey\` (severity only raised, services added); a resolved group resolves it at its alerts' last \`endsAt\`. Severity from the label set in the intake settings (default \`severity\`: critical → SEV1, high or error → SEV2, warning → SEV3, anything else → SEV4; the highest firing alert wins); services from the service label (default \`service\`) matched to service slugs, a value that matches none noted on the timeline. After a manual resolve, a re-sent group opens a new incident only for an alert that began after the resolution, and a late \`resolved\` changes nothing. ${IDEMPOTENT}`,
      tags,
      responses,
    }),
    access('ingest'),
    validate('json', AlertmanagerPayload),
    async (c) => {
      const who = auditContext(c.var)
      const received = { at: who.at, by: who.actor }
      const answer = await receiveDelivery(
        c.var.db,
        { source: 'alertmanager', body: await c.req.json(), at: who.at },
        (trx) => alertmanagerSignal(trx, c.req.valid('json'), received),
      )
      c.var.log.info({ outcome: answer.outcome, ref: answer.ref }, 'alertmanager delivery')
      return CHANGED.includes(answer.outcome) ? c.json(answer, 202) : c.json(answer, 200)
    },
  )
  .post(
    '/webhook',
    doc({
      summary: 'Receive a problem from another tool (the generic JSON webhook)',
      description: `\`{source, key, status: firing|resolved, title, severity, startedAt, summary?, services?, url?, endedAt?}\`: one open incident per tool (\`source\`) and \`key\`. Firing needs \`title\`, \`severity\` (SEV1–SEV4) and \`startedAt\`; it opens an incident or updates the open one (severity only raised, services added by slug, a slug that is no service's noted on the timeline). Resolved resolves it at \`endedAt\` (default: when received). After a manual resolve, firing again opens a new incident only with a \`startedAt\` after the resolution. ${IDEMPOTENT}`,
      tags,
      responses,
    }),
    access('ingest'),
    validate('json', WebhookPayload),
    async (c) => {
      const who = auditContext(c.var)
      const received = { at: who.at, by: who.actor }
      const answer = await receiveDelivery(
        c.var.db,
        { source: 'webhook', body: await c.req.json(), at: who.at },
        (trx) => webhookSignal(trx, c.req.valid('json'), received),
      )
      c.var.log.info({ outcome: answer.outcome, ref: answer.ref }, 'webhook delivery')
      return CHANGED.includes(answer.outcome) ? c.json(answer, 202) : c.json(answer, 200)
    },
  )
