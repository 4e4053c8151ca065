import { MAX_IMPORT_BYTES } from '@opsdeck/contract'
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import { errorBody } from './errors.ts'

export const MAX_BODY_BYTES = 1024 * 1024

/**
 * Headers for every response: API, errors and the dashboard alike. The built SPA loads only its
 * own scripts and stylesheets (Vite emits no inline script); charts set style attributes, hence
 * style-src-attr; the favicon is a data: URI.
 */
export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      styleSrcAttr: ["'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
  })

// A CSV import's JSON body: the file (MAX_IMPORT_BYTES, 2 MiB, held by the route) with its
// quotes and line ends escaped (a file of quoted cells about doubles in JSON).
const CSV_IMPORT_BODY_BYTES = 2 * MAX_IMPORT_BYTES + 64 * 1024

/**
 * Routes allowed a larger body than MAX_BODY_BYTES. A full check batch (10,000 samples) is about
 * 1.2 MB with status codes and no error texts, and about 7 MB with every error text at its
 * 500-character limit: 8 MiB takes any valid batch.
 */
export const LARGER_BODIES: Record<string, number> = {
  'POST /api/v1/checks': 8 * 1024 * 1024,
  ...Object.fromEntries(
    [
      'projects/imports/actuals',
      'projects/imports/baselines',
      'capacity/imports/people',
      'capacity/imports/allocations',
    ].flatMap((kind) =>
      ['preview', 'commit'].map((step) => [`POST /api/v1/${kind}/${step}`, CSV_IMPORT_BODY_BYTES]),
    ),
  ),
}

const limited = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: (c) =>
      c.json(
        errorBody('payload_too_large', `The request body is larger than ${maxSize / 2 ** 20} MiB`),
        413,
      ),
  })

// One middleware for every route (the authorization matrix counts them), its limit by route.
export const limitBody = (): MiddlewareHandler => {
  const standard = limited(MAX_BODY_BYTES)
  const larger = new Map(Object.entries(LARGER_BODIES).map(([route, max]) => [route, limited(max)]))
  return (c, next) => (larger.get(`${c.req.method} ${c.req.path}`) ?? standard)(c, next)
}
