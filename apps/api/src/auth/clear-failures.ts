import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import {
  ACCOUNT_ADDRESS_KEY_PREFIX,
  ACCOUNT_KEY_PREFIX,
  accountAddressPrefix,
  ADDRESS_KEY_PREFIX,
  DEVICE_KEY_PREFIX,
  deviceKey,
  normalEmail,
} from './login-keys.ts'

// Forgetting sign-in failures: a successful sign-in's own keys, and the admin's unlock.

/** Forgets a key's failures; attempts still in flight settle as they will. */
export async function clearFailures(db: Kysely<Database>, key: string) {
  await db.deleteFrom('loginFailures').where('key', '=', key).where('pending', '=', false).execute()
}

/**
 * The admin's unlock: forgets every failure on an account, from every address and device, and
 * the address-wide failures of each address that failed on it (those may hold its owner back
 * too). Answers how many failed sign-ins on the account, and how many addresses, were forgotten.
 */
export async function clearAccountFailures(
  db: Kysely<Database>,
  account: { email: string; userId: number },
): Promise<{ failures: number; addresses: number }> {
  const email = normalEmail(account.email)
  const devices = await db
    .selectFrom('loginDevices')
    .select('tokenHash')
    .where('userId', '=', account.userId)
    .execute()
  const rows = await db
    .deleteFrom('loginFailures')
    .where((eb) =>
      eb.or([
        eb('key', '=', ACCOUNT_KEY_PREFIX + email),
        sql<boolean>`starts_with(key, ${accountAddressPrefix(email)})`,
        ...(devices.length
          ? [
              eb(
                'key',
                'in',
                devices.map((d) => deviceKey(d.tokenHash)),
              ),
            ]
          : []),
      ]),
    )
    .returning(['key', 'pending'])
    .execute()
  const addresses = [
    ...new Set(
      rows
        .filter((r) => r.key.startsWith(ACCOUNT_ADDRESS_KEY_PREFIX))
        .map((r) => {
          const [, group] = JSON.parse(r.key.slice(ACCOUNT_ADDRESS_KEY_PREFIX.length)) as string[]
          return ADDRESS_KEY_PREFIX + group!
        }),
    ),
  ]
  if (addresses.length) await db.deleteFrom('loginFailures').where('key', 'in', addresses).execute()
  return { failures: signInsOf(rows), addresses: addresses.length }
}

/** Forgets every recorded failure, on every key (`account:unlock --all`); answers how many. */
export async function clearAllFailures(db: Kysely<Database>): Promise<number> {
  return signInsOf(await db.deleteFrom('loginFailures').returning(['key', 'pending']).execute())
}

// A failed sign-in left one row on its account's key, or on its device's: count those.
const signInsOf = (rows: { key: string; pending: boolean }[]) =>
  rows.filter(
    (r) =>
      !r.pending && (r.key.startsWith(ACCOUNT_KEY_PREFIX) || r.key.startsWith(DEVICE_KEY_PREFIX)),
  ).length
