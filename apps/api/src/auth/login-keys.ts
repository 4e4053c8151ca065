import { addressGroup } from './client-address.ts'

// The names sign-in failures are counted under (rows of login_failures): one per address, per
// account, per account from an address, and per device. throttle.ts counts and limits them.

/** The keys one attempt is counted on. */
export interface LoginKeys {
  /** The account's email as typed, normalised: what a device cookie must belong to. */
  email: string
  address: string
  account: string
  accountAddress: string
  /** The device's own key: set once the attempt presented a valid device cookie. */
  device?: string | undefined
}

export const ACCOUNT_KEY_PREFIX = 'account:'
export const ADDRESS_KEY_PREFIX = 'address:'
export const ACCOUNT_ADDRESS_KEY_PREFIX = 'account-address:'
export const DEVICE_KEY_PREFIX = 'device:'
export const normalEmail = (email: string) => email.trim().toLowerCase()
// JSON keeps email and address apart whatever characters the typed email holds.
export const accountAddressPrefix = (account: string) =>
  `${ACCOUNT_ADDRESS_KEY_PREFIX}[${JSON.stringify(account)},`

export function loginKeys(email: string, address: string): LoginKeys {
  const account = normalEmail(email)
  const group = addressGroup(address)
  return {
    email: account,
    address: ADDRESS_KEY_PREFIX + group,
    account: ACCOUNT_KEY_PREFIX + account,
    accountAddress: `${accountAddressPrefix(account)}${JSON.stringify(group)}]`,
  }
}

/** The key a device's own failures are counted on, from its token's SHA-256. */
export const deviceKey = (tokenHash: Buffer) => DEVICE_KEY_PREFIX + tokenHash.toString('hex')
