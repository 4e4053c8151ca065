import type { Hono } from 'hono'
import { generateSpecs } from 'hono-openapi'
import { z } from 'zod'
import type { AppEnv } from './app-env.ts'
import { access, SECURITY_SCHEMES } from './auth/access.ts'
import { authenticate } from './auth/authenticate.ts'
import type { ErrorCode } from '@opsdeck/contract'
import { doc, envelopeResponse, validationResponse } from './lib/openapi.ts'

export const OPENAPI_PATH = '/api/openapi.json'

/**
 * The OpenAPI 3.1 document of every route `app` holds, made from the schemas the routes validate
 * with and the responses their doc() declares.
 */
export async function openApiDocument(app: Hono<AppEnv>) {
  const document = await generateSpecs(app, {
    documentation: {
      info: {
        title: 'opsdeck API',
        version: '1',
        description:
          'Errors come in one envelope, `{ error: { code, message, details? } }`; the codes are ' +
          'listed per response. People sign in for a session cookie; machines send an API token.',
      },
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    // Our own paths hold dots (this one); the SPA's files are not routes of the API.
    excludeStaticFile: false,
    defaultValidationErrorResponse: validationResponse(),
  })
  addCommonRefusals((document.paths ?? {}) as Record<string, Record<string, Operation>>)
  return document
}

type Operation = { requestBody?: unknown; responses?: Record<string, unknown> }
const UNSAFE = new Set(['post', 'put', 'patch', 'delete'])

/**
 * Refusals that come from the middleware, not from a route's doc(): the CSRF guard on every
 * unsafe method, the body limit and the media-type check wherever a body is read. A route that
 * reads no body cannot answer invalid_json.
 */
function addCommonRefusals(paths: Record<string, Record<string, Operation> | undefined>) {
  for (const operations of Object.values(paths)) {
    for (const [method, op] of Object.entries(operations ?? {})) {
      op.responses ??= {}
      if (UNSAFE.has(method)) addCodes(op.responses, 403, ['csrf_rejected'])
      if (op.requestBody) {
        addCodes(op.responses, 413, ['payload_too_large'])
        addCodes(op.responses, 415, ['unsupported_media_type'])
      } else if (codesOf(op.responses[400]).includes('invalid_json')) {
        const codes = codesOf(op.responses[400]).filter((c) => c !== 'invalid_json')
        op.responses[400] = envelopeResponse(codes)
      }
    }
  }
}

function addCodes(responses: Record<string, unknown>, status: number, codes: ErrorCode[]) {
  const all = [...new Set([...codesOf(responses[status]), ...codes])]
  responses[status] = envelopeResponse(all)
}

// The codes an error response's envelope allows (properties.error.properties.code.enum).
function codesOf(response: unknown): ErrorCode[] {
  type Envelope = { properties?: { error?: { properties?: { code?: { enum?: ErrorCode[] } } } } }
  const content = (response as { content?: Record<string, { schema?: Envelope }> } | undefined)
    ?.content
  return content?.['application/json']?.schema?.properties?.error?.properties?.code?.enum ?? []
}

/**
 * Serves the document at /api/openapi.json to anyone signed in or holding a token of any scope:
 * it holds no data, but need not show strangers every admin route. Made once, on first request.
 */
export function serveOpenApi(app: Hono<AppEnv>) {
  let made: ReturnType<typeof openApiDocument> | undefined
  app.get(
    OPENAPI_PATH,
    doc({
      summary: 'This document',
      tags: ['meta'],
      responses: { 200: z.looseObject({ openapi: z.literal('3.1.0') }) },
    }),
    authenticate(),
    access('authenticated'),
    async (c) => {
      made ??= openApiDocument(app)
      c.header('Cache-Control', 'no-store')
      return c.json(await made, 200)
    },
  )
}
