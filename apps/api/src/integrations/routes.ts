import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'

// Incident intake from other tools, for `ingest` tokens: Alertmanager and a generic webhook.
export const integrations = new Hono<AppEnv>()
