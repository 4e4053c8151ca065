import { createHash, randomBytes } from 'node:crypto'

/** A random secret, base64url: 16 bytes (128 bits) for session cookies, 32 for API tokens. */
export const randomSecret = (bytes: number) => randomBytes(bytes).toString('base64url')

// Secrets are stored as sha256: they are random and long, so a slow hash adds nothing, and a
// leaked table cannot be replayed.
export const sha256 = (secret: string) => createHash('sha256').update(secret).digest()
