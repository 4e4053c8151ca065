import type { Database } from '@opsdeck/db'
import { Validator } from '@seriousme/openapi-schema-validator'
import type { Kysely } from 'kysely'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches, loginAs, setupApp, type TestApp } from '../test/helpers.ts'
import { createApp } from './app.ts'
import { ErrorEnvelope } from './lib/openapi.ts'
import { OPENAPI_PATH, openApiDocument } from './openapi.ts'

type Operation = {
  summary?: string
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }
  parameters?: { in: string; name: string }[]
}

// Routes and the document need no database: the app is built without one to list them.
const app = createApp({ db: {} as Kysely<Database>, logger: pino({ level: 'silent' }) })
const document = await openApiDocument(app)

let ctx: TestApp
beforeAll(async () => {
  ctx = await setupApp()
})
afterAll(() => ctx.drop())

const operation = (path: string, method: string) =>
  (document.paths[path] as Record<string, Operation> | undefined)?.[method]

/** Every route the app answers, as `METHOD /path`: not the middleware (ALL), not the SPA's `*`. */
function registeredRoutes(): string[] {
  const routes = app.routes
    .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
    .map((r) => `${r.method} ${r.path}`)
  return [...new Set(routes)].sort()
}

const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}')

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator()
    const result = await validator.validate(document)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  // A new route fails here until its doc() says what it answers (see lib/openapi.ts).
  it.each(registeredRoutes())('describes %s: a summary and its success bodies', (route) => {
    const [method, path] = route.split(' ') as [string, string]
    const op = operation(openApiPath(path), method.toLowerCase())
    expect(op, `${route} is missing from the document`).toBeDefined()
    expect(op?.summary, `${route} has no doc({ summary })`).toBeTruthy()
    const success = Object.entries(op?.responses ?? {}).filter(([status]) => /^2/.test(status))
    expect(success.length, `${route} declares no 2xx response`).toBeGreaterThan(0)
    for (const [status, response] of success) {
      if (status === '204') expect(response.content).toBeUndefined()
      // JSON, a CSV export's text, a report's PDF, or the Prometheus metrics' text.
      else {
        const content = response.content ?? {}
        const schema = (
          content['application/json'] ??
          content['text/csv'] ??
          content['application/pdf'] ??
          content['text/plain']
        )?.schema
        expect(schema, `${route} ${status}`).toBeDefined()
      }
    }
  })

  it('describes a request from the schema that validates it', () => {
    const create = operation('/api/v1/users', 'post')
    const body = create?.requestBody?.content['application/json']?.schema
    expect(body).toMatchObject({
      required: ['email', 'name', 'role', 'password'],
      additionalProperties: false,
      properties: { password: { minLength: 12 }, role: { enum: ['viewer', 'manager', 'admin'] } },
    })
    expect(operation('/api/v1/users/{id}', 'patch')?.parameters).toContainEqual(
      expect.objectContaining({ in: 'path', name: 'id', required: true }),
    )
    expect(operation('/api/v1/audit', 'get')?.responses['400']).toBeDefined()
  })

  // The middleware's refusals are in the document too: a client checking answers against it must
  // accept a CSRF refusal, an oversized body or a wrong media type.
  it.each(registeredRoutes())('lists the middleware refusals of %s', (route) => {
    const [method, path] = route.split(' ') as [string, string]
    const op = operation(openApiPath(path), method.toLowerCase())
    const codes = (status: number) =>
      JSON.stringify(op?.responses[status] ?? {})
        .match(/"enum":\[[^\]]*\]/g)
        ?.join() ?? ''
    if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) {
      expect(codes(403)).toContain('"csrf_rejected"')
    }
    if (op?.requestBody) {
      expect(codes(413)).toContain('"payload_too_large"')
      expect(codes(415)).toContain('"unsupported_media_type"')
    } else {
      expect(codes(400)).not.toContain('"invalid_json"')
    }
  })

  it('is served to whoever is signed in, and to nobody else', async () => {
    const anonymous = await ctx.app.request(OPENAPI_PATH)
    expect(anonymous.status).toBe(401)
    expectMatches(ErrorEnvelope, await anonymous.json())
    const { headers } = await loginAs(ctx, 'viewer')
    const res = await ctx.app.request(OPENAPI_PATH, { headers })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(document)))
  })
})
