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

export interface LoginLimits {
  windowMs: number
  perAccount: number
  perAddress: number
}

const HOUR_MS = 3_600_000

export const DEFAULT_AUTH_CONFIG: AuthConfig = {
  sessionIdleMs: 8 * HOUR_MS,
  sessionMaxMs: 7 * 24 * HOUR_MS,
  trustedProxy: false,
  hash: {},
  loginLimits: { windowMs: 15 * 60_000, perAccount: 10, perAddress: 30 },
}
