import type { Database } from '@opsdeck/db'
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { type Kysely, sql } from 'kysely'
import { randomSecret, sha256 } from './secret.ts'

// A device cookie (OWASP's answer to lock-out attacks) marks a browser that has signed in to an
// account: its sign-ins to that account are throttled on its own failures only (throttle.ts), so
// an attacker failing from the same address, or from everywhere, cannot keep the owner out. It
// proves nothing by itself: the password is checked as always.
//
// One cookie holds the browser's devices for up to DEVICES_PER_BROWSER accounts, tokens joined by
// dots, the one used last first: signing in to another account adds its device instead of
// replacing the first one's. Over HTTPS it is `__Host-opsdeck_device` (Secure, Path=/, no Domain),
// so a sibling subdomain cannot plant or shadow it (cookie tossing); that prefix demands Path=/,
// so over plain HTTP, where it cannot apply, it stays `opsdeck_device` sent only to /api/v1/auth.
const DEVICE_COOKIE = 'opsdeck_device'
const HTTPS_DEVICE_COOKIE = `__Host-${DEVICE_COOKIE}`
const HTTP_COOKIE_PATH = '/api/v1/auth'
const DEVICE_MAX_MS = 365 * 24 * 3_600_000
const DEVICES_PER_BROWSER = 5
const TOKEN = /^[\w-]{43}$/
// A script signing in without keeping cookies makes a device each time: keep the newest few of
// those never used again. A device signed in with twice is in real use and is never evicted by
// them, only by a year without use (or a password change, reset or disabling: forgetDevices).
const DEVICES_PER_ACCOUNT = 20

export interface Device {
  token: string
  tokenHash: Buffer
}

const cookieName = (https: boolean) => (https ? HTTPS_DEVICE_COOKIE : DEVICE_COOKIE)

/** The device tokens the browser holds, the one used last first. */
export function browserDevices(c: Context, https: boolean): string[] {
  const value = getCookie(c, cookieName(https)) ?? ''
  return [...new Set(value.split('.'))].filter((t) => TOKEN.test(t)).slice(0, DEVICES_PER_BROWSER)
}

/** Which of the browser's device tokens belongs to the account with this email, if one does. */
export async function findDevice(
  db: Kysely<Database>,
  tokens: string[],
  email: string,
  now: Date,
): Promise<Device | undefined> {
  if (!tokens.length) return undefined
  const hashes = tokens.map((token) => ({ token, tokenHash: sha256(token) }))
  const found = await db
    .selectFrom('loginDevices')
    .innerJoin('users', 'users.id', 'loginDevices.userId')
    .select('loginDevices.tokenHash')
    .where(
      'loginDevices.tokenHash',
      'in',
      hashes.map((h) => h.tokenHash),
    )
    .where(sql<string>`lower(users.email)`, '=', email)
    .where('loginDevices.lastUsedAt', '>', new Date(now.getTime() - DEVICE_MAX_MS))
    .executeTakeFirst()
  return found && hashes.find((h) => h.tokenHash.equals(found.tokenHash))
}

/**
 * The account's devices are trusted no longer: its password changed, was reset, or it was
 * disabled. Whoever learnt the old password may have signed in and kept a device.
 */
export async function forgetDevices(db: Kysely<Database>, userId: number) {
  await db.deleteFrom('loginDevices').where('userId', '=', userId).execute()
}

/**
 * After a successful sign-in: the browser's device, or a new one, belongs to the account for
 * another year. Answers the token for the cookie. Call it after the sign-in has locked the user's
 * row, so that parallel sign-ins of one account prune its devices one at a time.
 */
export async function rememberDevice(
  db: Kysely<Database>,
  args: { userId: number; now: Date; device: Device | undefined },
): Promise<string> {
  const { userId, now, device } = args
  if (device) {
    await db
      .updateTable('loginDevices')
      .set({ lastUsedAt: now })
      .where('tokenHash', '=', device.tokenHash)
      .execute()
    return device.token
  }
  const token = randomSecret(32)
  const tokenHash = sha256(token)
  await db
    .insertInto('loginDevices')
    .values({ tokenHash, userId, createdAt: now, lastUsedAt: now })
    .execute()
  const neverUsedAgain = sql<boolean>`last_used_at = created_at`
  await db
    .deleteFrom('loginDevices')
    .where((eb) =>
      eb.or([
        eb('lastUsedAt', '<=', new Date(now.getTime() - DEVICE_MAX_MS)),
        eb.and([
          eb('userId', '=', userId),
          eb('tokenHash', '!=', tokenHash),
          neverUsedAgain,
          eb(
            'tokenHash',
            'not in',
            eb
              .selectFrom('loginDevices')
              .select('tokenHash')
              .where('userId', '=', userId)
              .where('tokenHash', '!=', tokenHash)
              .where(neverUsedAgain)
              .orderBy('lastUsedAt', 'desc')
              .limit(DEVICES_PER_ACCOUNT - 1),
          ),
        ]),
      ]),
    )
    .execute()
  return token
}

/** The browser's devices with this one first; the oldest beyond DEVICES_PER_BROWSER go. */
export function setDeviceCookie(
  c: Context,
  token: string,
  browser: { https: boolean; devices: string[] },
) {
  const { https } = browser
  const others = browser.devices.filter((t) => t !== token)
  const value = [token, ...others].slice(0, DEVICES_PER_BROWSER).join('.')
  setCookie(c, cookieName(https), value, {
    httpOnly: true,
    sameSite: 'Lax',
    path: https ? '/' : HTTP_COOKIE_PATH,
    secure: https,
    maxAge: Math.floor(DEVICE_MAX_MS / 1000),
  })
}
