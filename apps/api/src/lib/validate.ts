import { zValidator } from '@hono/zod-validator'
import type { ErrorCode } from '@opsdeck/contract'
import type { Context, MiddlewareHandler, ValidationTargets } from 'hono'
import { resolver, uniqueSymbol } from 'hono-openapi'
import type { ClientErrorStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
import type { AppEnv } from '../app-env.ts'
import { errorBody } from './errors.ts'

interface Detail {
  path: string
  message: string
}

// As hono's validator reads it: application/json or application/<something>+json.
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i

/**
 * zValidator that answers 400 in the error envelope, naming each bad field. For a JSON body it
 * first refuses, rather than reads as `{}` or fails with a 500, a body that is not JSON: 415
 * `unsupported_media_type` for another Content-Type, 400 `invalid_json` for an empty or malformed one.
 * The schema also describes the request in the OpenAPI document (parameters, or the body).
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  const validator = zValidator(target, schema, (result, c) => {
    if (result.success) return
    const details = result.error.issues.map((i) => ({
      path: [target, ...i.path.map(String)].join('.'),
      message: i.message,
    }))
    const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ')
    return refuse(c, 400, 'validation_failed', `Invalid request: ${summary}`, details)
  })
  const described = { [uniqueSymbol]: { target, ...resolver(schema) } }
  if (target !== 'json') {
    return Object.assign(validator, described) as WithJsonRefusals<typeof validator, Target>
  }
  const jsonValidator: WithJsonRefusals<typeof validator, 'json'> = async (c, next) => {
    const mediaType = c.req.header('Content-Type')?.split(';')[0]?.trim() ?? ''
    if (!JSON_MEDIA_TYPE.test(mediaType)) {
      const message = 'must be application/json'
      return refuse(
        c,
        415,
        'unsupported_media_type',
        'Send the request body as JSON (Content-Type: application/json)',
        [{ path: 'header.content-type', message }],
      )
    }
    const problem = jsonProblem(await c.req.text())
    if (problem) {
      const details = [{ path: 'json', message: problem }]
      return refuse(c, 400, 'invalid_json', `Invalid request: json: ${problem}`, details)
    }
    // hono's validator reads the body again from its cache.
    return validator(c, next)
  }
  return Object.assign(jsonValidator, described) as WithJsonRefusals<typeof validator, Target>
}

// The typed client learns that a JSON route may also answer 415.
type WithJsonRefusals<M, Target> =
  M extends MiddlewareHandler<infer E, infer P, infer I, infer R>
    ? MiddlewareHandler<E, P, I, Target extends 'json' ? R | ReturnType<typeof refuse<415>> : R>
    : never

function jsonProblem(body: string): string | null {
  if (!body.trim()) return 'is empty: send a JSON object'
  try {
    JSON.parse(body)
    return null
  } catch (err) {
    const reason = err instanceof Error ? err.message : ''
    if (reason.startsWith('Unexpected end')) return 'is not valid JSON (it ends too soon)'
    const at = /at position (\d+)/.exec(reason)?.[1]
    return `is not valid JSON${at === undefined ? '' : ` (at character ${at})`}`
  }
}

// A client's mistake: one line without a stack, not an error of ours.
function refuse<S extends ClientErrorStatusCode>(
  c: Context,
  status: S,
  code: ErrorCode,
  message: string,
  details: Detail[],
) {
  const { log } = c.var as AppEnv['Variables']
  log.info({ status, code, details }, 'client error')
  return c.json(errorBody(code, message, details), status)
}
