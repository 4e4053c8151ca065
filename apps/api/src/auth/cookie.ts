import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { forwarded } from './client-address.ts'

export const SESSION_COOKIE = 'opsdeck_session'

export const readSessionCookie = (c: Context) => getCookie(c, SESSION_COOKIE)

/** HTTPS as the browser sees it: behind a trusted proxy, the proxy says so. */
export function isHttps(c: Context, trustedProxy: boolean): boolean {
  const proto = forwarded(c, 'x-forwarded-proto', trustedProxy)
  if (proto) return proto === 'https'
  return new URL(c.req.url).protocol === 'https:'
}

export function setSessionCookie(
  c: Context,
  token: string,
  options: { https: boolean; maxAgeMs: number },
) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: options.https,
    maxAge: Math.floor(options.maxAgeMs / 1000),
  })
}

export function clearSessionCookie(c: Context, https: boolean) {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Lax', path: '/', secure: https })
}
