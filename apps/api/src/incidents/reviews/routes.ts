import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'

// The post-incident review and its follow-up action items.
export const reviews = new Hono<AppEnv>()
