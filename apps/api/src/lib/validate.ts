import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import type { z } from 'zod'
import { errorBody } from './errors.ts'

/** zValidator that answers 400 in the error envelope, naming each bad field. */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return zValidator(target, schema, (result, c) => {
    if (result.success) return
    const details = result.error.issues.map((i) => ({
      path: [target, ...i.path.map(String)].join('.'),
      message: i.message,
    }))
    const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ')
    return c.json(errorBody('validation_failed', `Invalid request: ${summary}`, details), 400)
  })
}
