import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { type AppEnv, varsOf } from '../app-env.ts'
import { forwarded } from './client-address.ts'

export const SESSION_COOKIE = 'opsdeck_session'

export const readSessionCookie = (c: Context) => getCookie(c, SESSION_COOKIE)

/** HTTPS as the browser sees it: behind a trusted proxy, the proxy says so. */
export function isHttps<E extends AppEnv>(c: Context<E>): boolean {
  const proto = forwarded(c, 'x-forwarded-proto')
  if (proto) return proto === 'https'
  return new URL(c.req.url).protocol === 'https:'
}

export function setSessionCookie<E extends AppEnv>(c: Context<E>, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isHttps(c),
    maxAge: Math.floor(varsOf(c).auth.sessionMaxMs / 1000),
  })
}

export function clearSessionCookie<E extends AppEnv>(c: Context<E>) {
  deleteCookie(c, SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isHttps(c),
  })
}
