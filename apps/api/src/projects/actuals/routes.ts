import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'

export const actuals = new Hono<AppEnv>()
