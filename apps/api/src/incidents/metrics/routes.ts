import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'

// GET /incidents/metrics: response and reliability figures for a range and filter.
export const metrics = new Hono<AppEnv>()
