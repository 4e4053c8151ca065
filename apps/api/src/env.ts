import { DbEnv } from '@opsdeck/db'
import { z } from 'zod'

export const Env = DbEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OPSDECK_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  OPSDECK_DEMO: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  OPSDECK_WEB_DIST: z.string().default('apps/web/dist'),
})
export type Env = z.infer<typeof Env>
