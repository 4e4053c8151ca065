import type { Options as HashOptions } from '@node-rs/argon2'

export interface AuthConfig {
  sessionIdleMs: number
  sessionMaxMs: number
  /** Behind one reverse proxy: take the client address from X-Forwarded-For, HTTPS from X-Forwarded-Proto. */
  trustedProxy: boolean
  /** argon2id cost; production keeps the library's defaults (OWASP: m=19 MiB, t=2, p=1). */
  hash: HashOptions
  loginLimits: LoginLimits
}

/** Failed sign-ins allowed per sliding window; see throttle.ts for how they combine. */
export interface LoginLimits {
  windowMs: number
  /** One client address's failures on one account: an attacker's own budget. */
  perAccountAddress: number
  /** The account's failures from every address: past it, attempts without the account's device are slowed account-wide. */
  perAccount: number
  /** One client address's failures, whichever accounts it named. */
  perAddress: number
  /** A known device's failures on its account: while below, nothing else holds it back. */
  perDevice: number
}

const HOUR_MS = 3_600_000

export const DEFAULT_AUTH_CONFIG: AuthConfig = {
  sessionIdleMs: 8 * HOUR_MS,
  sessionMaxMs: 7 * 24 * HOUR_MS,
  trustedProxy: false,
  hash: {},
  loginLimits: {
    windowMs: 15 * 60_000,
    perAccountAddress: 10,
    perAccount: 100,
    perAddress: 30,
    perDevice: 10,
  },
}
