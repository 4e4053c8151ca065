import type { Context } from 'hono'
import { clientAddress } from './client-address.ts'
import { isHttps, readSessionCookie } from './cookie.ts'
import { browserDevices } from './devices.ts'

/** What signing in needs of the browser, read off the request once, as plain values. */
export interface Browser {
  https: boolean
  /** Its address in one spelling (client-address.ts): what the throttle and sessions record. */
  address: string
  userAgent: string | null
  /** The session cookie it still holds, if any. */
  sessionToken: string | undefined
  /** Its device tokens, the one used last first (devices.ts). */
  devices: string[]
}

export function browserOf(c: Context, trustedProxy: boolean): Browser {
  const https = isHttps(c, trustedProxy)
  return {
    https,
    address: clientAddress(c, trustedProxy),
    userAgent: c.req.header('user-agent') ?? null,
    sessionToken: readSessionCookie(c),
    devices: browserDevices(c, https),
  }
}
