import type { Database } from '@opsdeck/db'
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { type Kysely, sql } from 'kysely'
import type { AppEnv } from '../app-env.ts'
import { isHttps } from './cookie.ts'
import { randomSecret, sha256 } from './secret.ts'

// A device cookie (OWASP's answer to lock-out attacks) marks a browser that has signed in to an
// account: its sign-ins to that account are throttled on its own failures only (throttle.ts), so
// an attacker failing from the same address, or from everywhere, cannot keep the owner out. It
// proves nothing by itself: the password is checked as always.
export const DEVICE_COOKIE = 'opsdeck_device'
const DEVICE_MAX_MS = 365 * 24 * 3_600_000
// A script signing in without keeping cookies makes a device each time: keep the newest few.
const DEVICES_PER_ACCOUNT = 20
// Sent only where passwords are checked, not with every request.
const COOKIE_PATH = '/api/v1/auth'

export interface Device {
  token: string
  tokenHash: Buffer
}

/** The device cookie the browser sent, when it belongs to the account with this email. */
export async function findDevice<E extends AppEnv>(
  c: Context<E>,
  db: Kysely<Database>,
  email: string,
  now: Date,
): Promise<Device | undefined> {
  const token = getCookie(c, DEVICE_COOKIE)
  if (!token) return undefined
  const tokenHash = sha256(token)
  const found = await db
    .selectFrom('loginDevices')
    .innerJoin('users', 'users.id', 'loginDevices.userId')
    .select('loginDevices.userId')
    .where('loginDevices.tokenHash', '=', tokenHash)
    .where(sql<string>`lower(users.email)`, '=', email)
    .where('loginDevices.lastUsedAt', '>', new Date(now.getTime() - DEVICE_MAX_MS))
    .executeTakeFirst()
  return found ? { token, tokenHash } : undefined
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
  await db
    .deleteFrom('loginDevices')
    .where((eb) =>
      eb.or([
        eb('lastUsedAt', '<=', new Date(now.getTime() - DEVICE_MAX_MS)),
        eb.and([
          eb('userId', '=', userId),
          eb('tokenHash', '!=', tokenHash),
          eb(
            'tokenHash',
            'not in',
            eb
              .selectFrom('loginDevices')
              .select('tokenHash')
              .where('userId', '=', userId)
              .where('tokenHash', '!=', tokenHash)
              .orderBy('lastUsedAt', 'desc')
              .limit(DEVICES_PER_ACCOUNT - 1),
          ),
        ]),
      ]),
    )
    .execute()
  return token
}

export function setDeviceCookie<E extends AppEnv>(c: Context<E>, token: string) {
  setCookie(c, DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: COOKIE_PATH,
    secure: isHttps(c),
    maxAge: Math.floor(DEVICE_MAX_MS / 1000),
  })
}
