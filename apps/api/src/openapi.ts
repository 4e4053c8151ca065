import type { Hono } from 'hono'
import { generateSpecs } from 'hono-openapi'
import { z } from 'zod'
import type { AppEnv } from './app-env.ts'
import { access, SECURITY_SCHEMES } from './auth/access.ts'
import { authenticate } from './auth/authenticate.ts'
import { doc, validationResponse } from './lib/openapi.ts'

export const OPENAPI_PATH = '/api/openapi.json'

/**
 * The OpenAPI 3.1 document of every route `app` holds, made from the schemas the routes validate
 * with and the responses their doc() declares.
 */
export function openApiDocument(app: Hono<AppEnv>) {
  return generateSpecs(app, {
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
