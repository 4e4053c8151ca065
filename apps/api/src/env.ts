import { MIN_PASSWORD_LENGTH } from '@opsdeck/contract'
import { DbEnv, envNumber } from '@opsdeck/db'
import { z } from 'zod'

const Flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')
const OnOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => v === 'on' || v === 'true' || v === '1')
// An empty value counts as unset, as .env files often leave them.
const unsetWhenEmpty = (v: unknown) => (v === '' ? undefined : v)

export const Env = DbEnv.extend({
  PORT: envNumber(z.coerce.number().int().min(1).max(65535).default(3000)),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OPSDECK_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  OPSDECK_DEMO: Flag.default(true),
  OPSDECK_WEB_DIST: z.string().default('apps/web/dist'),
  OPSDECK_ADMIN_EMAIL: z.preprocess(unsetWhenEmpty, z.email().default('admin@opsdeck.local')),
  OPSDECK_ADMIN_PASSWORD: z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
      .optional(),
  ),
  OPSDECK_SESSION_IDLE_HOURS: envNumber(
    z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(8),
  ),
  OPSDECK_SESSION_MAX_DAYS: envNumber(z.coerce.number().positive().max(365).default(7)),
  OPSDECK_TRUSTED_PROXY: Flag.default(false),
  // GET /metrics for Prometheus (a `read` token); off: 404, and requests are not counted.
  OPSDECK_METRICS: z.preprocess(unsetWhenEmpty, OnOff.default(true)),
  // How long a start waits for an external database that is not up yet (docker compose, systemd).
  OPSDECK_DB_WAIT_SECONDS: envNumber(z.coerce.number().min(0).max(3_600).default(60)),
  // How long requests in flight at SIGTERM may take to finish before their connections are cut.
  OPSDECK_SHUTDOWN_GRACE_SECONDS: envNumber(z.coerce.number().min(0).max(600).default(15)),
  // The worker's prober: checks running at once in this process, and the name its check leases
  // carry (unset: host, pid and a random part, unique per start).
  OPSDECK_PROBE_CONCURRENCY: envNumber(z.coerce.number().int().min(1).max(200).default(20)),
  OPSDECK_WORKER_ID: z.preprocess(unsetWhenEmpty, z.string().trim().min(1).max(200).optional()),
  // Loopback targets (127.0.0.0/8, ::1) are refused unless set: they make the prober a scanner of
  // this host's ports. Link-local (cloud metadata) is refused whatever this says.
  OPSDECK_PROBE_ALLOW_LOOPBACK: z.preprocess(unsetWhenEmpty, Flag.default(false)),
  // Reports. The address people open opsdeck at, for the links in scheduled mail (unset: this
  // server's own, http://localhost:PORT). Chromium prints snapshots to PDF, loading the report
  // page from OPSDECK_RENDER_URL (unset: this process's own server; a worker alone has none).
  OPSDECK_PUBLIC_URL: z.preprocess(unsetWhenEmpty, z.url({ protocol: /^https?$/ }).optional()),
  OPSDECK_CHROMIUM_PATH: z.preprocess(unsetWhenEmpty, z.string().default('/usr/bin/chromium')),
  OPSDECK_RENDER_URL: z.preprocess(unsetWhenEmpty, z.url({ protocol: /^https?$/ }).optional()),
  // Scheduled reports by email: an smtp:// or smtps:// URL (credentials in it) and the sender.
  OPSDECK_SMTP_URL: z.preprocess(unsetWhenEmpty, z.url({ protocol: /^smtps?$/ }).optional()),
  OPSDECK_SMTP_FROM: z.preprocess(
    unsetWhenEmpty,
    z.string().default('opsdeck <opsdeck@localhost>'),
  ),
  // How stale the dashboard's figures may be: answers are shared for this long (0: never). Writes
  // through the same instance clear them at once. Who a session is is remembered half as long.
  OPSDECK_CACHE_SECONDS: envNumber(z.coerce.number().min(0).max(300).default(10)),
}).refine((env) => env.DATABASE_URL !== undefined || env.DATABASE_REPLICA_URL === undefined, {
  path: ['DATABASE_REPLICA_URL'],
  message: 'needs DATABASE_URL too (the embedded server has no replica)',
})
export type Env = z.infer<typeof Env>
