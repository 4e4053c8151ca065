// How a route joins the OpenAPI document (GET /api/openapi.json). Copy this shape:
//
//   export const things = new Hono<AppEnv>()
//     .get(
//       '/summary',
//       doc({ summary: 'The things figures', tags: ['things'], responses: { 200: ThingsSummary } }),
//       access('read'),                    // adds security, 401 and 403 to the document
//       validate('query', RangeQuery),     // adds the parameters (or the body) and the 400
//       async (c) => c.json(await thingsSummary(c.var.db, …), 200),
//     )
//
// `responses` are zod schemas of the JSON sent (strictObject, ISO strings for dates; null for a
// 204); `errors` lists the route's own refusals (`errors: ['thing_not_found']`, codes in
// @opsdeck/contract). In the route test: `const body = expectMatches(ThingsSummary, await res.json())`.
import { ERROR_CODES, ERROR_STATUS, type ErrorCode } from '@opsdeck/contract'
import type { MiddlewareHandler } from 'hono'
import { describeRoute, type GenerateSpecOptions, resolver } from 'hono-openapi'
import { z } from 'zod'

// index and field: a refused check sample's position in the batch and its field (POST /checks);
// line and column: a CSV import's bad cell (line 1 is the header; no column for the whole file).
const Detail = z.strictObject({
  path: z.string(),
  message: z.string(),
  index: z.number().int().min(0).optional(),
  field: z.string().optional(),
  line: z.number().int().min(1).optional(),
  column: z.string().nullable().optional(),
})

/** The error envelope, its code one of `codes`. */
export const errorEnvelope = (codes: readonly ErrorCode[]) =>
  z.strictObject({
    error: z.strictObject({
      code: z.enum(codes as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.array(Detail).optional(),
    }),
  })

/** Any error the API sends. */
export const ErrorEnvelope = errorEnvelope(ERROR_CODES)

/** An instant as JSON carries it (Date#toJSON). */
export const IsoInstant = z.iso.datetime()

// Response bodies are described as sent (the output side of each schema), request parts as read.
const json = (schema: z.ZodType) => ({
  'application/json': { schema: resolver(schema, { options: { io: 'output' } }) },
})

const SUCCESS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No content',
}

/** The error responses for `codes`, one per status. */
export function errorResponses(codes: readonly ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>()
  for (const code of codes) {
    const status = ERROR_STATUS[code]
    byStatus.set(status, [...(byStatus.get(status) ?? []), code])
  }
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      status,
      { description: list.join(', '), content: json(errorEnvelope(list)) },
    ]),
  )
}

// A route's own 400s (invalid_range) sit beside the request validation's, which has no 400 of its
// own once the route declares one.
const VALIDATION_CODES: ErrorCode[] = ['validation_failed', 'invalid_json']

type ResponseObject = Exclude<GenerateSpecOptions['defaultValidationErrorResponse'], boolean>
type SchemaObject = NonNullable<NonNullable<ResponseObject['content']>[string]['schema']>

/** An error response whose envelope carries one of `codes`, as a plain OpenAPI response object. */
export function envelopeResponse(codes: readonly ErrorCode[]): ResponseObject {
  // zod writes JSON Schema 2020-12, the dialect of OpenAPI 3.1's schema objects.
  const schema: Record<string, unknown> = z.toJSONSchema(errorEnvelope(codes))
  delete schema.$schema
  const content = { 'application/json': { schema: schema as SchemaObject } }
  return { description: codes.join(', '), content }
}

/** The 400 of a route that validates its request (the document adds it where validate() is). */
export const validationResponse = () => envelopeResponse(VALIDATION_CODES)

interface RouteDoc {
  summary: string
  description?: string
  tags?: string[]
  /** The success (and other non-envelope) bodies by status: a zod schema, or null for no body. */
  responses: Record<number, z.ZodType | null>
  /** The route's own refusals, beyond those of access() and validate(). */
  errors?: ErrorCode[]
}

/** Describes a route for the OpenAPI document; it does nothing to the request. */
export function doc(spec: RouteDoc): MiddlewareHandler {
  const { responses, errors = [], ...rest } = spec
  const own = errors.some((code) => ERROR_STATUS[code] === 400)
    ? [...VALIDATION_CODES, ...errors]
    : errors
  return describeRoute({
    ...rest,
    responses: {
      ...Object.fromEntries(
        Object.entries(responses).map(([status, schema]) => [
          status,
          {
            description: SUCCESS[Number(status)] ?? 'Response',
            ...(schema ? { content: json(schema) } : {}),
          },
        ]),
      ),
      ...errorResponses(own),
      default: { description: 'An error, in the envelope', content: json(ErrorEnvelope) },
    },
  })
}
